import { queryError, unresolvedProperty } from './errors';
import { IDENTIFIER, type QuerySchema } from './schema';

export const MAX_ORDER_BY_LENGTH = 2048;
export const MAX_ORDER_BY_FIELDS = 16;

export interface OrderBy {
  /** e.g. `ORDER BY i.issue_date DESC, i.id DESC`. */
  sql: string;
}

/**
 * Parses `orderBy` (contract 1.5): `field` ascending, `-field` descending, comma-separated for several keys.
 * `tiebreaker` (trusted SQL, e.g. `c.id`) is always appended, in the direction of the last key, so paging
 * is deterministic and an index on `(key, id)` can serve the sort. NULLs sort as PostgreSQL defaults
 * (last ascending, first descending), which also matches plain btree indexes.
 */
export function parseOrderBy(text: string | undefined, schema: QuerySchema, tiebreaker: string): OrderBy {
  const terms: string[] = [];
  let direction = 'ASC';
  const trimmed = text?.trim() ?? '';
  if (trimmed.length > MAX_ORDER_BY_LENGTH) {
    throw queryError(`orderBy exceeds the maximum length of ${MAX_ORDER_BY_LENGTH} characters.`);
  }
  const items = trimmed ? trimmed.split(',') : [];
  if (items.length > MAX_ORDER_BY_FIELDS) {
    throw queryError(`orderBy has too many properties (maximum is ${MAX_ORDER_BY_FIELDS}).`);
  }
  for (const item of items.map((raw) => raw.trim())) {
    const descending = item.startsWith('-');
    const property = descending ? item.slice(1) : item;
    if (!property) throw queryError('Malformed orderBy.');
    const path = property.split('.');
    const field = path.every((segment) => IDENTIFIER.test(segment)) ? schema.resolve(path) : undefined;
    if (!field) throw unresolvedProperty(property, schema.entityName);
    if (field.wrap) throw queryError(`Cannot order by property ${property} on ${schema.entityName}`);
    direction = descending ? 'DESC' : 'ASC';
    terms.push(`${field.sql} ${direction}`);
  }
  terms.push(`${tiebreaker} ${direction}`);
  return { sql: `ORDER BY ${terms.join(', ')}` };
}
