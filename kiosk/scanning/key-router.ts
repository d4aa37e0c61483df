/**
 * The kiosk's one global keyboard listener. Screens tagged `keypad` get keys as pad events;
 * screens tagged `scan.card` / `scan.item` get whole codes from the USB scanner (keyboard wedge).
 * Every key and touch also counts as activity for the idle timer.
 */
import type { Actor } from 'xstate';
import type { SessionMachine } from '../session/session-machine';
import { createKeyboardWedge } from './keyboard-wedge';

type SessionActor = Actor<SessionMachine>;

export function routeInput(target: Window, actor: SessionActor): () => void {
  const wedge = createKeyboardWedge();

  const onPointerDown = () => actor.send({ type: 'activity' });
  const onKeyDown = (event: KeyboardEvent) => {
    actor.send({ type: 'activity' });
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const snapshot = actor.getSnapshot();
    if (snapshot.hasTag('keypad')) {
      routeToPad(event, actor);
    } else if (snapshot.hasTag('scan.card') || snapshot.hasTag('scan.item')) {
      const code = wedge.press(event.key, event.timeStamp);
      if (code === null) return;
      // This Enter ends a scan: it must not also press whichever button has focus.
      event.preventDefault();
      actor.send(snapshot.hasTag('scan.card') ? { type: 'card.scanned', code } : { type: 'item.scanned', barcode: code });
    }
  };

  target.addEventListener('pointerdown', onPointerDown, { capture: true });
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('pointerdown', onPointerDown, { capture: true });
    target.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}

function routeToPad(event: KeyboardEvent, actor: SessionActor) {
  if (event.key === 'Backspace') {
    event.preventDefault();
    actor.send({ type: 'key.backspace' });
  } else if (event.key === 'Enter') {
    // Enter on a focused button (Cancel, a pad key) presses that button instead.
    if (isControl(event.target)) return;
    event.preventDefault();
    actor.send({ type: 'key.enter' });
  } else if (event.key.length === 1 && event.key !== ' ') {
    actor.send({ type: 'key.typed', char: event.key });
  }
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea') !== null;
}
