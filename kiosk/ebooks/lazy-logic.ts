/**
 * Actor logic whose code loads on first use: `logic` stands for it (typed as it) from the start, so
 * a machine can be set up and provided with it; `load()` fetches it, and the machine invokes it
 * only once that has resolved (the session's `ebooks.loading` state). Keeps the e-book section's
 * machine out of the kiosk's first load.
 */
export function lazyLogic<T extends object>(load: () => Promise<T>): { logic: T; load: () => Promise<void> } {
  let loaded: T | undefined;
  let loading: Promise<void> | undefined;
  const logic = new Proxy({} as T, {
    get(_, key) {
      if (!loaded) throw new Error('lazy actor logic used before it was loaded');
      const value: unknown = Reflect.get(loaded, key);
      return typeof value === 'function' ? value.bind(loaded) : value;
    },
    has: (_, key) => loaded !== undefined && key in loaded,
  });
  return {
    logic,
    load: () =>
      (loading ??= load().then(
        (real) => void (loaded = real),
        (error: unknown) => {
          // A failed load (the network dropped) is tried again next time.
          loading = undefined;
          throw error;
        },
      )),
  };
}
