/** The Profiles page machine's actors, backed by the hub. */
import { fromPromise } from 'xstate';
import type { ProfileInput } from '../../shared/api/fleet-schemas';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { ProfilesView, UploadImageInput } from './profiles-page-machine';

type Call<I> = { input: { token: string } & I; signal: AbortSignal };

export function profilesPageActors(hub: StaffHubClient) {
  return {
    loadProfiles: fromPromise(async ({ input, signal }: Call<object>): Promise<ProfilesView> => {
      const [{ profiles }, fleet] = await Promise.all([hub.profiles(input.token, signal), hub.fleet(input.token, signal)]);
      return { profiles, cameraLabels: fleet.cameraLabels };
    }),
    saveProfile: fromPromise(({ input, signal }: Call<{ id: number | null; input: ProfileInput }>) =>
      input.id === null ? hub.createProfile(input.token, input.input, signal) : hub.updateProfile(input.token, input.id, input.input, signal),
    ),
    deleteProfile: fromPromise(({ input, signal }: Call<{ id: number }>) => hub.deleteProfile(input.token, input.id, signal)),
    uploadImage: fromPromise(({ input, signal }: { input: UploadImageInput; signal: AbortSignal }) => hub.uploadProfileImage(input.token, input.kind, input.file, input.name, signal)),
  };
}
