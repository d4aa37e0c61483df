/**
 * A SIP2 server for tests and benchmarks: the embedded ILS over a demo database, spoken over TCP
 * on 127.0.0.1 as Koha would, and able to misbehave on request (wrong checksums, 96 replies, slow
 * replies, dropped connections, garbage, a failing login, silence).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { Database } from 'better-sqlite3';
import { EmbeddedIls } from '../../server/ils/embedded/embedded-ils';
import type { CheckoutOutcome, CirculationContext } from '../../server/ils/ils-port';
import {
  buildMessage,
  decodeFrame,
  encodeMessage,
  encodeResend,
  fieldOf,
  formatSipDate,
  FrameReader,
  parseSipDate,
  PATRON_STATUS_FLAGS,
  type AnySip2Message,
  type PatronStatusFlag,
  type Sip2Encoding,
  type Sip2Terminator,
} from '../../shared/sip2';
import type { BlockReason, RefusalCode } from '../../shared/circulation/codes';

export interface Misbehaviour {
  /** The next n replies (after login, resent ones included) carry a wrong checksum. */
  badChecksums?: number;
  /** The next n requests (after login) are answered with 96. */
  resendRequests?: number;
  /** Every reply, the login's included, waits this long. */
  delayMs?: number;
  /** The next n requests (after login) close the connection instead of an answer. */
  drops?: number;
  /** The next n requests (after login) are answered with random bytes. */
  garbage?: number;
  /** Logins are refused (94 with ok 0). */
  failLogin?: boolean;
  /** Connections are accepted and nothing is ever answered. */
  silent?: boolean;
}

export interface SimulatorOptions {
  db: Database;
  user?: string;
  password?: string;
  encoding?: Sip2Encoding;
  terminator?: Sip2Terminator;
  timeZone?: string;
  /** false: replies carry no AY/AZ (servers with error detection off). */
  errorDetection?: boolean;
  /** false: the 98 says offline transactions are not accepted (offline ok N). */
  offlineOk?: boolean;
}

/** A checkout or checkin as received: its fixed fields (no block, transaction date, nb due date, return date). */
export interface ReceivedCirculation {
  code: '11' | '09';
  fixed: Record<string, string>;
  patronId?: string;
  itemId?: string;
}

export type Sip2Simulator = Awaited<ReturnType<typeof startSip2Simulator>>;

