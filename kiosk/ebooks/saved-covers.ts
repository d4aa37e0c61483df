/**
 * The saved cover thumbnails as the screens use them: an image whose cover cannot be fetched
 * (the hub is unreachable) asks for its saved copy. Provided by main.tsx; without a provider
 * (tests) covers come from the network only.
 */
import { createContext } from 'preact';

export interface SavedCovers {
  /** An object URL of the saved copy of this version of the cover, or null when there is none. */
  objectUrl(ebookId: number, url: string): Promise<string | null>;
}

export const SavedCoversContext = createContext<SavedCovers | null>(null);
