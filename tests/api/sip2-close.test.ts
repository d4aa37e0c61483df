import { expect, it } from 'vitest';
import { DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';

async function eventually(check: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}

it('closing the hub closes its SIP2 connections', async () => {
  const hub = await createSip2Hub();
  try {
    await hub.signIn(DEMO_PATRONS.active.cardNumber, DEMO_PATRONS.active.pin);
    expect(hub.simulator.openConnectionCount()).toBeGreaterThan(0);
    await hub.app.close();
    expect(await eventually(() => hub.simulator.openConnectionCount() === 0, 1000)).toBe(true);
  } finally {
    await hub.simulator.close();
    hub.simulatorDb.close();
    hub.db.close();
  }
});
