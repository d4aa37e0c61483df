import type { ApiError } from '../../shared/api/schemas';
import type { RefusalCode } from '../../shared/circulation/codes';

type ErrorDetails = Omit<ApiError['error'], 'code'>;

/** A refusal the hub answers with an HTTP error status and an `ApiError` body. */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly statusCode: number,
    readonly code: RefusalCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
  }

  toBody(): ApiError {
    return { error: { code: this.code, ...this.details } };
  }
}
