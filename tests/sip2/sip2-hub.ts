/** A test hub whose ILS is the sip2 adapter, talking to a simulator over a demo library of its own. */
import { Sip2Ils } from '../../server/ils/sip2/sip2-ils';
import type { Sip2Settings } from '../../server/ils/sip2/sip2-settings';
import { createTestHub, START } from '../api/support/test-hub';
import { createDemoDatabase } from './demo-database';
import { startSip2Simulator, type SimulatorOptions } from './sip2-simulator';

export async function createSip2Hub(options: { settings?: Partial<Sip2Settings>; simulator?: Partial<SimulatorOptions> } = {}) {
  const simulatorDb = await createDemoDatabase(START);
  const simulator = await startSip2Simulator({ db: simulatorDb, ...options.simulator });
  const settings: Sip2Settings = { ...simulator.settings, timeoutMs: 800, ...options.settings };
  const ils = new Sip2Ils(settings, { timeZone: 'Asia/Shanghai', pool: { size: 2, backoffMs: 200 } });
  const hub = await createTestHub({ ils: () => ils, config: { ils: 'sip2', sip2: settings } });
  // A SIP2 hub has no demo circulation, so no demo scan rules either (server/main.ts).
  hub.db.prepare(`DELETE FROM settings WHERE key = 'scanRules'`).run();
  return {
    ...hub,
    ils,
    simulator,
    simulatorDb,
    async close() {
      ils.close();
      await simulator.close();
      simulatorDb.close();
      await hub.close();
    },
  };
}
