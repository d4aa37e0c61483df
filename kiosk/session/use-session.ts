/** Components read the session through these hooks and talk to it only by sending events. */
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor, AnyActorRef, SnapshotFrom } from 'xstate';
import { translatorFor, type Translate } from '../../shared/i18n';
import type { Language } from '../../shared/api/schemas';
import type { SessionMachine } from './session-machine';
import type { SessionEvent } from './session-setup';
import type { SessionSnapshot } from './screen';

export type SessionActor = Actor<SessionMachine>;

export const ActorContext = createContext<SessionActor | null>(null);

/** Subscribes to the actor (the session, or a child such as the e-book section) and re-renders only when the selected value changes. */
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

function useActor(): SessionActor {
  const actor = useContext(ActorContext);
  if (actor === null) throw new Error('no session actor: render inside <ActorContext.Provider>');
  return actor;
}

export function useSession<T>(selector: (snapshot: SessionSnapshot) => T): T {
  return useSelector(useActor(), selector);
}

export function useSend(): (event: SessionEvent) => void {
  const actor = useActor();
  return useMemo(() => (event: SessionEvent) => actor.send(event), [actor]);
}

export function useLanguage(): Language {
  return useSession((snapshot) => snapshot.context.language);
}

export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translatorFor(language), [language]);
}
