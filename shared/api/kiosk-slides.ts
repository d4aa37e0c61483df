/**
 * Attract-screen slides and the text pieces of a kiosk profile (shared by the profile and the
 * kiosk's config). Slides are text only for now: images (and a logo) are not built yet.
 */
import { z } from 'zod';

/** Text staff type for patrons to read: no control characters. */
export const Line = (max: number) => z.string().trim().max(max).regex(/^[^\p{Cc}]*$/u, 'invalid');
export const Bilingual = (max: number) => z.object({ 'zh-CN': Line(max), en: Line(max) }).strict();

export const Slide = z
  .object({
    text: Bilingual(200),
  })
  .strict();
export type Slide = z.infer<typeof Slide>;
