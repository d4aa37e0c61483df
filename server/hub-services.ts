/** The hub's long-lived parts, built once per app and handed to the route modules. */
import type { Database } from 'better-sqlite3';
import { IdempotentRequests } from './circulation/idempotent-requests';
import { TransactionLog } from './circulation/transaction-log';
import { systemSleep, type Clock, type Sleep } from './clock';
import type { HubConfig } from './config';
import { DownloadTickets } from './ebooks/download-tickets';
import { ilsFromConfig } from './ils/sip2/ils-from-config';
import type { IlsPort } from './ils/ils-port';
import { KioskRegistry } from './kiosks/kiosk-registry';
import { PairingCodes, PairingThrottle } from './kiosks/pairing-codes';
import { PatronSessions } from './patron-sessions/patron-sessions';
import { ReceiptTickets } from './receipts/receipt-tickets';
import { PinLockout } from './patron-sessions/pin-lockout';
import { SignInThrottle } from './patron-sessions/sign-in-throttle';
import { unconfiguredScanRules } from './settings/scan-rules';
import { AuditLog } from './staff/audit-log';
import { StaffSessions } from './staff/staff-sessions';
import { StaffSignInThrottle } from './staff/staff-sign-in-throttle';

export interface HubServices {
  db: Database;
  now: Clock;
  sleep: Sleep;
  ils: IlsPort;
  kiosks: KioskRegistry;
  /** One-time codes that pair a kiosk page with its kiosk, and the tries per address. */
  pairingCodes: PairingCodes;
  pairingThrottle: PairingThrottle;
  patronSessions: PatronSessions;
  pinLockout: PinLockout;
  signInThrottle: SignInThrottle;
  transactions: TransactionLog;
  idempotentRequests: IdempotentRequests;
  /** Admin panel sessions (in SQLite); the staff routes authorize with these. */
  staffSessions: StaffSessions;
  staffSignInThrottle: StaffSignInThrottle;
  /** Every staff action: `audit.recordRequest(request, action, target)` in a staff route. */
  audit: AuditLog;
  /** The QR codes' download tickets: issued at kiosks, redeemed by phones. */
  downloadTickets: DownloadTickets;
  /** Receipts on the phone: issued at Finish, opened by the first phone for 14 days. */
  receiptTickets: ReceiptTickets;
}

export function createHubServices(
  config: HubConfig,
  db: Database,
  now: Clock,
  ils: IlsPort = ilsFromConfig(config, db),
  sleep: Sleep = systemSleep,
): HubServices {
  const transactions = new TransactionLog(db, now);
  return {
    db,
    now,
    sleep,
    ils,
    kiosks: new KioskRegistry(db, now, { scanRulesWhenUnset: unconfiguredScanRules(config.ils), pinFormat: ils.pinFormat }),
    pairingCodes: new PairingCodes(db, now),
    pairingThrottle: new PairingThrottle(now),
    patronSessions: new PatronSessions(config.sessionIdleMinutes, now),
    pinLockout: new PinLockout(db, now),
    signInThrottle: new SignInThrottle(db, now),
    transactions,
    idempotentRequests: new IdempotentRequests(transactions),
    staffSessions: new StaffSessions(db, now),
    staffSignInThrottle: new StaffSignInThrottle(db, now),
    audit: new AuditLog(db, now),
    receiptTickets: new ReceiptTickets(db, now),
    downloadTickets: new DownloadTickets(db, now, {
      ttlMinutes: config.ebookTicketTtlSeconds / 60,
      dailyCardLimit: config.ebookDailyLimit,
      timeZone: config.timeZone,
    }),
  };
}
