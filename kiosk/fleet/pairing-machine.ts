/**
 * The pairing screen: staff type the 6-digit code from the admin panel on the number pad (or a
 * keyboard) and OK; the hub answers the device token, which `storeToken` keeps (injected), and
 * the machine is done. A wrong or stale code says so and the pad is cleared.
 */
import { assertEvent, assign, fromPromise, setup } from 'xstate';
import type { PairAnswer } from '../../shared/api/fleet-schemas';
import { notProvided } from '../../shared/machines/not-provided';
import { errorNotice, type Notice } from '../session/notices';

export const PAIRING_CODE_LENGTH = 6;

export type PairingEvent = { type: 'key.typed'; char: string } | { type: 'key.backspace' } | { type: 'key.clear' } | { type: 'key.enter' };

export interface PairingContext {
  code: string;
  notice: Notice | null;
}

export const pairingMachine = setup({
  types: {
    context: {} as PairingContext,
    events: {} as PairingEvent,
  },
  actors: {
    pairKiosk: fromPromise<PairAnswer, { code: string }>(notProvided),
  },
  actions: {
    storeToken: (_, _params: { token: string }) => {},
    typeDigit: assign(({ context, event }) => {
      assertEvent(event, 'key.typed');
      return { code: context.code + event.char, notice: null };
    }),
    backspace: assign({ code: ({ context }) => context.code.slice(0, -1) }),
    clear: assign({ code: '' }),
  },
  guards: {
    roomForDigit: ({ context, event }) => event.type === 'key.typed' && /^\d$/.test(event.char) && context.code.length < PAIRING_CODE_LENGTH,
    complete: ({ context }) => context.code.length === PAIRING_CODE_LENGTH,
  },
}).createMachine({
  id: 'pairing',
  context: { code: '', notice: null },
  initial: 'entering',
  states: {
    entering: {
      on: {
        'key.typed': { guard: 'roomForDigit', actions: 'typeDigit' },
        'key.backspace': { actions: 'backspace' },
        'key.clear': { actions: 'clear' },
        'key.enter': { guard: 'complete', target: 'pairing' },
      },
    },
    pairing: {
      invoke: {
        src: 'pairKiosk',
        input: ({ context }) => ({ code: context.code }),
        onDone: { target: 'paired', actions: { type: 'storeToken', params: ({ event }) => ({ token: event.output.token }) } },
        onError: { target: 'entering', actions: assign(({ event }) => ({ code: '', notice: errorNotice(event.error, Date.now()) })) },
      },
    },
    paired: { type: 'final' },
  },
});
