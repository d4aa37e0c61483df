import { describe, expect, it } from 'vitest';
import { ExpiringTokenStore } from '../../../server/security/expiring-token-store';

function storeWithClock(ttlMs: number, maxEntries?: number) {
  let now = 0;
  const store = new ExpiringTokenStore<string>(ttlMs, () => new Date(now), maxEntries);
  return { store, advance: (ms: number) => (now += ms) };
}

describe('ExpiringTokenStore', () => {
  it('slides a token’s expiry on every use and forgets it once idle for the whole time', () => {
    const { store, advance } = storeWithClock(1000);
    const token = store.issue('a');
    advance(900);
    expect(store.use(token)).toBe('a');
    advance(900);
    expect(store.use(token)).toBe('a');
    advance(1000);
    expect(store.use(token)).toBeNull();
  });

  it('never holds more than its bound, however many tokens are issued', () => {
    const { store } = storeWithClock(60_000, 3);
    for (let i = 0; i < 1000; i++) store.issue(`value ${i}`);
    expect(store.size).toBe(3);
  });

  it('drops expired tokens before live ones when full', () => {
    const { store, advance } = storeWithClock(1000, 3);
    const stale = store.issue('stale');
    advance(500);
    const live = [store.issue('live 1'), store.issue('live 2')];
    advance(600);
    const newest = store.issue('newest');
    expect(store.size).toBe(3);
    expect(store.use(stale)).toBeNull();
    expect(live.map((token) => store.use(token))).toEqual(['live 1', 'live 2']);
    expect(store.use(newest)).toBe('newest');
  });

  it('drops the least recently used live token when full', () => {
    const { store } = storeWithClock(60_000, 3);
    const first = store.issue('first');
    const second = store.issue('second');
    const third = store.issue('third');
    store.use(first);
    const fourth = store.issue('fourth');
    expect(store.use(second)).toBeNull();
    expect([first, third, fourth].map((token) => store.use(token))).toEqual(['first', 'third', 'fourth']);
  });
});
