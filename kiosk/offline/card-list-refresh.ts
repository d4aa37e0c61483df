/**
 * The list of blocked and expired cards for offline loans changes without the profile's version
 * changing (a card blocked at the desk), so the kiosk asks for its config again every hour and
 * whenever the hub is back after an outage, and keeps what is new.
 */
import type { KioskConfig } from '../../shared/api/schemas';

export const CARD_LIST_REFRESH_MS = 60 * 60_000;

export function refreshCardList(
  fetchConfig: () => Promise<KioskConfig>,
  current: () => KioskConfig,
  take: (config: KioskConfig) => void,
  every = CARD_LIST_REFRESH_MS,
) {
  const refresh = () =>
    void fetchConfig().then(
      (config) => {
        if (JSON.stringify(config) !== JSON.stringify(current())) take(config);
      },
      // Not reached: the next hour, or the next time the hub is back.
      () => undefined,
    );
  const timer = setInterval(refresh, every);
  return { refresh, stop: () => clearInterval(timer) };
}
