/**
 * The routers render one view per state of a region: the session's `flow` (App.tsx) and the e-book
 * section's `view` (EbookSection.tsx). Their lists are the machines' states, and a snapshot in a
 * state they do not know is an error, not another screen.
 */
import { describe, expect, it } from 'vitest';
import { matchesState, type StateValue } from 'xstate';
import { ebooksMachine } from '../../../kiosk/ebooks/ebooks-machine';
import { EBOOK_VIEWS, viewOf, type EbooksSnapshot } from '../../../kiosk/ebooks/use-ebooks';
import { SCREENS, screenOf, type SessionSnapshot } from '../../../kiosk/session/screen';
import { sessionMachine } from '../../../kiosk/session/session-machine';
import { regionStates } from '../../../shared/ui/region-states';

const childStates = (node: { states: Record<string, unknown> } | undefined) => Object.keys(node?.states ?? {}).sort();
/** A snapshot in any state value, one the machine may not define. */
const snapshotIn = <Snapshot>(value: StateValue) => ({ value, matches: (pattern: StateValue) => matchesState(pattern, value) }) as unknown as Snapshot;

describe('the session router', () => {
  it("has one screen for each state of the machine's flow region", () => {
    expect([...SCREENS].sort()).toEqual(childStates(sessionMachine.root.states.flow));
    expect(SCREENS).toContain('ebooks');
  });

  it('names the screen the session is on, a compound state included', () => {
    expect(screenOf(snapshotIn<SessionSnapshot>({ flow: 'attract', idle: 'watching' }))).toBe('attract');
    expect(screenOf(snapshotIn<SessionSnapshot>({ flow: { borrow: { camera: 'off', items: 'ready' } }, idle: 'watching' }))).toBe('borrow');
  });

  it('throws on a state the machine does not define, rather than showing the attract screen', () => {
    const lost = snapshotIn<SessionSnapshot>({ flow: 'lostScreen', idle: 'watching' });
    expect(() => screenOf(lost)).toThrow(/lostScreen/);
  });
});

describe('the e-book section router', () => {
  it("has one view for each state of the machine's view region", () => {
    expect([...EBOOK_VIEWS].sort()).toEqual(childStates(ebooksMachine.root.states.view));
  });

  it('throws on a state the machine does not define, rather than showing the shelves', () => {
    const lost = snapshotIn<EbooksSnapshot>({ sync: 'done', view: { lostView: 'somewhere' } });
    expect(() => viewOf(lost)).toThrow(/lostView/);
    expect(viewOf(snapshotIn<EbooksSnapshot>({ sync: 'done', view: 'detail' }))).toBe('detail');
  });
});

describe('regionStates', () => {
  it('refuses a region the machine does not have', () => {
    expect(() => regionStates(sessionMachine, 'nowhere')).toThrow(/nowhere/);
  });
});
