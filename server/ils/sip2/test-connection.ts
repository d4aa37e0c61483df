/**
 * "Test connection" for the admin panel: log in with 93, ask 99, and say what the 98 reply means.
 * Never throws: an unreachable server or a refused login is an answer too.
 */
import type { AcsStatus } from '../../../shared/sip2';
import { Sip2Connection } from './sip2-connection';
import type { Sip2Settings } from './sip2-settings';

export type ConnectionTest =
  | { ok: true; status: AcsStatus; allows: { checkout: boolean; checkin: boolean; renewal: boolean; offline: boolean } }
  | { ok: false; reason: string };

export async function testConnection(settings: Sip2Settings): Promise<ConnectionTest> {
  let connection: Sip2Connection | null = null;
  try {
    connection = await Sip2Connection.open(settings, Date.now() + settings.timeoutMs);
    const status = connection.status!;
    return {
      ok: true,
      status,
      allows: { checkout: status.checkoutOk, checkin: status.checkinOk, renewal: status.renewalOk, offline: status.offlineOk },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    connection?.close();
  }
}
