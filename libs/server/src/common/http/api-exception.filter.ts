import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { JsonLogger } from '../json-logger';
import { currentCorrelationId, newCorrelationId } from '../request-context';
import { toErrorBody } from './error-body';

/** The one place HTTP errors become the contract's error body. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    sendError(res, req, exception, this.logger);
  }
}

export function sendError(res: Response, req: Request, exception: unknown, logger: JsonLogger) {
  const body = toErrorBody(exception, currentCorrelationId() ?? newCorrelationId());
  if (body.statusCode >= 500) {
    logger.event('error', 'request failed', {
      method: req.method,
      path: req.path,
      error: exception instanceof Error ? exception.message : String(exception),
      stack: exception instanceof Error ? exception.stack : undefined,
    });
  }
  if (res.headersSent) return;
  // A route's own headers (e.g. @Header('Content-Type', 'image/svg+xml'), caching) must not describe the error.
  res.removeHeader('Cache-Control');
  res.status(body.statusCode).type('application/json').json(body);
}
