import { z } from 'zod';
import type { RefusalCode } from '../../shared/circulation/codes';
import { HttpError } from './http-error';

/** Validates a request body with a shared schema; anything else is `request.invalid`. */
export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.infer<S> {
  return parsed(schema, body, () => new HttpError(400, 'request.invalid'));
}

/** Validates a query string (`request.query`); anything else is `request.invalid`. */
export function parseQuery<S extends z.core.$ZodType>(schema: S, query: unknown): z.infer<S> {
  return parsed(schema, query, () => new HttpError(400, 'request.invalid'));
}

/** Validates path parameters (`request.params`): a path that names nothing is a 404 with `unknown`, e.g. `ebook.unknown`. */
export function parseParams<S extends z.core.$ZodType>(schema: S, params: unknown, unknown: RefusalCode): z.infer<S> {
  return parsed(schema, params, () => new HttpError(404, unknown));
}

function parsed<S extends z.core.$ZodType>(schema: S, value: unknown, refusal: () => HttpError): z.infer<S> {
  // The shared schemas the kiosk also loads are zod/mini ones, without classic zod's methods.
  const result = z.safeParse(schema, value);
  if (!result.success) throw refusal();
  return result.data;
}
