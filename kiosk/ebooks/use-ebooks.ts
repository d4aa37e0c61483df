/** The e-book screens read the section's own actor (the session's `ebooks` child) through these hooks. */
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { useSelector, type Compare } from '../../shared/ui/use-selector';
import { useSession } from '../session/use-session';
import type { EbooksEvent, EbooksMachine } from './ebooks-machine';

export type EbooksActor = ActorRefFrom<EbooksMachine>;
export type EbooksSnapshot = SnapshotFrom<EbooksMachine>;

export const EBOOK_VIEWS = ['starting', 'browsing', 'detail', 'issuing', 'showingQr', 'sent'] as const;
export type EbookView = (typeof EBOOK_VIEWS)[number];

export function viewOf(snapshot: EbooksSnapshot): EbookView {
  return EBOOK_VIEWS.find((view) => snapshot.matches({ view })) ?? 'browsing';
}

/** The running section, or null for the moment between the session entering `ebooks` and invoking it. */
export function useEbooksActor(): EbooksActor | null {
  return useSession((snapshot) => (snapshot.children.ebooks as EbooksActor | undefined) ?? null);
}

export function useEbooks<T>(actor: EbooksActor, selector: (snapshot: EbooksSnapshot) => T, compare?: Compare<T>): T {
  return useSelector(actor, selector, compare);
}

export function sendTo(actor: EbooksActor) {
  return (event: EbooksEvent) => actor.send(event);
}