const BLOCK_FLAGS: Record<BlockReason, PatronStatusFlag[]> = {
  cardExpired: ['chargePrivilegesDenied', 'renewalPrivilegesDenied'],
  cardLost: ['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'cardReportedLost'],
  overdue: ['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'tooManyItemsOverdue'],
  fines: ['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'excessiveOutstandingFines'],
  manual: ['chargePrivilegesDenied', 'renewalPrivilegesDenied'],
};

/** What a real ILS would print for a refusal (AF): English, as Koha's defaults are. */
const SCREEN_MESSAGE: Partial<Record<RefusalCode, string>> = {
  'card.unknown': 'Invalid patron',
  'patron.blocked': 'Patron is blocked',
  'patron.limitReached': 'Too many items checked out',
  'item.unknown': 'Item not found',
  'item.onLoanToOther': 'Item checked out to another patron',
  'item.alreadyOnLoanToYou': 'Item already checked out to you',
  'item.reservedForOther': 'Item on hold for another patron',
  'item.notForLoan': 'Item not for loan',
  'item.notOnLoan': 'Item not checked out',
  'renew.limitReached': 'No more renewals',
  'renew.onHold': 'Item on hold for another patron',
  'renew.notOnLoanToYou': 'Item not checked out to you',
};

export async function startSip2Simulator(options: SimulatorOptions) {
  const { db, user = 'kiosk', password = 'kiosk-secret', encoding = 'utf-8', terminator = 'cr', timeZone = 'Asia/Shanghai' } = options;
  const ils = new EmbeddedIls(db);
  const sql = {
    openLoan: db.prepare('SELECT due_at FROM loans WHERE item_barcode = ? AND returned_at IS NULL'),
    waitingHolds: db.prepare(`SELECT count(*) AS n FROM holds WHERE item_barcode = ? AND status = 'waiting'`),
  };
  let misbehaviour: Misbehaviour = {};
  const received: string[] = [];
  const circulation: ReceivedCirculation[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const date = (at: Date) => formatSipDate(at, timeZone);
  const ctxOf = (request: AnySip2Message): CirculationContext => ({
    kioskId: 'sip2',
    now: parseSipDate(request.fixed.transactionDate ?? '', timeZone) ?? new Date(),
  });
  const take = (key: 'badChecksums' | 'resendRequests' | 'drops' | 'garbage') => {
    const left = misbehaviour[key] ?? 0;
    if (left > 0) misbehaviour = { ...misbehaviour, [key]: left - 1 };
    return left > 0;
  };

  async function patronReply(request: AnySip2Message, code: '24' | '64') {
    const ctx = ctxOf(request);
    const card = fieldOf(request, 'AA') ?? '';
    const pin = fieldOf(request, 'AD');
    const status = await ils.patronStatus(card, ctx);
    const flags = new Set<PatronStatusFlag>(status?.blocks.flatMap((block) => BLOCK_FLAGS[block]) ?? []);
    if (status && status.loanCount >= status.loanLimit) flags.add('tooManyItemsCharged');
    const patronStatus = PATRON_STATUS_FLAGS.map((flag) => (flags.has(flag) ? 'Y' : ' ')).join('');
    const fields: Array<[string, string | undefined]> = [['AO', fieldOf(request, 'AO') ?? ''], ['AA', card]];
    if (!status) {
      fields.push(['AE', ''], ['BL', 'N'], ['AF', SCREEN_MESSAGE['card.unknown']]);
    } else {
      const pinOk = pin === undefined ? undefined : (await ils.authenticatePatron(card, pin)).ok ? 'Y' : 'N';
      fields.push(['AE', status.displayName], ['BL', 'Y'], ['CQ', pinOk], ['BH', 'CNY'], ['BV', (status.finesMinor / 100).toFixed(2)], ['CB', String(status.loanLimit)]);
      if (request.fixed.summary?.[2] === 'Y') for (const loan of status.loans) fields.push(['AU', loan.item.barcode]);
      if (status.blocks.includes('cardExpired')) fields.push(['AF', 'Card expired']);
      if (status.holdsReady > 0) fields.push(['AF', `${status.holdsReady} hold(s) ready for pickup`]);
    }
    const at = date(ctx.now);
    if (code === '24') return buildMessage('24', { patronStatus, language: '000', transactionDate: at }, fields);
    const n = (value: number) => String(value).padStart(4, '0');
    return buildMessage('64', {
      patronStatus, language: '000', transactionDate: at,
      holdItemsCount: n(status?.holdsReady ?? 0),
      overdueItemsCount: n(status?.loans.filter((loan) => loan.overdue).length ?? 0),
      chargedItemsCount: n(status?.loanCount ?? 0),
      fineItemsCount: n(0), recallItemsCount: n(0), unavailableHoldsCount: n(0),
    }, fields);
  }

  /** "No block": lent as of the transaction date until the station's due date, whatever stands in the way (as Koha does). */
  async function offlineCheckout(request: AnySip2Message, card: string, barcode: string, ctx: CirculationContext): Promise<CheckoutOutcome> {
    const dueAt = parseSipDate(request.fixed.nbDueDate ?? '', timeZone);
    if (!dueAt) return { ok: false, code: 'request.invalid', item: null };
    const outcome = await ils.offlineCheckout(card, barcode, { occurredAt: ctx.now, dueAt });
    return outcome.ok ? { ok: true, item: outcome.item, dueAt } : outcome;
  }

  async function reply(request: AnySip2Message): Promise<AnySip2Message | null> {
    const ctx = ctxOf(request);
    const at = date(ctx.now);
    const ao: [string, string] = ['AO', fieldOf(request, 'AO') ?? ''];
    const card = fieldOf(request, 'AA') ?? '';
    const barcode = fieldOf(request, 'AB') ?? '';
    const words = (code: RefusalCode | undefined, screenMessage?: string): Array<[string, string | undefined]> =>
      code ? [['AF', screenMessage ?? SCREEN_MESSAGE[code] ?? code]] : [];
    switch (request.code) {
      case '93': {
        const ok = !misbehaviour.failLogin && fieldOf(request, 'CN') === user && fieldOf(request, 'CO') === password;
        return buildMessage('94', { ok: ok ? '1' : '0' });
      }
      case '99':
        return buildMessage('98', {
          onLine: 'Y', checkinOk: 'Y', checkoutOk: 'Y', renewalPolicy: 'Y', statusUpdateOk: 'N', offLineOk: options.offlineOk === false ? 'N' : 'Y',
          timeoutPeriod: '030', retriesAllowed: '003', dateTimeSync: date(new Date()), protocolVersion: '2.00',
        }, [ao, ['AM', 'Demo County Library'], ['BX', 'YYYNYNYYYNYNNNYY']]);
      case '23':
        return patronReply(request, '24');
      case '63':
        return patronReply(request, '64');
      case '11': {
        circulation.push({ code: '11', fixed: { ...request.fixed }, patronId: card, itemId: barcode });
        const outcome = request.fixed.noBlock === 'Y' ? await offlineCheckout(request, card, barcode, ctx) : await ils.checkout(card, barcode, ctx);
        const item = outcome.item;
        return buildMessage('12', { ok: outcome.ok ? '1' : '0', renewalOk: 'N', magneticMedia: 'N', desensitize: outcome.ok ? 'Y' : 'N', transactionDate: at }, [
          ao, ['AA', card], ['AB', item?.barcode ?? barcode], ['AJ', item?.title ?? ''],
          ['AH', outcome.ok ? date(outcome.dueAt) : undefined],
          // Koha prints the due date for the slip; our kiosk shows it as sent.
          ['AG', outcome.ok ? `Due ${outcome.dueAt.toISOString().slice(0, 10)}` : undefined],
          ...words(outcome.ok ? undefined : outcome.code, outcome.ok ? undefined : outcome.screenMessage),
        ]);
      }
      case '09': {
        circulation.push({ code: '09', fixed: { ...request.fixed }, itemId: barcode });
        // The return date is when the item came back (an offline return's own time).
        const returnedAt = parseSipDate(request.fixed.returnDate ?? '', timeZone) ?? ctx.now;
        const outcome = await ils.checkin(barcode, { ...ctx, now: returnedAt });
        const hold = outcome.ok && outcome.disposition === 'hold';
        return buildMessage('10', { ok: outcome.ok ? '1' : '0', resensitize: 'Y', magneticMedia: 'N', alert: hold ? 'Y' : 'N', transactionDate: at }, [
          ao, ['AB', barcode], ['AQ', 'MAIN'], ['AJ', outcome.item?.title],
          ['AA', outcome.ok ? (outcome.patronCard ?? undefined) : undefined],
          ['CV', hold ? '01' : undefined], ['CL', hold ? 'HOLDS' : undefined],
          ...words(outcome.ok ? undefined : outcome.code),
        ]);
      }
      case '29': {
        const outcome = await ils.renew(card, barcode, ctx);
        return buildMessage('30', { ok: outcome.ok ? '1' : '0', renewalOk: outcome.ok ? 'Y' : 'N', magneticMedia: 'N', desensitize: 'N', transactionDate: at }, [
          ao, ['AA', card], ['AB', barcode], ['AJ', outcome.item?.title ?? ''],
          ['AH', outcome.ok ? date(outcome.dueAt) : undefined], ...words(outcome.ok ? undefined : outcome.code),
        ]);
      }
      case '65': {
        const results = [];
        for (const loaned of await ils.loanedBarcodes(card)) results.push({ loaned, ok: (await ils.renew(card, loaned, ctx)).ok });
        const n = (value: number) => String(value).padStart(4, '0');
        const renewed = results.filter((r) => r.ok);
        return buildMessage('66', { ok: '1', renewedCount: n(renewed.length), unrenewedCount: n(results.length - renewed.length), transactionDate: at }, [
          ao, ...results.map((r): [string, string] => [r.ok ? 'BM' : 'BN', r.loaned]),
        ]);
      }
      case '17': {
        const item = await ils.itemInfo(barcode);
        const loan = sql.openLoan.get(barcode) as { due_at: string } | undefined;
        const holds = (sql.waitingHolds.get(barcode) as { n: number }).n;
        const status = !item ? '01' : loan ? '04' : holds > 0 ? '08' : '03';
        return buildMessage('18', { circulationStatus: status, securityMarker: '00', feeType: '01', transactionDate: at }, [
          ['AB', barcode], ['AJ', item?.title], ['AH', loan ? date(new Date(loan.due_at)) : undefined],
          ['CF', String(holds)], ['CS', item?.callNumber ?? undefined], ...(item ? [] : words('item.unknown')),
        ]);
      }
      case '35':
        return buildMessage('36', { endSession: 'Y', transactionDate: at }, [ao, ['AA', card]]);
      default:
        return null;
    }
  }

  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const reader = new FrameReader();
    let lastReply: Uint8Array | null = null;
    let lastWasTransaction = false;
    let queue: Promise<unknown> = Promise.resolve();

    const answer = async (frame: Uint8Array) => {
      if (misbehaviour.silent) return;
      const decoded = decodeFrame(frame, encoding);
      const sequence = options.errorDetection === false ? null : (decoded.sequence ?? 0);
      const frameOptions = { encoding, terminator, sequence };
      if (decoded.code === '97') {
        if (lastReply) send(lastReply, lastWasTransaction && sequence !== null);
        return;
      }
      if (!decoded.message) return;
      received.push(decoded.message.code);
      const transaction = decoded.message.code !== '93' && decoded.message.code !== '99';
      if (misbehaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, misbehaviour.delayMs));
      if (socket.destroyed) return;
      if (transaction && take('drops')) return void socket.destroy();
      if (transaction && take('garbage')) return void socket.write(Buffer.concat([randomBytes(40), Buffer.from('\r')]));
      if (transaction && take('resendRequests')) return void socket.write(encodeResend('96', frameOptions));
      const message = await reply(decoded.message);
      if (!message) return;
      lastReply = encodeMessage(message, frameOptions);
      lastWasTransaction = transaction;
      send(lastReply, transaction && sequence !== null);
    };
    /** Writes a reply; while bad checksums are asked for, with one bit of its first fixed field flipped (line noise). */
    const send = (bytes: Uint8Array, mayCorrupt: boolean) => {
      if (!mayCorrupt || !take('badChecksums')) return void socket.write(bytes);
      const corrupted = Uint8Array.from(bytes);
      corrupted[2] = corrupted[2]! ^ 0x01;
      socket.write(corrupted);
    };
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) queue = queue.then(() => answer(frame)).catch(() => socket.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    settings: { host: '127.0.0.1', port, tls: false, user, password, location: 'LOBBY', institution: 'DEMO', encoding, terminator },
    /** Codes of the messages received, in order (logins and status requests included). */
    received,
    /** Checkouts and checkins received, in order, with their fixed fields. */
    circulation,
    connectionCount: () => connections,
    /** Connections open now. */
    openConnectionCount: () => sockets.size,
    misbehave(next: Misbehaviour) {
      misbehaviour = next;
    },
    /** Closes every open connection, as a restarting ILS would. */
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
