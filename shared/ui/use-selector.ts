/** The apps' one bridge from an XState actor to Preact: components read snapshots through it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** Subscribes to an actor (the kiosk session, a child such as its e-book section, an admin page) and re-renders only when the selected value changes. */
export function useSelector<A extends AnyActorRef, T>(actor: A, selector: (snapshot: SnapshotFrom<A>) => T): T {
  const [value, setValue] = useState(() => selector(actor.getSnapshot()));
  const latest = useRef(selector);
  latest.current = selector;
  useEffect(() => {
    const update = (snapshot: SnapshotFrom<A>) => setValue(() => latest.current(snapshot));
    update(actor.getSnapshot());
    const subscription = actor.subscribe(update);
    return () => subscription.unsubscribe();
  }, [actor]);
  return value;
}
