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
import './kiosk.css';

const hub = new HubClient({ kioskToken: () => localStorage.getItem(DEVICE_TOKEN_KEY) });
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

function startSession(config: KioskConfig) {
  const actor = createActor(machine, { input: { config, language } }).start();
  routeInput(window, actor);
  return actor;
}

const root = document.getElementById('app');
if (root === null) throw new Error('kiosk/index.html has no #app');
render(
  <SavedCoversContext.Provider value={ebooks.savedCovers}>
    <Boot hub={hub} language={language ?? 'zh-CN'} startSession={startSession} />
  </SavedCoversContext.Provider>,
  root,
);
