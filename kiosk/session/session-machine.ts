/**
 * One patron session at the kiosk, from the attract screen back to it.
 *
 * Two parallel regions: `flow` holds the screens, `idle` watches for an abandoned session.
 * What the states name (actors, actions, guards, delays) is set up in session-setup.ts; all I/O
 * is injected there, so tests provide it with `machine.provide({ actors })`.
 */
import { and, raise } from 'xstate';
import { cameraRegion, scanFailed, scanScreen } from './scan-regions';
import { emptyPatronSession, receiptOf } from './session-data';
import { CARD_ENTRY, NEW_PIN_ENTRY, PIN_ENTRY, SESSION_EXPIRED, head, noCamera, padKeys, sessionSetup, tokenOf } from './session-setup';

export const sessionMachine = sessionSetup.createMachine({
  id: 'session',
  type: 'parallel',
  context: ({ input }) => ({
    ...emptyPatronSession(),
    config: input.config,
    pendingConfig: null,
    defaultLanguage: input.language ?? input.config.defaultLanguage,
    language: input.language ?? input.config.defaultLanguage,
    largeText: false,
    hubOffline: false,
    secondsLeft: input.config.idleCountdownSeconds,
    camera: noCamera(),
    summary: null,
    ebookToResume: null,
    now: input.now ?? Date.now,
  }),
  on: {
    'language.toggled': { actions: 'toggleLanguage' },
    'largeText.toggled': { actions: 'toggleLargeText' },
    'idle.expired': { target: '.flow.attract' },
    'connectivity.changed': { actions: 'noteConnectivity' },
  },
  states: {
    flow: {
      initial: 'attract',
      // A changed config waits for the attract screen (which handles it itself).
      on: { 'config.changed': { actions: 'keepConfigForLater' } },
      states: {
        attract: {
          tags: 'scan.card',
          // Arriving here ends whatever session there was, however it ended, and takes a config that changed meanwhile.
          entry: ['endSession', 'applyConfig', 'resetKiosk'],
          exit: 'clearNotice',
          on: {
            'config.changed': { actions: ['applyConfig', 'resetKiosk'] },
            'borrow.chosen': 'cardEntry',
            'return.chosen': 'return',
            'ebooks.chosen': 'ebooks',
            'card.scanned': [
              { guard: and(['validCard', 'signsInOffline']), target: 'confirmingOffline', actions: 'takeScannedCard' },
              { guard: 'validCard', target: 'pin', actions: 'takeScannedCard' },
              { actions: [{ type: 'showNotice', params: { key: 'code.request.invalid' } }, { type: 'playCue', params: { cue: 'refusal' } }] },
            ],
          },
        },

        cardEntry: {
          tags: 'keypad',
          type: 'parallel',
          exit: 'clearNotice',
          on: {
            ...padKeys(CARD_ENTRY),
            'key.enter': [
              { guard: and(['hasEntry', 'validTypedCard', 'signsInOffline']), target: 'confirmingOffline', actions: 'takeTypedCard' },
              { guard: and(['hasEntry', 'validTypedCard']), target: 'pin', actions: 'takeTypedCard' },
              {
                guard: 'hasEntry',
                actions: [{ type: 'showNotice', params: { key: 'signin.invalidCard' } }, { type: 'playCue', params: { cue: 'refusal' } }],
              },
            ],
            // From the camera, as a USB scanner sends it on attract.
            'card.scanned': [
              { guard: and(['validCard', 'signsInOffline']), target: 'confirmingOffline', actions: 'takeScannedCard' },
              { guard: 'validCard', target: 'pin', actions: 'takeScannedCard' },
            ],
            'signIn.cancelled': 'attract',
          },
          states: { camera: cameraRegion(['card']) },
        },

        pin: {
          tags: 'keypad',
          exit: 'clearNotice',
          on: {
            ...padKeys(PIN_ENTRY),
            'key.enter': { guard: 'pinComplete', target: 'authenticating' },
            'signIn.cancelled': 'attract',
          },
        },

        authenticating: {
          exit: 'clearEntry',
          invoke: {
            src: 'signIn',
            input: ({ context }) => ({ cardNumber: context.cardNumber, pin: context.entry }),
            onDone: [
              {
                guard: ({ event }) => event.output.pinChangeRequired,
                target: 'pinChange',
                actions: { type: 'keepSignIn', params: ({ event }) => event.output },
              },
              {
                // Signed in to take a `card` e-book: back to that title.
                guard: ({ context }) => context.ebookToResume !== null,
                target: 'ebooks',
                actions: [{ type: 'keepSignIn', params: ({ event }) => event.output }, { type: 'playCue', params: { cue: 'success' } }],
              },
              {
                target: 'home',
                actions: [{ type: 'keepSignIn', params: ({ event }) => event.output }, { type: 'playCue', params: { cue: 'success' } }],
              },
            ],
            onError: [
              {
                // The hub went down just now and the profile lends offline: the card alone, as below.
                guard: { type: 'lendsOfflineAfter', params: ({ event }) => ({ error: event.error }) },
                target: 'checkingCard',
              },
              {
                // The card (or this kiosk, after too many failed sign-ins) is the problem: start again from the card number.
                // pin.notSet: a card imported without a PIN; no PIN opens it until staff set one.
                guard: { type: 'refusedWith', params: ({ event }) => ({ error: event.error, codes: ['card.unknown', 'card.locked', 'signIn.throttled', 'pin.notSet'] }) },
                target: 'cardEntry',
                actions: ['forgetCard', { type: 'showError', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
              },
              {
                target: 'pin',
                actions: [{ type: 'showError', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
              },
            ],
          },
        },

        // A card without a PIN only while the hub is really down: it is asked once more first.
        confirmingOffline: {
          invoke: {
            src: 'confirmOffline',
            input: { maxAgeMs: 0 },
            onDone: [{ guard: ({ event }) => event.output, target: 'checkingCard' }, { target: 'pin', actions: 'noteHubBack' }],
            onError: 'checkingCard',
          },
        },

        // The hub is down: no PIN can be checked, so the card is checked against the list the hub sent last.
        checkingCard: {
          invoke: {
            src: 'checkOfflineCard',
            input: ({ context }) => ({ policy: context.config.offline, cardNumber: context.cardNumber }),
            onDone: [
              { guard: ({ event }) => event.output, target: 'home', actions: ['signInOffline', { type: 'playCue', params: { cue: 'success' } }] },
              {
                target: 'cardEntry',
                actions: ['forgetCard', { type: 'showNotice', params: { key: 'offline.cardRefused' } }, { type: 'playCue', params: { cue: 'refusal' } }],
              },
            ],
            onError: {
              target: 'cardEntry',
              actions: ['forgetCard', { type: 'showError', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
            },
          },
        },

        pinChange: {
          initial: 'choosing',
          on: { 'signIn.cancelled': 'attract' },
          states: {
            choosing: {
              tags: 'keypad',
              on: {
                ...padKeys(NEW_PIN_ENTRY),
                'key.enter': [
                  { guard: 'acceptablePin', target: 'confirming', actions: 'holdNewPin' },
                  {
                    actions: [
                      'clearEntry',
                      { type: 'showNotice', params: { key: 'code.pin.weak' } },
                      { type: 'playCue', params: { cue: 'refusal' } },
                    ],
                  },
                ],
              },
            },
            confirming: {
              tags: 'keypad',
              on: {
                ...padKeys(NEW_PIN_ENTRY),
                'key.enter': [
                  { guard: 'pinsMatch', target: 'saving' },
                  {
                    target: 'choosing',
                    actions: [
                      'forgetNewPin',
                      { type: 'showNotice', params: { key: 'pinChange.mismatch' } },
                      { type: 'playCue', params: { cue: 'refusal' } },
                    ],
                  },
                ],
              },
            },
            saving: {
              exit: 'forgetNewPin',
              invoke: {
                src: 'changePin',
                input: ({ context }) => ({ patronToken: tokenOf(context), newPin: context.newPin }),
                onDone: {
                  target: '#session.flow.home',
                  actions: [{ type: 'keepPatron', params: ({ event }) => event.output.patron }, { type: 'playCue', params: { cue: 'success' } }],
                },
                onError: [
                  SESSION_EXPIRED,
                  {
                    target: 'choosing',
                    actions: [{ type: 'showError', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
                  },
                ],
              },
            },
          },
        },

        home: {
          on: {
            'borrow.chosen': 'borrow',
            'return.chosen': 'return',
            // My loans come from the hub: not for a card signed in offline.
            'loans.chosen': { guard: 'signedInAtHub', target: 'loans' },
            'finish.chosen': 'finish',
            'ebooks.chosen': 'ebooks',
          },
        },

        // The e-book section is its own machine; leaving this state stops it (and cancels a shown ticket).
        ebooks: {
          exit: 'forgetEbookToResume',
          initial: 'loading',
          states: {
            // Its code loads on first use, out of the kiosk's first load; should that fail, the patron goes back.
            loading: {
              invoke: {
                src: 'loadEbooks',
                onDone: 'open',
                onError: [{ guard: 'signedIn', target: '#session.flow.home' }, { target: '#session.flow.attract' }],
              },
            },
            open: {
              invoke: {
                id: 'ebooks',
                src: 'ebooks',
                input: ({ context }) => ({ patronToken: context.patronToken, openEbookId: context.ebookToResume, now: context.now }),
              },
            },
          },
          on: {
            'ebooks.left': [{ guard: 'signedIn', target: 'home' }, { target: 'attract' }],
            'ebooks.signInRequired': { target: 'cardEntry', actions: 'keepEbookToResume' },
            'ebooks.sessionExpired': { target: 'goodbye', actions: 'noteSessionExpired' },
          },
        },

        borrow: scanScreen({
          list: 'borrowed',
          accepts: ['item', 'isbn'],
          duplicate: 'borrow.duplicate',
          refuseBlockedPatron: true,
          navigation: {
            'home.chosen': '#session.flow.home',
            'return.chosen': '#session.flow.return',
            'loans.chosen': { guard: 'signedInAtHub', target: '#session.flow.loans' },
            'finish.chosen': '#session.flow.finish',
          },
          checking: {
            invoke: {
              src: 'checkout',
              input: ({ context }) => {
                const next = head(context.queue);
                return { patronToken: tokenOf(context), barcode: next.barcode, requestId: next.rowId };
              },
              onDone: {
                target: 'ready',
                actions: [
                  { type: 'settleCheckout', params: ({ event }) => event.output },
                  { type: 'playCue', params: ({ event }) => ({ cue: event.output.ok ? 'success' : 'refusal' }) },
                ],
              },
              onError: scanFailed('borrowed'),
            },
          },
        }),

        return: scanScreen({
          list: 'returned',
          accepts: ['item'],
          duplicate: 'return.duplicate',
          refuseBlockedPatron: false,
          // Returning works without signing in; then only Finish leads on.
          navigation: {
            'home.chosen': { guard: 'signedIn', target: '#session.flow.home' },
            'borrow.chosen': { guard: 'signedIn', target: '#session.flow.borrow' },
            'loans.chosen': { guard: 'signedInAtHub', target: '#session.flow.loans' },
            'finish.chosen': '#session.flow.finish',
          },
          checking: {
            invoke: {
              src: 'checkin',
              input: ({ context }) => {
                const next = head(context.queue);
                return { patronToken: context.patronToken, barcode: next.barcode, requestId: next.rowId };
              },
              onDone: {
                target: 'ready',
                actions: [
                  { type: 'settleCheckin', params: ({ event }) => event.output },
                  { type: 'playCue', params: ({ event }) => ({ cue: event.output.ok ? 'success' : 'refusal' }) },
                ],
              },
              onError: scanFailed('returned'),
            },
          },
        }),

        loans: {
          initial: 'loading',
          exit: 'clearNotice',
          states: {
            loading: {
              invoke: {
                src: 'patronStatus',
                input: ({ context }) => ({ patronToken: tokenOf(context) }),
                onDone: { target: 'ready', actions: { type: 'keepLoans', params: ({ event }) => event.output } },
                onError: [SESSION_EXPIRED, { target: 'failed', actions: { type: 'showError', params: ({ event }) => ({ error: event.error }) } }],
              },
            },
            failed: {
              exit: 'clearNotice',
              on: {
                'loans.retried': 'loading',
                'home.chosen': '#session.flow.home',
                'borrow.chosen': '#session.flow.borrow',
                'return.chosen': '#session.flow.return',
                'finish.chosen': '#session.flow.finish',
              },
            },
            ready: {
              on: {
                'renew.requested': { target: 'renewing', actions: 'markRenewing' },
                'renewAll.requested': { guard: 'hasLoans', target: 'renewing', actions: 'markRenewing' },
                'home.chosen': '#session.flow.home',
                'borrow.chosen': '#session.flow.borrow',
                'return.chosen': '#session.flow.return',
                'finish.chosen': '#session.flow.finish',
              },
            },
            renewing: {
              invoke: {
                src: 'renew',
                input: ({ context }) => ({
                  patronToken: tokenOf(context),
                  barcodes: context.loans.filter((row) => row.status === 'pending').map((row) => row.loan.item.barcode),
                }),
                onDone: {
                  target: 'ready',
                  actions: [
                    { type: 'settleRenewals', params: ({ event }) => event.output },
                    {
                      type: 'playCue',
                      params: ({ event }) => ({ cue: event.output.results.every((result) => result.ok) ? 'success' : 'refusal' }),
                    },
                  ],
                },
                onError: [
                  SESSION_EXPIRED,
                  {
                    target: 'ready',
                    actions: [{ type: 'failRenewals', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
                  },
                ],
              },
            },
          },
        },

        finish: {
          initial: 'deciding',
          states: {
            deciding: {
              always: [
                { guard: { type: 'receiptIs', params: 'ask' }, target: 'asking' },
                { guard: 'printsUnasked', target: 'printing' },
                // A kiosk that never prints may still offer the phone.
                { guard: 'offersPhoneReceipt', target: 'asking' },
                { target: '#session.flow.goodbye' },
              ],
            },
            asking: {
              exit: 'clearNotice',
              on: {
                'receipt.print': { guard: { type: 'receiptIs', params: 'ask' }, target: 'printing' },
                'receipt.phone': { guard: 'offersPhoneReceipt', target: 'phone' },
                'receipt.skip': '#session.flow.goodbye',
              },
            },
            // The receipt QR code; leaving it (Done, or the idle timeout) takes it off the screen.
            // The ticket stays valid on the hub: the phone that scanned it keeps the page for 14 days.
            phone: {
              initial: 'issuing',
              exit: 'forgetPhoneReceipt',
              states: {
                issuing: {
                  invoke: {
                    src: 'issuePhoneReceipt',
                    input: ({ context }) => ({ patronToken: tokenOf(context), language: context.language }),
                    onDone: { target: 'showing', actions: { type: 'keepPhoneReceipt', params: ({ event }) => event.output } },
                    onError: [
                      SESSION_EXPIRED,
                      {
                        target: '#session.flow.finish.asking',
                        actions: [{ type: 'showError', params: ({ event }) => ({ error: event.error }) }, { type: 'playCue', params: { cue: 'refusal' } }],
                      },
                    ],
                  },
                },
                showing: {
                  on: { 'receipt.phoneDone': '#session.flow.goodbye' },
                },
              },
            },
            printing: {
              invoke: {
                src: 'printReceipt',
                input: ({ context }) => receiptOf(context),
                onDone: '#session.flow.goodbye',
                onError: { target: '#session.flow.goodbye', actions: 'notePrintFailed' },
              },
            },
          },
        },

        goodbye: {
          entry: ['summarise', 'endSession'],
          after: { goodbye: 'attract' },
          on: { 'goodbye.dismissed': 'attract' },
        },
      },
    },

    idle: {
      initial: 'watching',
      states: {
        watching: {
          on: { activity: { target: 'watching', reenter: true } },
          after: { idleTimeout: { guard: 'patronOnScreen', target: 'warning' } },
        },
        warning: {
          entry: 'startCountdown',
          on: { 'idle.stillHere': 'watching' },
          initial: 'counting',
          states: {
            counting: {
              after: {
                countdownTick: [
                  { guard: 'lastSecond', target: '#session.idle.watching', actions: raise({ type: 'idle.expired' }) },
                  { target: 'counting', reenter: true, actions: 'tickCountdown' },
                ],
              },
            },
          },
        },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
