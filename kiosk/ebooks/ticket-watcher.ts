/**
 * The hub calls behind a ticket's QR code on screen. The e-books machine asks `ticketStatus`
 * every `Delays.ticketPoll` (see ebooks-machine.ts); `ticketGuard` runs while the code is shown
 * and, stopped before the ticket settled (Back, leaving the section, the idle timeout stopping
 * the whole section actor), cancels it, so a QR code photographed from an abandoned screen is
 * worthless. The machine tells it `ticket.settled` once the phone has the title or the ticket ended.
 */
import { fromCallback, fromPromise } from 'xstate';
import type { TicketStatus } from '../../shared/ebooks/schemas';
import type { TicketGuardEvent, TicketInput } from './ebooks-types';

export interface TicketIo {
  status: (ticketId: number, signal: AbortSignal) => Promise<TicketStatus>;
  /** Fire and forget: the ticket expires on its own should this fail. */
  cancel: (ticketId: number) => void;
}

export function ticketActors(io: TicketIo) {
  return {
    ticketStatus: fromPromise<TicketStatus, TicketInput>(({ input, signal }) => io.status(input.ticketId, signal)),
    ticketGuard: fromCallback<TicketGuardEvent, TicketInput>(({ input, receive }) => {
      let settled = false;
      receive(() => (settled = true));
      return () => {
        if (!settled) io.cancel(input.ticketId);
      };
    }),
  };
}
