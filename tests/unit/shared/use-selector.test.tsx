// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { assign, createActor, createMachine, type Actor } from 'xstate';
import { shallowEqual } from '../../../shared/ui/shallow-equal';
import { useSelector } from '../../../shared/ui/use-selector';

/** A snapshot with a list the component shows and a counter it does not. */
const machine = createMachine({
  types: {} as {
    context: { titles: string[]; ticks: number };
    events: { type: 'tick' } | { type: 'title.added'; title: string };
  },
  context: { titles: ['红楼梦'], ticks: 0 },
  on: {
    tick: { actions: assign({ ticks: ({ context }) => context.ticks + 1 }) },
    'title.added': { actions: assign({ titles: ({ context, event }) => [...context.titles, event.title] }) },
  },
});

afterEach(cleanup);

function renderCounting(compare?: (a: string[], b: string[]) => boolean) {
  const actor = createActor(machine).start();
  const seen: string[][] = [];
  function Titles({ actor }: { actor: Actor<typeof machine> }) {
    // A new array on every call: the case that needs an equality function.
    const titles = useSelector(actor, (snapshot) => snapshot.context.titles.map((title) => title), compare);
    seen.push(titles);
    return <p>{titles.join(' ')}</p>;
  }
  const view = render(<Titles actor={actor} />);
  const rendersNow = () => seen.length;
  return { actor, view, seen, rendersNow };
}

describe('useSelector', () => {
  it('with shallowEqual, does not re-render when an unrelated part of the snapshot changes', () => {
    const { actor, rendersNow } = renderCounting(shallowEqual);
    const before = rendersNow();
    act(() => {
      for (let tick = 0; tick < 5; tick += 1) actor.send({ type: 'tick' });
    });
    expect(rendersNow()).toBe(before);
  });

  it('with shallowEqual, re-renders with the new value when the selected part changes', () => {
    const { actor, view, rendersNow, seen } = renderCounting(shallowEqual);
    const before = rendersNow();
    act(() => actor.send({ type: 'title.added', title: '三国演义' }));
    expect(rendersNow()).toBe(before + 1);
    expect(seen.at(-1)).toEqual(['红楼梦', '三国演义']);
    expect(view.container.textContent).toBe('红楼梦 三国演义');
  });

  it('by default compares with Object.is: a selector returning a new array re-renders on every snapshot', () => {
    const { actor, rendersNow } = renderCounting();
    const before = rendersNow();
    act(() => actor.send({ type: 'tick' }));
    expect(rendersNow()).toBe(before + 1);
  });
});

describe('shallowEqual', () => {
  it('compares arrays and plain objects one level deep', () => {
    const shared = { id: 1 };
    expect(shallowEqual([1, shared], [1, shared])).toBe(true);
    expect(shallowEqual([1, shared], [1, { id: 1 }])).toBe(false);
    expect(shallowEqual([1], [1, 2])).toBe(false);
    expect(shallowEqual({ a: 1, b: shared }, { b: shared, a: 1 })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('compares anything else with Object.is', () => {
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(shallowEqual(null, null)).toBe(true);
    expect(shallowEqual(null, {})).toBe(false);
    expect(shallowEqual([1], { 0: 1 })).toBe(false);
    expect(shallowEqual('a', 'a')).toBe(true);
  });
});
