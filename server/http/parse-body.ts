import type { z } from 'zod';
import { HttpError } from './http-error';

/** Validates a request body with a shared schema; anything else is `request.invalid`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, 'request.invalid');
  return result.data;
}
