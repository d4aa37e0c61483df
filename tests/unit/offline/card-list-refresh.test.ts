/** The offline card list asked for again hourly and when the hub is back; only a changed config is taken. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { CARD_LIST_REFRESH_MS, refreshCardList } from '../../../kiosk/offline/card-list-refresh';
import { CONFIG } from '../kiosk/session-harness';

afterEach(() => vi.useRealTimers());

describe('refreshing the offline card list', () => {
  it('asks every hour and takes a config whose card list changed, not one that is the same', async () => {
    vi.useFakeTimers();
    const blocked = { ...CONFIG, offline: { ...CONFIG.offline, blockedCards: ['a'.repeat(64)] } };
    const fetchConfig = vi.fn().mockResolvedValueOnce(CONFIG).mockResolvedValueOnce(blocked);
    const take = vi.fn();
    const refresher = refreshCardList(fetchConfig, () => CONFIG, take);
    await vi.advanceTimersByTimeAsync(CARD_LIST_REFRESH_MS);
    expect(fetchConfig).toHaveBeenCalledOnce();
    expect(take).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(CARD_LIST_REFRESH_MS);
    expect(take).toHaveBeenCalledWith(blocked);
    refresher.stop();
  });

  it('asks at once when told (the hub is back), and shrugs off a hub that is gone again', async () => {
    const fetchConfig = vi.fn().mockRejectedValue(new HubError('network.offline'));
    const take = vi.fn();
    const refresher = refreshCardList(fetchConfig, () => CONFIG, take);
    refresher.refresh();
    await Promise.resolve();
    expect(fetchConfig).toHaveBeenCalledOnce();
    expect(take).not.toHaveBeenCalled();
    refresher.stop();
  });
});
