/**
 * Admins edit kiosk profiles (admin scope). Every change is in the audit log; kiosks using the
 * profile pick it up at their next heartbeat, between patrons.
 *
 *   GET    /api/admin/profiles       → ProfileList
 *   POST   /api/admin/profiles       name, settings → 201 Profile
 *   PUT    /api/admin/profiles/:id   name, settings → Profile
 *   DELETE /api/admin/profiles/:id   → Profile; 409 profile.inUse while kiosks use it, profile.isDefault for profile 1
 *
 * Settings that break a rule: 400 profile.invalid with `problems` (which field, why, the bound).
 */
import type { FastifyInstance } from 'fastify';
import { ProfileInput, type Profile, type ProfileList } from '../../shared/api/fleet-schemas';
import { fieldProblems } from '../../shared/api/field-problems';
import { API } from '../../shared/api/routes';
import { IdParam } from '../ebooks/route-params';
import { HttpError } from '../http/http-error';
import { parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';

function parseProfile(body: unknown): ProfileInput {
  const parsed = ProfileInput.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'profile.invalid', { problems: fieldProblems(parsed.error) });
  return parsed.data;
}

export function registerAdminProfileRoutes(app: FastifyInstance, { kiosks: { profiles }, audit }: HubServices): void {
  app.get(API.staffProfiles, async (): Promise<ProfileList> => ({ profiles: profiles.list() }));

  app.post(API.staffProfiles, async (request, reply): Promise<Profile> => {
    const profile = profiles.create(parseProfile(request.body));
    audit.recordRequest(request, 'profile.created', profile.name);
    void reply.code(201);
    return profile;
  });

  app.put(API.staffProfile, async (request): Promise<Profile> => {
    const { id } = parseParams(IdParam, request.params, 'profile.unknown');
    const profile = profiles.update(id, parseProfile(request.body));
    audit.recordRequest(request, 'profile.changed', profile.name);
    return profile;
  });

  app.delete(API.staffProfile, async (request): Promise<Profile> => {
    const { id } = parseParams(IdParam, request.params, 'profile.unknown');
    const profile = profiles.delete(id);
    audit.recordRequest(request, 'profile.deleted', profile.name);
    return profile;
  });
}
