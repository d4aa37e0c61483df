/** The e-book screens read the section's own actor (the session's `ebooks` child) through these hooks. */
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { regionStates } from '../../shared/ui/region-states';
import { useSelector, type Compare } from '../../shared/ui/use-selector';
import { useSession } from '../session/use-session';
import { ebooksMachine, type EbooksEvent, type EbooksMachine } from './ebooks-machine';

export type EbooksActor = ActorRefFrom<EbooksMachine>;
export type EbooksSnapshot = SnapshotFrom<EbooksMachine>;

const view = regionStates(ebooksMachine, 'view');

/** The section's views: the states of the machine's `view` region, which EbookSection switches over. */
export const EBOOK_VIEWS = view.names;
export type EbookView = (typeof EBOOK_VIEWS)[number];

/** The view the section is on; throws on a state the machine does not define. */
export const viewOf: (snapshot: EbooksSnapshot) => EbookView = view.current;

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
