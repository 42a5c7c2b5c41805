import { BadRequestException, ForbiddenException, HttpException, InternalServerErrorException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { ApiError, badRequest, conflict, notFound, unauthorized } from '../../errors/api-error';
import { toErrorBody } from '../error-body';

const CID = '0a40c2f31fc8f992fb88b0853e4166f3';

/** Every body must have exactly the contract's keys, and never a null. */
function expectContractShape(body: ReturnType<typeof toErrorBody>) {
  const keys = Object.keys(body).sort();
  expect(keys.filter((k) => k !== 'validation')).toEqual(['canBeRetried', 'correlationId', 'detailedErrorCode', 'error', 'service', 'statusCode']);
  expect(JSON.stringify(body)).not.toContain('null');
  expect(['Unknown', 'True', 'False']).toContain(body.canBeRetried);
  expect(Number.isInteger(body.statusCode) && Number.isInteger(body.detailedErrorCode)).toBe(true);
  expect(body.correlationId).toBe(CID);
}

describe('toErrorBody', () => {
  describe('ApiError', () => {
    it('maps every field, defaulting service to PublicApi', () => {
      const body = toErrorBody(notFound('No company was found with ID x', { service: 'ClientsApi' }), CID);
      expect(body).toEqual({ statusCode: 404, service: 'ClientsApi', error: 'No company was found with ID x', correlationId: CID, canBeRetried: 'Unknown', detailedErrorCode: 0 });
      expectContractShape(body);
      expect(toErrorBody(conflict('c'), CID).service).toBe('PublicApi');
    });

    it('includes validation only when present', () => {
      const validation = { errors: [{ itemId: 'name', message: 'bad', validatorName: 'v' }], warnings: [] };
      const body = toErrorBody(badRequest('Invalid', { validation }), CID);
      expect(body.validation).toEqual(validation);
      expect('validation' in toErrorBody(badRequest('Invalid'), CID)).toBe(false);
      expectContractShape(body);
    });

    it('keeps canBeRetried and detailedErrorCode', () => {
      const body = toErrorBody(new ApiError(429, 'slow down', { canBeRetried: 'True', detailedErrorCode: 7 }), CID);
      expect(body).toMatchObject({ statusCode: 429, canBeRetried: 'True', detailedErrorCode: 7 });
    });

    it('gives the contract 401', () => {
      expect(toErrorBody(unauthorized(), CID)).toEqual({ statusCode: 401, service: 'PublicApi', error: 'Unauthorized', correlationId: CID, canBeRetried: 'Unknown', detailedErrorCode: 0 });
    });
  });

  describe('Nest HttpException', () => {
    it('uses the status and a string message', () => {
      const body = toErrorBody(new NotFoundException('Cannot GET /nope'), CID);
      expect(body).toEqual({ statusCode: 404, service: 'PublicApi', error: 'Cannot GET /nope', correlationId: CID, canBeRetried: 'False', detailedErrorCode: 0 });
      expectContractShape(body);
    });

    it('joins an array of messages', () => {
      expect(toErrorBody(new BadRequestException(['a is wrong', 'b is wrong']), CID).error).toBe('a is wrong; b is wrong');
    });

    it('uses a plain string response', () => {
      expect(toErrorBody(new HttpException('Teapot', 418), CID)).toMatchObject({ statusCode: 418, error: 'Teapot' });
    });

    it('falls back to the reason phrase for an object response without a message', () => {
      expect(toErrorBody(new HttpException({ detail: 'x' }, 403), CID).error).toBe('Forbidden');
      expect(toErrorBody(new HttpException({}, 413), CID).error).toBe('Payload too large');
      expect(toErrorBody(new HttpException({}, 499), CID).error).toBe('Error');
    });

    it('keeps the built-in exception texts', () => {
      expect(toErrorBody(new ForbiddenException(), CID)).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(toErrorBody(new PayloadTooLargeException(), CID)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });

    it('hides the message of a 5xx', () => {
      const body = toErrorBody(new InternalServerErrorException('db password is hunter2'), CID);
      expect(body.statusCode).toBe(500);
      expect(body.error).not.toContain('hunter2');
      expect(body.canBeRetried).toBe('True');
      expect(toErrorBody(new HttpException('upstream said: secret', 503), CID)).toMatchObject({ statusCode: 503, canBeRetried: 'True' });
      expect(toErrorBody(new HttpException('upstream said: secret', 503), CID).error).not.toContain('secret');
    });
  });

  describe('body-parser errors', () => {
    const parserError = (type: string, status: number) => Object.assign(new Error(`raw parser text: ${type}`), { type, status, expose: true });

    it.each([
      ['entity.parse.failed', 400, 'The request body is not valid JSON.'],
      ['entity.too.large', 413, 'The request body is too large.'],
      ['encoding.unsupported', 415, 'The request body encoding is not supported.'],
      ['charset.unsupported', 415, 'The request body charset is not supported.'],
      ['request.aborted', 400, 'The request was aborted.'],
      ['entity.verify.failed', 403, 'The request body could not be verified.'],
    ])('%s → %i %p', (type, status, message) => {
      const body = toErrorBody(parserError(type, status), CID);
      expect(body).toEqual({ statusCode: status, service: 'PublicApi', error: message, correlationId: CID, canBeRetried: 'False', detailedErrorCode: 0 });
      expectContractShape(body);
    });

    it('uses the reason phrase for an unknown type, never the raw parser text', () => {
      const body = toErrorBody(parserError('stream.not.readable', 400), CID);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad request' });
      expect(body.error).not.toContain('raw parser text');
    });

    it('treats a parser error with a 5xx status as an internal error', () => {
      const body = toErrorBody(parserError('stream.encoding.set', 500), CID);
      expect(body).toMatchObject({ statusCode: 500, canBeRetried: 'True' });
      expect(body.error).not.toContain('raw parser text');
    });
  });

  describe('anything else', () => {
    it.each([
      ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')],
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'secret')")],
      ['a string', 'secret string'],
      ['null', null],
      ['undefined', undefined],
      ['an object with a bad status', { type: 'x', status: 'nope', message: 'secret' }],
      ['an object with a non-error status', { type: 'x', status: 302, message: 'secret' }],
    ])('%s → 500 without leaking the message', (_label, err) => {
      const body = toErrorBody(err, CID);
      expect(body).toEqual({
        statusCode: 500,
        service: 'PublicApi',
        error: 'An internal error occurred. Quote the correlation id when reporting it.',
        correlationId: CID,
        canBeRetried: 'True',
        detailedErrorCode: 0,
      });
      expect(JSON.stringify(body)).not.toMatch(/secret|hunter2|ECONNREFUSED/);
    });
  });
  describe('the database refusing connections', () => {
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
    it.each([
      ['too many clients', pgError('53300', 'sorry, too many clients already')],
      ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command password=hunter2')],
      ['starting up', pgError('57P03', 'the database system is starting up')],
      ['connection failure', pgError('08006', 'connection failure')],
      ['refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ])('%s → 503, retryable, without the driver message', (_label, err) => {
      const body = toErrorBody(err, CID);
      expect(body).toMatchObject({ statusCode: 503, canBeRetried: 'True', error: 'The service is temporarily unavailable. Retry shortly.' });
      expect(JSON.stringify(body)).not.toMatch(/hunter2|ECONNREFUSED|clients/);
    });

    it('leaves other SQL errors as 500', () => {
      expect(toErrorBody(pgError('23505', 'duplicate key'), CID).statusCode).toBe(500);
      expect(toErrorBody(pgError('42P01', 'relation does not exist'), CID).statusCode).toBe(500);
    });
  });
});
