import type { ComparisonNode, ComparisonOp, QueryNode } from './ast';
import { queryError, unresolvedProperty } from './errors';
import { containsPattern, parseBoolean, parseDate, parseNumber } from './literals';
import type { SqlParams } from './params';
import { parseQuery } from './parser';
import type { ColumnField, JsonField, QuerySchema } from './schema';

/** Date ranges only match stored values that look like ISO dates (a regex match cannot raise). */
const ISO_DATE_PREFIX = '^[0-9]{4}-[0-9]{2}-[0-9]{2}';
const RANGE_OPS: readonly ComparisonOp[] = ['>', '<', '>=', '<='];

/**
 * Compiles an AST into a boolean SQL expression. Values only ever enter the SQL as `$n` placeholders
 * (collected in `params`); property names only through `schema.resolve`.
 */
export function compileQuery(node: QueryNode, schema: QuerySchema, params: SqlParams): string {
  if (node.kind !== 'comparison') {
    const joiner = node.kind === 'and' ? ' AND ' : ' OR ';
    return `(${node.children.map((child) => compileQuery(child, schema, params)).join(joiner)})`;
  }
  const property = node.path.join('.');
  const field = schema.resolve(node.path);
  if (!field) throw unresolvedProperty(property, schema.entityName);
  const context = new Context(node, params, `${property} on ${schema.entityName}`);
  const predicate = field.type === 'json' ? compileJson(field, context) : compileColumn(field, context);
  return field.wrap ? field.wrap(predicate) : predicate;
}

/** Parses and compiles an optional `query=` string; `undefined` when it is absent or blank. */
export function compileQueryText(text: string | undefined, schema: QuerySchema, params: SqlParams): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : compileQuery(parseQuery(text), schema, params);
}

class Context {
  readonly op: ComparisonOp;
  readonly value: string;
  constructor(
    readonly node: ComparisonNode,
    readonly params: SqlParams,
    private readonly described: string,
  ) {
    this.op = node.op;
    this.value = node.value;
  }

  isRange(): boolean {
    return RANGE_OPS.includes(this.op);
  }

  /** Rejects the operator unless it is allowed for this kind of value. */
  allow(ops: readonly ComparisonOp[], kind: string): void {
    if (!ops.includes(this.op)) {
      throw queryError(`Operator ${this.op} is not supported for ${kind} values (property ${this.described}).`);
    }
  }

  invalid(kind: string): Error {
    return queryError(`Value '${this.value}' is not a valid ${kind} for property ${this.described}.`);
  }

  /** `lhs op rhs`, where `!=` also matches SQL NULL (a missing property). */
  compare(lhs: string, rhs: string): string {
    return this.op === '!=' ? `${lhs} IS DISTINCT FROM ${rhs}` : `${lhs} ${this.op} ${rhs}`;
  }

  contains(textSql: string): string {
    return `${textSql} ILIKE ${this.params.add(containsPattern(this.value))} ESCAPE '\\'`;
  }
}

function compileColumn(field: ColumnField, ctx: Context): string {
  switch (field.type) {
    case 'string':
      if (ctx.op === '~') return ctx.contains(field.sql);
      ctx.allow(['=', '!='], 'string');
      return ctx.compare(field.sql, ctx.params.add(ctx.value));
    case 'number': {
      ctx.allow(['=', '!=', ...RANGE_OPS], 'number');
      const number = parseNumber(ctx.value);
      if (number === undefined) throw ctx.invalid('number');
      return ctx.compare(field.sql, `${ctx.params.add(number)}::numeric`);
    }
    case 'date': {
      ctx.allow(['=', '!=', ...RANGE_OPS], 'date');
      const date = parseDate(ctx.value);
      if (!date) throw ctx.invalid('date');
      return ctx.compare(field.sql, `${ctx.params.add(date.timestamp)}::timestamptz`);
    }
    case 'boolean': {
      ctx.allow(['=', '!='], 'boolean');
      const bool = parseBoolean(ctx.value);
      if (bool === undefined) throw ctx.invalid('boolean');
      return ctx.compare(field.sql, `${ctx.params.add(bool)}::boolean`);
    }
  }
}

/**
 * JSONB properties: the type comes from the literal (quoted → string). Only jsonb comparisons,
 * `to_jsonb($n::type)` and text operations are emitted, so odd stored data can never raise a cast error.
 */
function compileJson(field: JsonField, ctx: Context): string {
  if (ctx.op === '~') return ctx.contains(field.textSql);
  if (!ctx.node.quoted) {
    const number = parseNumber(ctx.value);
    if (number !== undefined) return compileJsonScalar(field, ctx, `to_jsonb(${ctx.params.add(number)}::numeric)`);
    const bool = parseBoolean(ctx.value);
    if (bool !== undefined) {
      ctx.allow(['=', '!='], 'boolean');
      return compileJsonScalar(field, ctx, `to_jsonb(${ctx.params.add(bool)}::boolean)`);
    }
    const date = parseDate(ctx.value);
    if (date) {
      // Stored ISO strings are compared on `YYYY-MM-DDTHH:MM:SS` (date-only values padded to midnight).
      const predicate = ctx.compare(`rpad(${field.textSql}, 19, 'T00:00:00')`, ctx.params.add(date.key));
      return ctx.isRange() ? `(${field.textSql} ~ '${ISO_DATE_PREFIX}' AND ${predicate})` : predicate;
    }
  }
  ctx.allow(['=', '!='], 'string');
  return ctx.compare(field.textSql, ctx.params.add(ctx.value));
}

/**
 * A number or boolean literal. `=`/`!=` also accept the literal as a JSON string (`customerRef.id=61` matches
 * `"61"`); ranges only match JSON numbers (jsonb orders numbers numerically, but booleans sort above them).
 */
function compileJsonScalar(field: JsonField, ctx: Context, typed: string): string {
  if (ctx.isRange()) return `(jsonb_typeof(${field.sql}) = 'number' AND ${field.sql} ${ctx.op} ${typed})`;
  const candidates = `${typed}, to_jsonb(${ctx.params.add(ctx.value)}::text)`;
  return ctx.op === '='
    ? `${field.sql} IN (${candidates})`
    : `(${field.sql} IS NULL OR ${field.sql} NOT IN (${candidates}))`;
}
