/**
 * The child states of one region of a machine, read from the machine itself, for a router that
 * renders one view per state (an exhaustive `switch` over `names`). A state added to the machine is a
 * name here at once, so the router does not compile until it has a view for it; a snapshot in none of
 * them throws, as vxsuite's voter screen does, instead of quietly showing another screen.
 */
import type { AnyStateMachine, SnapshotFrom, StateValue } from 'xstate';

/** A state value's child names: 'a' | { b: … } → 'a' | 'b'. */
type ChildNames<Value> = Value extends string ? Value : keyof Value & string;

export type RegionStateOf<Machine extends AnyStateMachine, Region extends string> =
  SnapshotFrom<Machine>['value'] extends infer Value ? (Value extends Record<Region, infer Child> ? ChildNames<Child> : never) : never;

export function regionStates<Machine extends AnyStateMachine, Region extends string>(machine: Machine, region: Region) {
  type Name = RegionStateOf<Machine, Region>;
  const regionNode = machine.root.states[region];
  if (regionNode === undefined) throw new Error(`the machine has no region "${region}"`);
  const names = Object.keys(regionNode.states) as Name[];

  /** The region's current child state. */
  function current(snapshot: SnapshotFrom<Machine>): Name {
    const value = ((snapshot as { value: StateValue }).value as Record<string, StateValue | undefined>)[region];
    const name = typeof value === 'string' ? value : Object.keys(value ?? {})[0];
    const known = names.find((candidate) => candidate === name);
    if (known === undefined) throw new Error(`no view for state ${JSON.stringify(value)} of region "${region}"`);
    return known;
  }

  return { names: names as readonly Name[], current };
}
