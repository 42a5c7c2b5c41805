import { HttpException } from '@nestjs/common';
import { ApiError, type ValidationResult } from '../errors/api-error';

/** The contract's error body (section 1.6). */
export interface ErrorBody {
  statusCode: number;
  service: string;
  error: string;
  correlationId: string;
  validation?: ValidationResult;
  canBeRetried: 'Unknown' | 'True' | 'False';
  detailedErrorCode: number;
}

const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'An internal error occurred. Quote the correlation id when reporting it.',
  503: 'Service unavailable',
};

/** Errors raised by Express's body parser carry a `type` and a `status`. */
interface BodyParserError {
  type: string;
  status: number;
}

const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && typeof (e as BodyParserError).status === 'number';

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'request.aborted': 'The request was aborted.',
  'entity.verify.failed': 'The request body could not be verified.',
};

/**
 * The database refusing or dropping connections (too many clients, shutting down, starting up,
 * connection failures) is a temporary outage, not a bug: 503, retryable.
 */
function isDatabaseUnavailable(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (/^(53300|57P0[1-3]|08\w{3})$/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET');
}

/** Maps anything thrown while serving a request to a status and the contract's body. */
export function toErrorBody(err: unknown, correlationId: string): ErrorBody {
  if (err instanceof ApiError) {
    return {
      statusCode: err.statusCode,
      service: err.service,
      error: err.message,
      correlationId,
      ...(err.validation ? { validation: err.validation } : {}),
      canBeRetried: err.canBeRetried,
      detailedErrorCode: err.detailedErrorCode,
    };
  }
  let status = 500;
  let message = REASONS[500];
  if (err instanceof HttpException) {
    status = err.getStatus();
    const res = err.getResponse();
    const raw = typeof res === 'string' ? res : (res as { message?: unknown }).message;
    message = status >= 500 ? REASONS[500] : Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : (REASONS[status] ?? 'Error');
  } else if (isDatabaseUnavailable(err)) {
    status = 503;
    message = 'The service is temporarily unavailable. Retry shortly.';
  } else if (isBodyParserError(err) && err.status >= 400 && err.status < 500) {
    status = err.status;
    message = BODY_PARSER_MESSAGES[err.type] ?? REASONS[status] ?? 'Bad request';
  }
  return {
    statusCode: status,
    service: 'PublicApi',
    error: message,
    correlationId,
    canBeRetried: status >= 500 || status === 429 ? 'True' : status >= 400 ? 'False' : 'Unknown',
    detailedErrorCode: 0,
  };
}
