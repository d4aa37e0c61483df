/**
 * Attract-screen slides, the pictures staff upload for them and for the logo, and the text pieces
 * of a kiosk profile (shared by the profile and the kiosk's config).
 */
import { z } from 'zod/mini';

/** Text staff type for patrons to read: no control characters. */
export const Line = (max: number) => z.string().check(z.trim(), z.maxLength(max), z.regex(/^[^\p{Cc}]*$/u, 'invalid'));
export const Bilingual = (max: number) => z.strictObject({ 'zh-CN': Line(max), en: Line(max) });

/**
 * A picture the hub stored for kiosk profiles: the SHA-256 of the WebP it made of the upload, so
 * its URL (routes.ts profileImagePath) always means the same bytes and kiosks may cache it for good.
 */
export const ProfileImageId = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'invalid'));
export type ProfileImageId = z.infer<typeof ProfileImageId>;

/** What a picture is for: each is made to fit its own box (server/kiosks/profile-images.ts). */
export const PROFILE_IMAGE_KINDS = ['slide', 'logo'] as const;
export const ProfileImageKind = z.enum(PROFILE_IMAGE_KINDS);
export type ProfileImageKind = z.infer<typeof ProfileImageKind>;
/** PNG, JPEG or WebP, told by their content, not their name. */
export const PROFILE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const PROFILE_IMAGE_MAX_MB = 5;
export const PROFILE_IMAGE_MAX_BYTES = PROFILE_IMAGE_MAX_MB * 1024 * 1024;

export const ProfileImageUploaded = z.object({ id: ProfileImageId, width: z.int().check(z.positive()), height: z.int().check(z.positive()) });
export type ProfileImageUploaded = z.infer<typeof ProfileImageUploaded>;

/** A slide's picture is read out by its text, so a slide with one needs its text in both languages. */
export const Slide = z
  .strictObject({
    text: Bilingual(200),
    image: z._default(z.nullable(ProfileImageId), null),
  })
  .check(
    z.superRefine((slide, context) => {
      if (slide.image === null) return;
      for (const language of ['zh-CN', 'en'] as const) {
        if (slide.text[language] === '') context.addIssue({ code: 'custom', path: ['text', language], message: 'imageNeedsText' });
      }
    }),
  );
export type Slide = z.infer<typeof Slide>;
