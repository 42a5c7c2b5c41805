import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { Company, Connection } from '@ledgerlink/models';
import type { TestApi, TestTenant } from '@ledgerlink/testing';

/** The contract's error body (section 1.6). */
export interface ErrorBody {
  statusCode: number;
  service: string;
  error: string;
  correlationId: string;
  validation?: { errors: { itemId?: string; message?: string; validatorName?: string }[]; warnings: unknown[] };
  canBeRetried: string;
  detailedErrorCode: number;
}

export const randomId = () => randomUUID();

/** Fields the contract allows to be `null` (section 1.7: `createdByUserName` is nullable). */
const NULLABLE_FIELDS = new Set(['createdByUserName']);

/** JSON paths (`$.results[0].description`) of every `null` the SDKs would reject. */
export function findNulls(value: unknown, path = '$'): string[] {
  if (value === null) return NULLABLE_FIELDS.has(path.split('.').pop() ?? '') ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => findNulls(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => findNulls(v, `${path}.${k}`));
  return [];
}

export function expectNoNulls(value: unknown) {
  expect(findNulls(value)).toEqual([]);
}

/**
 * Reads a response that must be a contract error body with `status`: checks the shape, the types,
 * the absence of nulls and that `correlationId` equals the `x-correlation-id` header.
 */
export async function expectErrorBody(res: Response, status: number): Promise<ErrorBody> {
  const text = await res.text();
  expect({ status: res.status, body: text }).toEqual({ status, body: expect.any(String) });
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  expect(body).toEqual({
    statusCode: status,
    service: expect.any(String),
    error: expect.any(String),
    correlationId: res.headers.get('x-correlation-id'),
    ...(body.validation !== undefined ? { validation: { errors: expect.any(Array), warnings: expect.any(Array) } } : {}),
    canBeRetried: expect.stringMatching(/^(Unknown|True|False)$/),
    detailedErrorCode: expect.any(Number),
  });
  expect(Number.isInteger(body.detailedErrorCode)).toBe(true);
  expect(body.error.length).toBeGreaterThan(0);
  expectNoNulls(body);
  return body;
}

/** Sends a request and parses a JSON success body after checking the status. */
export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect({ status: r.status, body: text }).toEqual({ status, body: expect.any(String) });
  return JSON.parse(text) as T;
}

/** Response bodies, typed by the shared models (contract sections 2 and 3). */
export type CompanyBody = Company;
export type ConnectionBody = Connection;

export interface PageBody<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: { self: { href: string }; current: { href: string }; next?: { href: string }; previous?: { href: string } };
}

export const createCompany = (api: TestApi, tenant: TestTenant, body: Record<string, unknown>) =>
  json<CompanyBody>(api.request('/companies', { tenant, method: 'POST', json: body }));

export const createConnection = (api: TestApi, tenant: TestTenant, companyId: string, platformKey = 'sbox') =>
  json<ConnectionBody>(api.request(`/companies/${companyId}/connections`, { tenant, method: 'POST', json: { platformKey } }));
