/** Wires the kiosk: real hub actors, the receipt printer, the camera scanner and sound cues into the session machine. */
import { render } from 'preact';
import { createActor, fromPromise } from 'xstate';
import { HubClient } from '../shared/api/hub-client';
import type { KioskConfig } from '../shared/api/schemas';
import { isLanguage } from '../shared/i18n';
import { Boot } from './boot/Boot';
import { DEVICE_TOKEN_KEY } from './boot/boot';
import { ebookServices } from './ebooks/ebook-actors';
import { ebooksMachine } from './ebooks/ebooks-machine';
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
import './kiosk.css';

// Errors since the last heartbeat: classes and refusal codes only (kiosk/fleet/error-log.ts).
const errors = new ErrorLog();
window.addEventListener('error', (event) => errors.recordThrown('uncaught', event.error));
window.addEventListener('unhandledrejection', (event) => errors.recordThrown('rejection', event.reason));

const hub = new HubClient({ kioskToken: () => localStorage.getItem(DEVICE_TOKEN_KEY), onFailure: (code) => errors.record('hub', code) });
const pairRequested = new URLSearchParams(location.search).has('pair');
const requested = new URLSearchParams(location.search).get('lang');
const language = isLanguage(requested) ? requested : undefined;
const playCue = createCuePlayer();
const ebooks = ebookServices(hub);

const machine = sessionMachine.provide({
  actors: {
    ...hubActors(hub),
    printReceipt: fromPromise(({ input }: { input: Receipt }) => printReceipt(input)),
    cameraScanner: createCameraScanner({ openCamera, startDecoding: startZxingDecoding, now: () => performance.now() }),
    ebooks: ebooksMachine.provide({ actors: ebooks.actors }),
  },
  actions: {
    playCue: ({ context }, { cue }) => {
      if (context.config.sound) playCue(cue);
    },
  },
});

/** The session, and beside it the fleet link: heartbeats, a changed profile, revocation. */
function startKiosk(config: KioskConfig, onRevoked: () => void) {
  const actor = createActor(machine, { input: { config, language } }).start();
  const unroute = routeInput(window, actor);
  const link = fleetLink(hub, {
    version: APP_VERSION,
    screenState: () => screenStateOf(screenOf(actor.getSnapshot())),
    listDevices: () => navigator.mediaDevices?.enumerateDevices() ?? Promise.resolve([]),
    storagePersisted: () => navigator.storage?.persisted() ?? Promise.resolve(false),
    // The outbox (kiosk/offline) is not wired into the page yet.
    outboxDepth: async () => 0,
    errors,
  });
  const fleet = createActor(
    fleetMachine.provide({
      actors: link.actors,
      actions: {
        configChanged: (_, { config: changed }) => actor.send({ type: 'config.changed', config: changed }),
        revoked: onRevoked,
      },
    }),
    { input: { configVersion: config.configVersion } },
  ).start();
  const onPageHide = () => {
    const token = localStorage.getItem(DEVICE_TOKEN_KEY);
    if (token !== null) link.sendClosingHeartbeat(token);
  };
  window.addEventListener('pagehide', onPageHide);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    window.removeEventListener('pagehide', onPageHide);
    fleet.stop();
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
        localStorage.setItem(DEVICE_TOKEN_KEY, token);
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
    <Boot hub={hub} storage={localStorage} language={language ?? 'zh-CN'} pairRequested={pairRequested} startKiosk={startKiosk} startPairing={startPairing} />
  </SavedCoversContext.Provider>,
  root,
);
