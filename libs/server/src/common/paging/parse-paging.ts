import { badRequest } from '../errors';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 5000;
const MAX_PAGE = 2147483647; // int32, as in the contract

export interface PagingParams {
  page: number;
  pageSize: number;
  /** Rows to skip: `(page - 1) * pageSize`. */
  offset: number;
  query?: string;
  orderBy?: string;
}

/**
 * Reads `page`, `pageSize`, `query` and `orderBy` (contract 1.3) from raw query parameters.
 * Absent or empty values take their defaults; anything else invalid is a 400. Other keys are ignored.
 */
export function parsePaging(raw: Record<string, unknown>): PagingParams {
  const page = readInteger(raw, 'page', 1, MAX_PAGE, 1);
  const pageSize = readInteger(raw, 'pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const query = readString(raw, 'query');
  const orderBy = readString(raw, 'orderBy');
  return {
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    ...(query !== undefined && { query }),
    ...(orderBy !== undefined && { orderBy }),
  };
}

function readValue(raw: Record<string, unknown>, name: string): unknown {
  const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
  if (Array.isArray(value)) throw badRequest(`${name} must not be repeated`, { code: 'paging.invalid' });
  return value === null || value === '' ? undefined : value;
}

function readInteger(raw: Record<string, unknown>, name: string, min: number, max: number, fallback: number): number {
  const value = readValue(raw, name);
  if (value === undefined) return fallback;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    const range = max === MAX_PAGE ? `greater than or equal to ${min}` : `between ${min} and ${max}`;
    throw badRequest(`${name} must be an integer ${range}`, { code: 'paging.invalid' });
  }
  return number;
}

function readString(raw: Record<string, unknown>, name: string): string | undefined {
  const value = readValue(raw, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`, { code: 'paging.invalid' });
  return value.trim() === '' ? undefined : value;
}
