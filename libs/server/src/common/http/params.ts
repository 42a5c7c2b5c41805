import { notFound } from '../errors/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** An id in a path that is not a UUID cannot exist: answer the same 404 as a missing one. */
export function uuidParam(value: string, notFoundMessage: string, service = 'PublicApi'): string {
  if (!isUuid(value)) throw notFound(notFoundMessage, { service });
  return value.toLowerCase();
}
