/**
 * The kiosk's fetch to the hub: a hub that does not answer within the deadline counts as
 * unreachable (the call is aborted and fails as `network.offline`), and every call tells whether
 * the hub answered at all, for the connectivity machine. Only the answer's headers are timed: a
 * large answer still streaming in is an answer.
 */
export const HUB_ANSWER_DEADLINE_MS = 5000;

export function watchedFetch(inner: typeof fetch, told: (reached: boolean) => void, deadlineMs = HUB_ANSWER_DEADLINE_MS): typeof fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const caller = init.signal;
    // The caller's own abort still reaches the body after the headers are in.
    if (caller?.aborted) controller.abort(caller.reason);
    else caller?.addEventListener('abort', () => controller.abort(caller.reason), { once: true });
    const timer = setTimeout(() => controller.abort(new DOMException('the hub did not answer in time', 'TimeoutError')), deadlineMs);
    try {
      const response = await inner(input, { ...init, signal: controller.signal });
      told(true);
      return response;
    } catch (error) {
      if (!caller?.aborted) told(false);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}
