import type { FastifyError, FastifyInstance } from 'fastify';
import { IlsUnavailableError, IlsUnsupportedError } from '../ils/ils-port';
import { HttpError } from './http-error';

/** Every failure leaves as an `ApiError` body; stack traces and messages stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const httpError = toHttpError(error);
    if (httpError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(httpError.statusCode).send(httpError.toBody());
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(new HttpError(404, 'request.invalid').toBody()));
}

function toHttpError(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof IlsUnavailableError) return new HttpError(503, 'ils.unavailable');
  if (error instanceof IlsUnsupportedError) return new HttpError(409, error.code);
  const status = 'statusCode' in error ? error.statusCode : undefined;
  if (status === 429) return new HttpError(429, 'rate.limited');
  // Fastify's own client errors: malformed JSON, wrong content type, body too large…
  if (status !== undefined && status >= 400 && status < 500) return new HttpError(status, 'request.invalid');
  return new HttpError(500, 'internal');
}
