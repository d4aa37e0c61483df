/**
 * The actor that watches a ticket while its QR code is on screen: it polls the hub and reports
 * the first download, or the ticket's end. Stopped before the phone downloaded (Back, leaving
 * the section, the idle timeout: the whole section actor is stopped), it cancels the ticket,
 * so a QR code photographed from an abandoned screen is worthless.
 */
import { fromCallback } from 'xstate';
import type { TicketStatus } from '../../shared/ebooks/schemas';
import type { WatchEvent, WatchInput } from './ebooks-types';

export const POLL_MS = 2000;

export interface TicketWatcherIo {
  status: (ticketId: number, signal: AbortSignal) => Promise<TicketStatus>;
  /** Fire and forget: the ticket expires on its own should this fail. */
  cancel: (ticketId: number) => void;
}

export function ticketWatcher(io: TicketWatcherIo, pollMs = POLL_MS) {
  return fromCallback<WatchEvent, WatchInput>(({ input, sendBack }) => {
    const { ticketId } = input.ticket;
    const aborter = new AbortController();
    let settled = false;
    const poll = async () => {
      try {
        const status = await io.status(ticketId, aborter.signal);
        if (settled) return;
        if (status.downloadsUsed > 0) {
          settled = true;
          sendBack({ type: 'ticket.downloaded' });
        } else if (status.state !== 'live') {
          settled = true;
          sendBack({ type: 'ticket.ended', state: status.state });
        }
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      clearInterval(timer);
      aborter.abort();
      if (!settled) io.cancel(ticketId);
    };
  });
}
