/**
 * The e-book section as the kiosk page wires it (main.tsx): its machine with the real actors, and
 * the saved covers, both loaded on first use with the catalogue worker's client (ebook-wiring.ts),
 * so the attract screen's first load carries none of it.
 */
import type { HubClient } from '../../shared/api/hub-client';
import type { EbooksMachine } from './ebooks-machine';
import { lazyLogic } from './lazy-logic';
import type { SavedCovers } from './saved-covers';

export function ebookSection(hub: HubClient, kioskToken: () => string | null) {
  const wired = () => import('./ebook-wiring').then(({ wireEbooks }) => wireEbooks(hub, kioskToken));
  let wiring: ReturnType<typeof wired> | undefined;
  const wire = () => (wiring ??= wired().catch((error: unknown) => ((wiring = undefined), Promise.reject(error))));
  const { logic, load } = lazyLogic<EbooksMachine>(() => wire().then(({ machine }) => machine));
  const savedCovers: SavedCovers = { objectUrl: (ebookId, url) => wire().then(({ savedCovers: covers }) => covers.objectUrl(ebookId, url)) };
  return { machine: logic, load, savedCovers };
}
