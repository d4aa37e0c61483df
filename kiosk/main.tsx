/**
 * Wires the kiosk: real hub actors, the receipt printer, the camera scanner and sound cues into the
 * session machine; beside it the fleet link and the store-and-forward outbox (docs/offline.md).
 */
import { render } from 'preact';
import { createActor, fromPromise } from 'xstate';
import { HubClient } from '../shared/api/hub-client';
import type { KioskConfig } from '../shared/api/schemas';
import { isLanguage } from '../shared/i18n';
import { Boot } from './boot/Boot';
import { DeviceIdentity } from './boot/device-identity';
import { openKioskDb } from './db/lazy-kiosk-db';
import { ebookSection } from './ebooks/ebook-section';
import { SavedCoversContext } from './ebooks/saved-covers';
import { printReceipt } from './finish/print-receipt';
import { createCameraScanner } from './scanning/camera/camera-scanner';
import { openCamera } from './scanning/camera/camera-track';
import { startZxingDecoding } from './scanning/camera/zxing-decoder';
import { routeInput } from './scanning/key-router';
import { hubActors } from './session/hub-actors';
import { sessionMachine } from './session/session-machine';
import type { Receipt } from './session/session-types';
import { createCuePlayer } from './sound/cues';
import { APP_VERSION } from './fleet/app-version';
import { ErrorLog } from './fleet/error-log';
import { fleetLink } from './fleet/fleet-actors';
import { fleetMachine } from './fleet/fleet-machine';
import { pairingMachine } from './fleet/pairing-machine';
import { screenStateOf } from './fleet/screen-state';
import { screenOf } from './session/screen';
import { refreshCardList } from './offline/card-list-refresh';
import { watchedFetch } from './offline/hub-watch';
import { startOfflineLink, type OfflineLink } from './offline/offline-link';
import { outboxDepth } from './offline/outbox';
import { startPwa } from './pwa/kiosk-pwa';
import './kiosk.css';

// Errors since the last heartbeat: classes and refusal codes only (kiosk/fleet/error-log.ts).
const errors = new ErrorLog();
window.addEventListener('error', (event) => errors.recordThrown('uncaught', event.error));
window.addEventListener('unhandledrejection', (event) => errors.recordThrown('rejection', event.reason));

const identity = new DeviceIdentity(openKioskDb, localStorage);
// Told of every hub call, whether the hub answered; there is one while a kiosk runs.
let offlineLink: OfflineLink | null = null;
const hub = new HubClient({
  kioskToken: () => identity.current(),
  fetch: watchedFetch(
    (input, init) => fetch(input, init),
    (reached) => offlineLink?.tell({ type: reached ? 'hub.reached' : 'hub.unreachable' }),
  ),
  onFailure: (code) => errors.record('hub', code),
});
const pairRequested = new URLSearchParams(location.search).has('pair');
const requested = new URLSearchParams(location.search).get('lang');
const language = isLanguage(requested) ? requested : undefined;
// The boot screens (pairing, not registered) come before the session's Layout sets the page's language.
if (language) document.documentElement.lang = language;
const playCue = createCuePlayer();
const ebooks = ebookSection(hub, () => identity.current());
// Persistent storage asked for; the service worker registered, its updates taken between patrons.
const pwa = startPwa();

/** The session; beside it the outbox and connectivity, and the fleet link: heartbeats, a changed profile, revocation. */
function startKiosk(config: KioskConfig, saved: boolean, onRevoked: () => void) {
  const outbox = startOfflineLink(openKioskDb, hub, {
    onChange: (hubOffline) => {
      actor.send({ type: 'connectivity.changed', offline: hubOffline });
      if (!hubOffline) cardList.refresh();
    },
  });
  offlineLink = outbox;
  const machine = sessionMachine.provide({
    actors: {
      ...hubActors(hub),
      queueOffline: fromPromise(({ input }) => outbox.queue(input, actor.getSnapshot().context.config.offline)),
      confirmOffline: fromPromise(({ input }) => outbox.confirmOffline(input.maxAgeMs)),
      printReceipt: fromPromise(({ input }: { input: Receipt }) => printReceipt(input)),
      cameraScanner: createCameraScanner({
        listDevices: () => navigator.mediaDevices?.enumerateDevices() ?? Promise.resolve([]),
        noteMissing: () => errors.record('camera', 'camera.missing'),
        openCamera,
        startDecoding: startZxingDecoding,
        now: () => performance.now(),
      }),
      loadEbooks: fromPromise(() => ebooks.load()),
      ebooks: ebooks.machine,
    },
    actions: {
      playCue: ({ context }, { cue }) => {
        if (context.config.sound) playCue(cue);
      },
    },
  });
  const actor = createActor(machine, { input: { config, language } }).start();
  /** A config from the hub: kept for a start with the hub down, applied on the attract screen. */
  const takeConfig = (changed: KioskConfig) => {
    void identity.saveProfile(changed).catch(() => undefined);
    actor.send({ type: 'config.changed', config: changed });
  };
  const cardList = refreshCardList(
    () => hub.kioskConfig(),
    () => actor.getSnapshot().context.pendingConfig ?? actor.getSnapshot().context.config,
    takeConfig,
  );
  // Started from the saved config: what the hub holds now (a new profile, the card list) is asked for
  // beside the first heartbeat, and applied between patrons.
  if (saved) cardList.refresh();
  const unroute = routeInput(window, actor);
  pwa.followSession(actor);
  const link = fleetLink(hub, {
    version: APP_VERSION,
    screenState: () => screenStateOf(screenOf(actor.getSnapshot())),
    listDevices: () => navigator.mediaDevices?.enumerateDevices() ?? Promise.resolve([]),
    storagePersisted: () => navigator.storage?.persisted() ?? Promise.resolve(false),
    outboxDepth: () => openKioskDb().then(outboxDepth),
    errors,
  });
  const fleet = createActor(
    fleetMachine.provide({
      actors: link.actors,
      actions: {
        configChanged: (_, { config: changed }) => takeConfig(changed),
        revoked: onRevoked,
      },
    }),
    { input: { configVersion: config.configVersion } },
  ).start();
  const onPageHide = () => {
    const token = identity.current();
    if (token !== null) link.sendClosingHeartbeat(token);
  };
  window.addEventListener('pagehide', onPageHide);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    window.removeEventListener('pagehide', onPageHide);
    fleet.stop();
    cardList.stop();
    outbox.stop();
    if (offlineLink === outbox) offlineLink = null;
    unroute();
    actor.stop();
  };
  return { actor, stop };
}

function startPairing() {
  const pairing = pairingMachine.provide({
    actors: { pairKiosk: fromPromise(({ input, signal }: { input: { code: string }; signal: AbortSignal }) => hub.pairKiosk(input.code, signal)) },
    actions: {
      storeToken: (_, { token }) => {
        // Held in memory at once; should the durable write fail, the heartbeat reports the rejection.
        void identity.store(token);
        // Paired: a reload starts the kiosk, not the pairing screen again.
        const url = new URL(location.href);
        url.searchParams.delete('pair');
        history.replaceState(null, '', url);
      },
    },
  });
  return createActor(pairing).start();
}

const root = document.getElementById('app');
if (root === null) throw new Error('kiosk/index.html has no #app');
render(
  <SavedCoversContext.Provider value={ebooks.savedCovers}>
    <Boot hub={hub} identity={identity} language={language ?? 'zh-CN'} pairRequested={pairRequested} startKiosk={startKiosk} startPairing={startPairing} />
  </SavedCoversContext.Provider>,
  root,
);
