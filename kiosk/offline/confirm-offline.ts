/**
 * Whether the hub is still out of reach, asked right before the kiosk does something only an
 * offline kiosk may: a card signing in without a PIN, a scan queued instead of made live. The
 * connectivity machine's probe waits up to 30 s between tries, so the hub may be back for a while
 * before it notices; here the hub is asked at once, with a short deadline, unless an outage was
 * seen within `maxAgeMs` (0: always ask).
 */
import { hubDeadline } from './hub-watch';

export const CONFIRM_DEADLINE_MS = 1500;

export interface OfflineConfirmer {
  /** A hub call (or probe) could not reach the hub just now. */
  noteOutage(): void;
  /** True when the hub is still out of reach; false when it answered (`onReached` is called first). */
  confirm(maxAgeMs: number): Promise<boolean>;
}

export function offlineConfirmer({
  probe,
  onReached,
  now = () => Date.now(),
  deadlineMs = CONFIRM_DEADLINE_MS,
}: {
  probe: (signal: AbortSignal) => Promise<unknown>;
  onReached: () => void;
  now?: () => number;
  deadlineMs?: number;
}): OfflineConfirmer {
  let outageSeenAt = Number.NEGATIVE_INFINITY;
  const noteOutage = () => {
    outageSeenAt = now();
  };
  return {
    noteOutage,
    async confirm(maxAgeMs) {
      if (now() - outageSeenAt < maxAgeMs) return true;
      const deadline = hubDeadline(deadlineMs);
      try {
        await probe(deadline.signal);
      } catch {
        noteOutage();
        return true;
      } finally {
        deadline.stop();
      }
      onReached();
      return false;
    },
  };
}
