/** The pairing screen's machine with the hub faked. */
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { pairingMachine } from '../../../kiosk/fleet/pairing-machine';
import { HubError } from '../../../shared/api/hub-client';
import { settle } from './session-harness';

const TOKEN = 'device-token-'.padEnd(43, 'x');

function startPairing(answer: (code: string) => Promise<{ token: string }>) {
  const pairKiosk = vi.fn(({ input }: { input: { code: string } }) => answer(input.code));
  const stored: string[] = [];
  const actor = createActor(
    pairingMachine.provide({ actors: { pairKiosk: fromPromise(pairKiosk) }, actions: { storeToken: (_, { token }) => void stored.push(token) } }),
  ).start();
  const type = (text: string) => {
    for (const char of text) actor.send({ type: 'key.typed', char });
  };
  return { actor, pairKiosk, stored, type };
}

describe('pairing a kiosk', () => {
  it('takes six digits, sends them on OK, and stores the device token', async () => {
    const pairing = startPairing(async () => ({ token: TOKEN }));
    pairing.type('12a3456789');
    expect(pairing.actor.getSnapshot().context.code).toBe('123456');
    pairing.actor.send({ type: 'key.enter' });
    await settle();
    expect(pairing.pairKiosk.mock.calls[0]?.[0].input).toEqual({ code: '123456' });
    expect(pairing.stored).toEqual([TOKEN]);
    expect(pairing.actor.getSnapshot().status).toBe('done');
  });

  it('does nothing on OK before six digits, and edits with backspace and clear', () => {
    const pairing = startPairing(async () => ({ token: TOKEN }));
    pairing.type('12345');
    pairing.actor.send({ type: 'key.enter' });
    expect(pairing.pairKiosk).not.toHaveBeenCalled();
    pairing.actor.send({ type: 'key.backspace' });
    expect(pairing.actor.getSnapshot().context.code).toBe('1234');
    pairing.actor.send({ type: 'key.clear' });
    expect(pairing.actor.getSnapshot().context.code).toBe('');
  });

  it('says a wrong code is wrong, clears it, and lets staff try again', async () => {
    const pairing = startPairing(async (code) => (code === '654321' ? { token: TOKEN } : Promise.reject(new HubError('pairing.codeInvalid'))));
    pairing.type('111111');
    pairing.actor.send({ type: 'key.enter' });
    await settle();
    expect(pairing.actor.getSnapshot().context).toEqual({ code: '', notice: { key: 'code.pairing.codeInvalid' } });
    pairing.type('654321');
    expect(pairing.actor.getSnapshot().context.notice).toBeNull();
    pairing.actor.send({ type: 'key.enter' });
    await settle();
    expect(pairing.stored).toEqual([TOKEN]);
  });

  it('says when the hub cannot be reached, or refuses too many tries', async () => {
    for (const [error, key] of [[new HubError('network.offline'), 'code.network.offline'], [new HubError('rate.limited'), 'code.rate.limited']] as const) {
      const pairing = startPairing(() => Promise.reject(error));
      pairing.type('123456');
      pairing.actor.send({ type: 'key.enter' });
      await settle();
      expect(pairing.actor.getSnapshot().context.notice).toEqual({ key });
    }
  });
});
