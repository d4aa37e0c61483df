/** The apps' one bridge from an XState actor to Preact: components read snapshots through it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

export type Compare<T> = (previous: T, next: T) => boolean;

/**
 * Subscribes to an actor (the kiosk session, a child such as its e-book section, an admin page) and
 * re-renders only when the selected value changes by `compare`. A selector that builds a new array or
 * object passes `shallowEqual` (./shallow-equal), else every snapshot re-renders.
 */
export function useSelector<A extends AnyActorRef, T>(actor: A, selector: (snapshot: SnapshotFrom<A>) => T, compare: Compare<T> = Object.is): T {
  const [value, setValue] = useState(() => selector(actor.getSnapshot()));
  const latest = useRef({ selector, compare });
  latest.current = { selector, compare };
  useEffect(() => {
    const update = (snapshot: SnapshotFrom<A>) => {
      const next = latest.current.selector(snapshot);
      // Handing back the previous value makes Preact skip the render.
      setValue((previous) => (latest.current.compare(previous, next) ? previous : next));
    };
    update(actor.getSnapshot());
    const subscription = actor.subscribe(update);
    return () => subscription.unsubscribe();
  }, [actor]);
  return value;
}
