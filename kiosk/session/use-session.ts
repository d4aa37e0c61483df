/** Components read the session through these hooks and talk to it only by sending events. */
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Actor } from 'xstate';
import { translatorFor, type Translate } from '../../shared/i18n';
import type { Language } from '../../shared/api/schemas';
import type { SessionMachine } from './session-machine';
import type { SessionEvent } from './session-setup';
import type { SessionSnapshot } from './screen';
import { useSelector, type Compare } from '../../shared/ui/use-selector';

export type SessionActor = Actor<SessionMachine>;

export const ActorContext = createContext<SessionActor | null>(null);

function useActor(): SessionActor {
  const actor = useContext(ActorContext);
  if (actor === null) throw new Error('no session actor: render inside <ActorContext.Provider>');
  return actor;
}

export function useSession<T>(selector: (snapshot: SessionSnapshot) => T, compare?: Compare<T>): T {
  return useSelector(useActor(), selector, compare);
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
