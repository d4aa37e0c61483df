import type { SnapshotFrom } from 'xstate';
import type { SessionMachine } from './session-machine';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** The screens of the `flow` region; the router switches over these. */
export const SCREENS = [
  'attract',
  'cardEntry',
  'pin',
  'authenticating',
  'pinChange',
  'home',
  'borrow',
  'return',
  'loans',
  'finish',
  'goodbye',
  'ebooks',
] as const;
export type Screen = (typeof SCREENS)[number];

export function screenOf(snapshot: SessionSnapshot): Screen {
  return SCREENS.find((screen) => snapshot.matches({ flow: screen })) ?? 'attract';
}
