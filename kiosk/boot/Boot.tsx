import { useEffect, useState } from 'preact/hooks';
import type { HubClient } from '../../shared/api/hub-client';
import type { KioskConfig, Language } from '../../shared/api/schemas';
import { translatorFor } from '../../shared/i18n';
import { App } from '../App';
import { ActorContext, type SessionActor } from '../session/use-session';
import { bootKiosk, type BootResult } from './boot';
import { Unregistered } from './Unregistered';

interface BootProps {
  hub: HubClient;
  language: Language;
  /** Starts the session actor once the kiosk knows its config. */
  startSession: (config: KioskConfig) => SessionActor;
}

export function Boot({ hub, language, startSession }: BootProps) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ result: BootResult | null; actor: SessionActor | null }>({ result: null, actor: null });

  useEffect(() => {
    let current = true;
    void bootKiosk(hub, localStorage).then((result) => {
      if (current) setState({ result, actor: result.ok ? startSession(result.config) : null });
    });
    return () => {
      current = false;
    };
  }, [hub, startSession, attempt]);

  const t = translatorFor(language);
  if (state.actor !== null) {
    return (
      <ActorContext.Provider value={state.actor}>
        <App />
      </ActorContext.Provider>
    );
  }
  if (state.result !== null && !state.result.ok) {
    return <Unregistered t={t} notice={state.result.notice} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return (
    <main class="screen" data-screen="booting" aria-busy="true">
      <p class="lead">{t('boot.starting')}</p>
    </main>
  );
}
