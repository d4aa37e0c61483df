/** Before an offline-only step, the hub is asked at once with a short deadline (simulated clock: Vitest's fake timers). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFIRM_DEADLINE_MS, offlineConfirmer } from '../../../kiosk/offline/confirm-offline';

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-25T10:00:00+08:00') }));
afterEach(() => vi.useRealTimers());

/** A hub whose connections are taken and never answered: only the deadline ends the probe. */
const hungProbe = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

describe('confirming the hub is still down', () => {
  it('says online, and tells the connectivity machine, when the hub answers (the kiosk missed its return between probes)', async () => {
    const onReached = vi.fn();
    const probe = vi.fn(async () => ({ status: 'ok' }));
    const confirmer = offlineConfirmer({ probe, onReached });
    confirmer.noteOutage();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(await confirmer.confirm(0)).toBe(false);
    expect(probe).toHaveBeenCalledOnce();
    expect(onReached).toHaveBeenCalledOnce();
  });

  it('gives a hub that does not answer the deadline, no longer, and says offline', async () => {
    const onReached = vi.fn();
    const confirmer = offlineConfirmer({ probe: hungProbe, onReached });
    let answer: boolean | undefined;
    void confirmer.confirm(0).then((offline) => (answer = offline));
    await vi.advanceTimersByTimeAsync(CONFIRM_DEADLINE_MS - 1);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toBe(true);
    expect(onReached).not.toHaveBeenCalled();
  });

  it('asks again only once the outage it saw is older than maxAgeMs; a sign-in (0) always asks', async () => {
    const probe = vi.fn(async () => Promise.reject(new Error('refused')));
    const confirmer = offlineConfirmer({ probe, onReached: vi.fn() });
    expect(await confirmer.confirm(2000)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(await confirmer.confirm(2000)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(await confirmer.confirm(0)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await confirmer.confirm(2000)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(3);
  });
});
