import type { SnapshotFrom } from 'xstate';
import { regionStates } from '../../shared/ui/region-states';
import { sessionMachine, type SessionMachine } from './session-machine';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

const flow = regionStates(sessionMachine, 'flow');

/** The screens: the states of the session's `flow` region, which the router (App.tsx) switches over. */
export const SCREENS = flow.names;
export type Screen = (typeof SCREENS)[number];

/** The screen the session is on; throws on a state the machine does not define. */
export const screenOf: (snapshot: SessionSnapshot) => Screen = flow.current;
