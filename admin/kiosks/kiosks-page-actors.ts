/** The Kiosks page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { AddKioskRequest, KioskChange } from '../../shared/api/fleet-schemas';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { KiosksView } from './kiosks-page-machine';

type Call<I> = { input: { token: string } & I; signal: AbortSignal };

export function kiosksPageActors(hub: StaffHubClient) {
  return {
    loadKiosks: fromPromise(async ({ input, signal }: Call<object>): Promise<KiosksView> => {
      const [fleet, { profiles }] = await Promise.all([hub.fleet(input.token, signal), hub.profiles(input.token, signal)]);
      return { fleet, profiles };
    }),
    addKiosk: fromPromise(({ input, signal }: Call<{ kiosk: AddKioskRequest }>) => hub.addKiosk(input.token, input.kiosk, signal)),
    changeKiosk: fromPromise(({ input, signal }: Call<{ kioskId: string; change: KioskChange }>) => hub.changeKiosk(input.token, input.kioskId, input.change, signal)),
    newPairingCode: fromPromise(({ input, signal }: Call<{ kioskId: string }>) => hub.newPairingCode(input.token, input.kioskId, signal)),
    revokeKiosk: fromPromise(({ input, signal }: Call<{ kioskId: string }>) => hub.revokeKiosk(input.token, input.kioskId, signal)),
  };
}
