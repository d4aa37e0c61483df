/** The path parameters of the e-book routes, validated with `parseParams` (server/http/parse-body.ts). */
import { z } from 'zod';

const positiveId = z.coerce.number().int().positive();

/** `:id` of a title or a category. */
export const IdParam = z.object({ id: positiveId });
export const TicketParam = z.object({ ticketId: positiveId });
export const TokenParam = z.object({ token: z.string() });
export const ShortCodeParam = z.object({ shortCode: z.string() });
