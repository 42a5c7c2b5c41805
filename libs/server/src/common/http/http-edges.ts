import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { JsonLogger } from '../json-logger';
import { newCorrelationId, runWithContext } from '../request-context';
import { ApiExceptionFilter, sendError } from './api-exception.filter';

const CORRELATION_HEADER = 'x-correlation-id';
const VALID_INCOMING_ID = /^[A-Za-z0-9-]{8,64}$/;

export interface HttpEdgeOptions {
  logger: JsonLogger;
  bodyLimit?: string;
  onResponse?: (method: string, route: string, status: number, seconds: number) => void;
}

/**
 * Everything between the socket and the controllers: correlation ids, access logs, the JSON body
 * parser (with its errors in the contract's shape) and the global exception filter.
 * The app must be created with `bodyParser: false`.
 */
export function installHttpEdges(app: INestApplication, opts: HttpEdgeOptions) {
  const { logger } = opts;
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  http.set('query parser', 'extended');

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header(CORRELATION_HEADER);
    const correlationId = incoming && VALID_INCOMING_ID.test(incoming) ? incoming : newCorrelationId();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (req.route?.path as string | undefined) ?? (res.statusCode === 404 ? 'unmatched' : req.path);
      opts.onResponse?.(req.method, route, res.statusCode, seconds);
      runWithContext({ correlationId }, () =>
        logger.event('info', 'request', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) }),
      );
    });
    runWithContext({ correlationId }, next);
  });
  // JSON only (the contract): other content types leave the body empty, and validation answers 400.
  app.use(express.json({ limit: opts.bodyLimit ?? '5mb', type: ['application/json', 'application/*+json'] }));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendError(res, req, err, logger);
  });
  app.useGlobalFilters(new ApiExceptionFilter(logger));
}
