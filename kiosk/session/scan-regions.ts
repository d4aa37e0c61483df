/** Regions the session machine's scanning screens are built from: the camera, and the scan screen itself. */
import { and, not } from 'xstate';
import type { ScanKind } from '../scanning/camera/camera-types';
import { HubError } from '../../shared/api/hub-client';
import { offlineTransaction } from '../offline/offline-transaction';
import { refusalNotice } from './notices';
import { SESSION_EXPIRED, sessionSetup } from './session-setup';
import type { ScanList } from './session-types';

/** An outage seen this recently needs no fresh check before a scan is queued. */
export const OUTAGE_FRESH_MS = 2000;

/**
 * The camera region of a screen that expects a scan: it starts by itself where the kiosk profile
 * names a camera and it is there, else on the patron's request. The scanner actor lives in `on`, so leaving the
 * screen however it happens stops the camera.
 */
export function cameraRegion(accepts: readonly ScanKind[]) {
  return sessionSetup.createStateConfig({
    initial: 'choosing',
    exit: 'forgetCamera',
    states: {
      choosing: { always: [{ guard: 'cameraNamed', target: 'on' }, { target: 'off' }] },
      off: { tags: 'camera.off', on: { 'camera.requested': 'on' } },
      on: {
        tags: 'camera.on',
        invoke: {
          src: 'cameraScanner',
          input: ({ context, event }) => ({
            deviceId: context.config.cameraDeviceId,
            label: context.config.cameraLabel,
            askedByPatron: event.type === 'camera.requested',
            rules: context.config.scanRules,
            accepts,
          }),
          onError: { target: 'failed', actions: { type: 'noteCameraFailure', params: 'failed' } },
        },
        on: {
          'camera.started': { actions: { type: 'showPreview', params: ({ event }) => event.preview } },
          // The profile's camera is not plugged in: ask, as where none is named (a tap opens any camera).
          'camera.missing': 'off',
          'camera.read': { actions: ['countRead', { type: 'playCue', params: { cue: 'read' } }] },
          'camera.failed': { target: 'failed', actions: { type: 'noteCameraFailure', params: ({ event }) => event.reason } },
          'camera.dismissed': { target: 'off', actions: 'forgetCamera' },
        },
      },
      failed: { tags: 'camera.failed', on: { 'camera.requested': { target: 'on', actions: 'forgetCamera' } } },
    },
  });
}

type StateConfig = Parameters<typeof sessionSetup.createStateConfig>[0];
type Transitions = NonNullable<StateConfig['on']>;

/**
 * A screen where items are scanned (borrow, return): invalid and repeated scans are answered at
 * once, the rest queue for the hub one at a time in `items.checking`, the camera runs beside.
 */
export function scanScreen(screen: {
  list: ScanList;
  accepts: readonly ScanKind[];
  duplicate: 'borrow.duplicate' | 'return.duplicate';
  /** A blocked patron may not borrow: refused here, without asking the hub. */
  refuseBlockedPatron: boolean;
  navigation: Transitions;
  checking: StateConfig;
}) {
  const { list } = screen;
  return sessionSetup.createStateConfig({
    tags: 'scan.item',
    type: 'parallel',
    exit: 'clearNotice',
    on: {
      'item.scanned': [
        {
          guard: not('validBarcode'),
          actions: [{ type: 'refuseScan', params: { list, why: { key: 'code.request.invalid' } } }, { type: 'playCue', params: { cue: 'refusal' } }],
        },
        { guard: { type: 'alreadyScanned', params: { list } }, actions: { type: 'showNotice', params: { key: screen.duplicate } } },
        {
          guard: and([() => screen.refuseBlockedPatron, 'patronBlocked']),
          actions: [{ type: 'refuseScan', params: { list, why: { key: 'code.patron.blocked' } } }, { type: 'playCue', params: { cue: 'refusal' } }],
        },
        // Scans that arrive while another is with the hub wait in the queue.
        { actions: { type: 'queueScan', params: { list } } },
      ],
    },
    states: {
      camera: cameraRegion(screen.accepts),
      items: {
        initial: 'ready',
        states: {
          ready: {
            always: [
              { guard: and(['hasQueuedScan', { type: 'queuesStraightOffline', params: { list } }]), target: 'confirmingOffline' },
              // Signed in offline, the card's offline limit reached: there is no hub sign-in to try a loan with.
              { guard: and(['hasQueuedScan', 'signedInOffline', () => list === 'borrowed']), actions: 'refuseOfflineLoan' },
              { guard: 'hasQueuedScan', target: 'checking' },
            ],
            on: screen.navigation,
          },
          checking: {
            ...screen.checking,
            // No answer in time: the hub is as good as down (the call is aborted; its id makes a late arrival harmless).
            after: {
              hubDeadline: [
                { guard: { type: 'queuesOffline', params: { list, error: undefined } }, target: 'queuing' },
                {
                  target: 'ready',
                  actions: [
                    { type: 'failScan', params: { list, error: new HubError('network.offline') } },
                    { type: 'playCue', params: { cue: 'refusal' } },
                  ],
                },
              ],
            },
          },
          // Queued only while the hub is really down: asked at once unless an outage was seen just now.
          confirmingOffline: {
            invoke: {
              src: 'confirmOffline',
              input: { maxAgeMs: OUTAGE_FRESH_MS },
              onDone: [
                { guard: ({ event }) => event.output, target: 'queuing' },
                // A card signed in offline has no hub sign-in to borrow with: its loans stay queued.
                { guard: and(['signedInOffline', () => list === 'borrowed']), target: 'queuing', actions: 'noteHubBack' },
                { target: 'checking', actions: 'noteHubBack' },
              ],
              onError: 'queuing',
            },
          },
          queuing: {
            invoke: {
              src: 'queueOffline',
              input: ({ context }) => offlineTransaction(context, list),
              onDone: {
                target: 'ready',
                actions: [
                  { type: 'settleQueued', params: ({ event }) => ({ list, transaction: event.output }) },
                  { type: 'playCue', params: { cue: 'success' } },
                ],
              },
              onError: {
                target: 'ready',
                actions: [
                  { type: 'failScan', params: ({ event }) => ({ list, error: event.error }) },
                  { type: 'playCue', params: { cue: 'refusal' } },
                ],
              },
            },
          },
        },
      },
    },
  });
}

/** A check that failed outright (network, ILS down): the row says why; an ended sign-in ends the session. */
export function scanFailed(list: ScanList) {
  return [
    SESSION_EXPIRED,
    // The hub is down and the offline policy allows it: queued in the outbox instead.
    { guard: { type: 'queuesOffline', params: ({ event }: { event: { error: unknown } }) => ({ list, error: event.error }) }, target: 'queuing' },
    {
      target: 'ready',
      actions: [
        { type: 'failScan', params: ({ event }: { event: { error: unknown } }) => ({ list, error: event.error }) },
        { type: 'playCue', params: { cue: 'refusal' } },
      ],
    },
  ] as const;
}
