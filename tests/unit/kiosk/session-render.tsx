/**
 * Renders a kiosk screen component against a real session machine (the harness's fake hub and
 * simulated clock), so a test drives the machine to a state, looks at what the patron sees and
 * presses what the patron presses. `sent` records every event the screen sends.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, vi } from 'vitest';
import { translatorFor } from '../../../shared/i18n';
import { ActorContext } from '../../../kiosk/session/use-session';
import { settle, startSession } from './session-harness';

afterEach(cleanup);

/** English, so a failing assertion reads plainly; the words come from the dictionary, never typed out. */
export const t = translatorFor('en');

export function startScreenSession(options: Parameters<typeof startSession>[0] = {}) {
  const session = startSession({ language: 'en', ...options });
  const sent = vi.spyOn(session.actor, 'send');
  return { ...session, sent };
}

export function renderInSession(session: ReturnType<typeof startScreenSession>, screen: ComponentChildren) {
  const rendered = render(<ActorContext.Provider value={session.actor}>{screen}</ActorContext.Provider>);
  // From here on, `sent` holds what the screen sent, not how the test got there.
  session.sent.mockClear();
  return rendered;
}

/** Presses the button a patron reads as `name`, on the whole screen or within one row. */
export function press(name: string, inside?: HTMLElement) {
  fireEvent.click((inside ? within(inside) : screen).getByRole('button', { name, exact: true }));
}

/** Lets the fake hub answer and the screen re-render. */
export const hubAnswers = () => act(async () => void (await settle()));
