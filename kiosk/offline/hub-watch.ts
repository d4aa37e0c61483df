/**
 * The kiosk's fetch to the hub: a hub that does not answer within the deadline counts as
 * unreachable (the call is aborted and fails as `network.offline`), and every call tells whether
 * the hub answered at all, for the connectivity machine. Only the answer's headers are timed: a
 * large answer still streaming in is an answer.
 */
export const HUB_ANSWER_DEADLINE_MS = 5000;

/** A signal aborted when the hub has not answered within `deadlineMs` (or when `caller` aborts); `stop` ends the deadline once it has. */
export function hubDeadline(deadlineMs: number, caller?: AbortSignal | null): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  // The caller's own abort still reaches the body after the deadline has stopped.
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', () => controller.abort(caller.reason), { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('the hub did not answer in time', 'TimeoutError')), deadlineMs);
  return { signal: controller.signal, stop: () => clearTimeout(timer) };
}

export function watchedFetch(inner: typeof fetch, told: (reached: boolean) => void, deadlineMs = HUB_ANSWER_DEADLINE_MS): typeof fetch {
  return async (input, init = {}) => {
    const caller = init.signal;
    const deadline = hubDeadline(deadlineMs, caller);
    try {
      const response = await inner(input, { ...init, signal: deadline.signal });
      told(true);
      return response;
    } catch (error) {
      if (!caller?.aborted) told(false);
      throw error;
    } finally {
      deadline.stop();
    }
  };
}
