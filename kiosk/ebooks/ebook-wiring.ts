/** The e-book section's machine provided with its real actors (loaded on first use, see ebook-section.ts). */
import type { HubClient } from '../../shared/api/hub-client';
import { ebookServices } from './ebook-actors';
import { ebooksMachine } from './ebooks-machine';

export function wireEbooks(hub: HubClient, kioskToken: () => string | null) {
  const { actors, savedCovers } = ebookServices(hub, kioskToken);
  return { machine: ebooksMachine.provide({ actors }), savedCovers };
}
