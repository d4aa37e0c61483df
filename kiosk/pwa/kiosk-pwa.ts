/**
 * The kiosk as an installed app: its storage kept, its service worker registered (production
 * builds: `npm run dev` has none) and new versions taken between patrons (update-bridge.ts).
 */
import type { FollowedSession } from './update-bridge';

export interface KioskPwa {
  /** Follows a session's screen until the session stops: updates wait for its attract screen. */
  followSession(actor: FollowedSession): void;
}

export function startPwa(): KioskPwa {
  // Asked once; the browser's answer goes in every heartbeat (navigator.storage.persisted()).
  void navigator.storage?.persist?.().catch(() => false);
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return { followSession: () => {} };
  // Loaded apart from the first screen: the worker is registered after the page's load event anyway.
  const bridge = import('./update-bridge').then(({ startUpdateBridge }) => startUpdateBridge());
  return { followSession: (actor) => void bridge.then((started) => started.followSession(actor)) };
}
