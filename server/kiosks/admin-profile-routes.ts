/**
 * Admins edit kiosk profiles (admin scope). Every change is in the audit log; kiosks using the
 * profile pick it up at their next heartbeat, between patrons.
 *
 *   GET    /api/admin/profiles       → ProfileList
 *   POST   /api/admin/profiles       name, settings → 201 Profile
 *   PUT    /api/admin/profiles/:id   name, settings → Profile
 *   DELETE /api/admin/profiles/:id   → Profile; 409 profile.inUse while kiosks use it, profile.isDefault for profile 1
 *   POST   /api/admin/profile-images?kind=slide|logo   the body is the picture itself (PNG, JPEG or WebP, at most
 *                                    PROFILE_IMAGE_MAX_MB) → 201 ProfileImageUploaded; 413 profileImage.tooLarge,
 *                                    415 profileImage.unsupportedType, 422 profileImage.unreadable
 *
 * Settings that break a rule, or name a picture the hub does not hold: 400 profile.invalid with
 * `problems` (which field, why, the bound).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ProfileInput, type Profile, type ProfileList } from '../../shared/api/fleet-schemas';
import { parseForm, type FieldProblem } from '../../shared/api/field-problems';
import { PROFILE_IMAGE_MAX_BYTES, PROFILE_IMAGE_TYPES, ProfileImageKind, type ProfileImageUploaded } from '../../shared/api/kiosk-slides';
import { API } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { IdParam } from '../ebooks/route-params';
import { HttpError } from '../http/http-error';
import { parseParams, parseQuery } from '../http/parse-body';
import { acceptStreamedBodies, receiveRequestUpload } from '../http/receive-upload';
import type { HubServices } from '../hub-services';
import { imagesOf, ProfileImages } from './profile-images';

const ImageQuery = z.object({ kind: ProfileImageKind });

function parseProfile(body: unknown, images: ProfileImages): ProfileInput {
  const form = parseForm(ProfileInput, body);
  if (form.data === null) throw new HttpError(400, 'profile.invalid', { problems: form.problems });
  const { settings } = form.data;
  const missing: FieldProblem[] = [
    ...(settings.logo !== null && !images.has(settings.logo) ? [{ field: 'settings.logo', reason: 'imageUnknown' as const }] : []),
    ...settings.slides.flatMap((slide, index) =>
      slide.image !== null && !images.has(slide.image) ? [{ field: `settings.slides.${index}.image`, reason: 'imageUnknown' as const }] : [],
    ),
  ];
  if (missing.length > 0) throw new HttpError(400, 'profile.invalid', { problems: missing });
  return form.data;
}

export function registerAdminProfileRoutes(app: FastifyInstance, { kiosks: { profiles }, audit }: HubServices, { dataDir }: HubConfig): void {
  const images = new ProfileImages(dataDir);

  app.get(API.staffProfiles, async (): Promise<ProfileList> => ({ profiles: profiles.list() }));

  app.post(API.staffProfiles, async (request, reply): Promise<Profile> => {
    const profile = profiles.create(parseProfile(request.body, images));
    audit.recordRequest(request, 'profile.created', profile.name);
    void reply.code(201);
    return profile;
  });

  app.put(API.staffProfile, async (request): Promise<Profile> => {
    const { id } = parseParams(IdParam, request.params, 'profile.unknown');
    const profile = profiles.update(id, parseProfile(request.body, images));
    audit.recordRequest(request, 'profile.changed', profile.name);
    return profile;
  });

  app.delete(API.staffProfile, async (request): Promise<Profile> => {
    const { id } = parseParams(IdParam, request.params, 'profile.unknown');
    const profile = profiles.delete(id);
    audit.recordRequest(request, 'profile.deleted', profile.name);
    return profile;
  });

  // The form uploads a picture as soon as it is chosen; the profile names it when saved.
  acceptStreamedBodies(app, [...PROFILE_IMAGE_TYPES, 'application/octet-stream']);
  app.post(API.staffProfileImages, async (request, reply): Promise<ProfileImageUploaded> => {
    const { kind } = parseQuery(ImageQuery, request.query);
    const upload = await receiveRequestUpload(request, join(dataDir, 'uploads'), PROFILE_IMAGE_MAX_BYTES, 'profileImage.tooLarge');
    try {
      const stored = await images.store(await readFile(upload.path), kind);
      audit.recordRequest(request, 'profile.imageUploaded', upload.fileName);
      // Uploads no profile came to name are not kept for ever.
      await images.prune(new Set(profiles.list().flatMap((profile) => imagesOf(profile.settings))));
      void reply.code(201);
      return stored;
    } finally {
      await rm(upload.path, { force: true });
    }
  });
}
