/**
 * Property resolution for the query language. A schema is the only way a property name reaches
 * SQL: every `sql` string here is written by trusted code, never derived from unvalidated input.
 */
export type FieldType = 'string' | 'number' | 'date' | 'boolean';

interface FieldBase {
  /** Wraps the compiled predicate, e.g. `p => EXISTS (SELECT 1 FROM connection dc WHERE ... AND ${p})`. */
  wrap?: (predicate: string) => string;
}

/** A typed SQL expression (usually a real column). */
export interface ColumnField extends FieldBase {
  type: FieldType;
  /** SQL expression for the field, e.g. `c.name`. Trusted code only. */
  sql: string;
}

/** A property inside a JSONB document; the comparison type is inferred from the literal. */
export interface JsonField extends FieldBase {
  type: 'json';
  /** jsonb-valued expression, e.g. `(r.data -> 'customerRef' -> 'id')`. */
  sql: string;
  /** text-valued expression, e.g. `(r.data #>> '{customerRef,id}')`. */
  textSql: string;
}

export type ResolvedField = ColumnField | JsonField;

export interface QuerySchema {
  /** Used in error messages: `Could not resolve property x on {entityName}`. */
  entityName: string;
  resolve(path: readonly string[]): ResolvedField | undefined;
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A fixed whitelist of dotted property paths, e.g. `{ name: {...}, 'dataConnections.status': {...} }`. */
export function columnSchema(entityName: string, fields: Record<string, ResolvedField>): QuerySchema {
  const byPath = new Map(Object.entries(fields)); // a Map, so `constructor` or `__proto__` never resolve
  return { entityName, resolve: (path) => byPath.get(path.join('.')) };
}

/**
 * Resolves any dotted path into the JSONB `column` (trusted SQL, e.g. `r.data`), after checking each
 * segment is a plain identifier. `columns` overrides specific paths with real columns, e.g.
 * `{ modifiedDate: { type: 'date', sql: 'r.modified_date' } }`.
 *
 * Indexes: the compiler emits exactly these expressions for a JSONB path `a.b`, so index them verbatim:
 * - number/boolean literals and `orderBy`: btree on `((col -> 'a' -> 'b'))`
 * - string literals (`=`): btree on `((col #>> '{a,b}'))`
 * - date literals: btree on `(rpad(col #>> '{a,b}', 19, 'T00:00:00'))`
 * - `~` (contains): GIN on `((col #>> '{a,b}')) gin_trgm_ops` (extension `pg_trgm`)
 * `!=` (IS DISTINCT FROM / NOT IN) is never index-backed; combine it with an indexed condition.
 */
export function jsonbSchema(
  entityName: string,
  column: string,
  columns: Record<string, ResolvedField> = {},
): QuerySchema {
  const overrides = columnSchema(entityName, columns);
  return {
    entityName,
    resolve(path) {
      const override = overrides.resolve(path);
      if (override) return override;
      if (path.length === 0 || !path.every((segment) => IDENTIFIER.test(segment))) return undefined;
      return {
        type: 'json',
        sql: `(${column} ${path.map((segment) => `-> '${segment}'`).join(' ')})`,
        textSql: `(${column} #>> '{${path.join(',')}}')`,
      };
    },
  };
}
