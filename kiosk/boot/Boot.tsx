import { useEffect, useState } from 'preact/hooks';
import type { HubClient } from '../../shared/api/hub-client';
import type { KioskConfig, Language } from '../../shared/api/schemas';
import { translatorFor } from '../../shared/i18n';
import { App } from '../App';
import { ActorContext, type SessionActor } from '../session/use-session';
import type { Notice } from '../session/notices';
import { bootKiosk, type BootIdentity } from './boot';
import { PairingScreen, type PairingActor } from './PairingScreen';
import { Unregistered } from './Unregistered';

interface BootProps {
  hub: Pick<HubClient, 'claimLocal' | 'kioskConfig'>;
  identity: BootIdentity;
  language: Language;
  /** `/kiosk/?pair`: show the pairing screen first. */
  pairRequested: boolean;
  /**
   * Starts the kiosk once it has a config (`saved`: the one the hub sent last, the hub to be asked in
   * the background): the session actor, and its heartbeat, config watch and outbox, which call
   * `onRevoked` when the hub no longer knows it. `stop` ends all of it.
   */
  startKiosk: (config: KioskConfig, saved: boolean, onRevoked: () => void) => { actor: SessionActor; stop: () => void };
  /** A pairing screen's actor; it is done once the token is stored. */
  startPairing: () => PairingActor;
}

type View =
  | { kind: 'booting' }
  | { kind: 'ready'; actor: SessionActor }
  | { kind: 'pairing'; actor: PairingActor }
  | { kind: 'notRegistered' }
  | { kind: 'failed'; notice: Notice };

const NOT_REGISTERED: Notice = { key: 'code.kiosk.unknown' };

export function Boot({ hub, identity, language, pairRequested, startKiosk, startPairing }: BootProps) {
  const [attempt, setAttempt] = useState({ count: 0, pair: pairRequested });
  const [view, setView] = useState<View>({ kind: 'booting' });

  useEffect(() => {
    let current = true;
    let stop = () => {};
    void bootKiosk(hub, identity, { pairRequested: attempt.pair }).then((result) => {
      if (!current) return;
      if (result.kind === 'ready') {
        const kiosk = startKiosk(result.config, result.saved, () => {
          // Revoked: whoever was using it is signed out at the hub already; nothing of them stays on screen.
          kiosk.stop();
          setView({ kind: 'notRegistered' });
        });
        stop = kiosk.stop;
        setView({ kind: 'ready', actor: kiosk.actor });
      } else if (result.kind === 'pairing') {
        const actor = startPairing();
        actor.subscribe((snapshot) => {
          if (snapshot.status === 'done') setAttempt((previous) => ({ count: previous.count + 1, pair: false }));
        });
        stop = () => actor.stop();
        setView({ kind: 'pairing', actor });
      } else {
        setView(result);
      }
    });
    return () => {
      current = false;
      stop();
    };
  }, [hub, identity, startKiosk, startPairing, attempt]);

  const t = translatorFor(language);
  const retry = () => setAttempt((previous) => ({ count: previous.count + 1, pair: false }));
  switch (view.kind) {
    case 'ready':
      return (
        <ActorContext.Provider value={view.actor}>
          <App />
        </ActorContext.Provider>
      );
    case 'pairing':
      return <PairingScreen t={t} actor={view.actor} />;
    case 'notRegistered':
      return <Unregistered t={t} notice={NOT_REGISTERED} onRetry={retry} onPair={() => setAttempt((previous) => ({ count: previous.count + 1, pair: true }))} />;
    case 'failed':
      return <Unregistered t={t} notice={view.notice} onRetry={retry} />;
    case 'booting':
      return (
        <main class="screen" data-screen="booting" aria-busy="true">
          <p class="lead">{t('boot.starting')}</p>
        </main>
      );
  }
}

