/**
 * How many bytes of its file each download ticket has sent, so that resuming (a Range request
 * past the first byte) cannot turn one download into many: a ticket sends at most its downloads
 * times the file's size in all. A response holds its bytes before it starts, so parallel
 * requests cannot overdraw, and gives back what it did not send when it ends (an interrupted
 * download can then be resumed). Kept in memory: a ticket lives minutes, and after a restart
 * its downloads left still bound it.
 */
import type { Clock } from '../clock';

interface Ledger {
  bytes: number;
  expiresAt: number;
}

export class BytesServed {
  private readonly byTicket = new Map<number, Ledger>();

  constructor(private readonly now: Clock) {}

  /** Holds `bytes` for a response about to be sent; false when that would go over `budget`. */
  hold(ticketId: number, expiresAt: Date, bytes: number, budget: number): boolean {
    this.forgetExpired();
    const ledger = this.byTicket.get(ticketId) ?? { bytes: 0, expiresAt: expiresAt.getTime() };
    if (ledger.bytes + bytes > budget) return false;
    ledger.bytes += bytes;
    this.byTicket.set(ticketId, ledger);
    return true;
  }

  /** A response that held `held` bytes ended after sending `sent` of them. */
  release(ticketId: number, held: number, sent: number): void {
    const ledger = this.byTicket.get(ticketId);
    if (ledger) ledger.bytes -= Math.max(0, held - sent);
  }

  private forgetExpired(): void {
    const now = this.now().getTime();
    for (const [ticketId, ledger] of this.byTicket) if (ledger.expiresAt <= now) this.byTicket.delete(ticketId);
  }
}
