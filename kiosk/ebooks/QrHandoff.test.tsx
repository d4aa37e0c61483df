// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, SimulatedClock } from 'xstate';
import type { EbookSummary, TicketIssued, TicketStatus } from '../../shared/ebooks/schemas';
import { hubAnswers, press, renderInSession, startScreenSession, t } from '../../tests/unit/kiosk/session-render';
import { ebookSummary } from '../../tests/unit/support/ebook-summary';
import { ebooksMachine } from './ebooks-machine';
import type { CatalogueEvent, ShownEbook, TicketGuardEvent, TicketInput } from './ebooks-types';
import { QrHandoff } from './QrHandoff';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const BOOK = ebookSummary(1, 'The Analects', { authors: ['Confucius'], language: 'en' });
const TICKET: TicketIssued = {
  ticketId: 7,
  token: 't'.repeat(43),
  shortCode: 'ABC234',
  downloadUrl: `http://192.168.1.20:8080/d/${'t'.repeat(43)}`,
  // Ten minutes on the session's clock, whatever the wall clock of the machine running the test says.
  expiresAt: new Date(NOW + 10 * 60_000).toISOString(),
  downloadsLeft: 3,
};

/** The e-book section on one title's QR code, on a simulated clock. */
async function showingQr() {
  const session = startScreenSession();
  const clock = new SimulatedClock();
  clock.set(NOW);
  const machine = ebooksMachine.provide({
    actors: {
      syncCatalogue: fromCallback<{ type: never }>(({ sendBack }) => sendBack({ type: 'catalogue.syncFailed' } satisfies CatalogueEvent)),
      findTitle: fromPromise(async (): Promise<ShownEbook | null> => BOOK),
      issueTicket: fromPromise(async () => TICKET),
      ticketStatus: fromPromise(async (): Promise<TicketStatus> => ({ ticketId: 7, state: 'live', downloadsUsed: 0, downloadsLeft: 3, expiresAt: TICKET.expiresAt })),
      ticketGuard: fromCallback<TicketGuardEvent, TicketInput>(() => () => {}),
    },
  });
  const ebooks = createActor(machine, { clock, input: { patronToken: null, openEbookId: 1, now: () => clock.now() } }).start();
  await hubAnswers();
  ebooks.send({ type: 'send.requested' });
  await hubAnswers();
  expect(ebooks.getSnapshot().matches({ view: 'showingQr' })).toBe(true);
  const sent = vi.spyOn(ebooks, 'send');
  return { session, ebooks, sent };
}

describe('the QR hand-off', () => {
  it('shows the title, the code to type, and how long the code is valid on the session clock', async () => {
    const { session, ebooks } = await showingQr();
    renderInSession(session, <QrHandoff actor={ebooks} view="showingQr" />);
    expect(screen.getByRole('heading').textContent).toBe(t('ebooks.qr.title'));
    expect(screen.getByText('The Analects')).toBeTruthy();
    expect(screen.getByTestId('short-code').textContent).toBe('ABC234');
    expect(screen.getByText(t('ebooks.qr.validity', { minutes: 10, count: 3 }))).toBeTruthy();
    expect(screen.getByText(t('ebooks.qr.waiting'))).toBeTruthy();
  });

  it('Cancel sends back', async () => {
    const { session, ebooks, sent } = await showingQr();
    renderInSession(session, <QrHandoff actor={ebooks} view="showingQr" />);
    press(t('action.cancel'));
    expect(sent).toHaveBeenLastCalledWith({ type: 'back' });
    expect(ebooks.getSnapshot().matches({ view: 'detail' })).toBe(true);
  });

  it('once sent, says so and Back sends back', async () => {
    const { session, ebooks, sent } = await showingQr();
    renderInSession(session, <QrHandoff actor={ebooks} view="sent" />);
    expect(screen.getByRole('heading').textContent).toBe(t('ebooks.sent'));
    press(t('action.back'));
    expect(sent).toHaveBeenLastCalledWith({ type: 'back' });
  });
});
