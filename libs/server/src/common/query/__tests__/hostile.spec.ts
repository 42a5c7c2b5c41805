import { compileQuery, containsPattern, jsonbSchema, parseQuery, SqlParams, type QueryNode } from '..';
import { apiError, compile, companySchema, invoiceSchema } from './fixtures';

/** Quoted literals the compiler itself writes; anything else in quotes would be a leak. */
const TRUSTED_LITERALS =
  /'\\'|'\{[A-Za-z0-9_,]+\}'|'[A-Za-z0-9_]+'|'T00:00:00'|'\^\[0-9\]\{4\}-\[0-9\]\{2\}-\[0-9\]\{2\}'/g;

function expectOnlyPlaceholders(sql: string, value: string) {
  expect(sql.replace(TRUSTED_LITERALS, '')).not.toMatch(/['"]/);
  if (value.trim().length > 2) expect(sql).not.toContain(value.trim());
}

const hostileValues = [
  "'; DROP TABLE x; --",
  "x' OR '1'='1",
  "Robert'); DELETE FROM company; --",
  '$1',
  '$2::text',
  '\\',
  "\\'",
  'a\\%_b',
  "O'Brien",
  'name"with"quotes',
  '1; SELECT pg_sleep(10)',
  '/* comment */ 1',
  "E'\\x41'",
  "' | (SELECT current_user) & '",
  'Zoë Ünïcødé 😀 ß \u202e \u00a0 ok',
  'x'.repeat(2000),
];

describe('hostile input', () => {
  describe.each([
    ['column', companySchema, 'name'],
    ['jsonb', invoiceSchema, 'name'],
    ['jsonb nested', invoiceSchema, 'contact.address.line1'],
  ])('%s schema', (_, schema, property) => {
    it.each(hostileValues.map((v) => [v.slice(0, 40), v]))('binds %j as a parameter', (_label, value) => {
      for (const op of ['=', '!=', '~']) {
        const { sql, values } = compile(`${property}${op}${value}`, schema);
        expectOnlyPlaceholders(sql, value);
        expect(values).toEqual([op === '~' ? containsPattern(value.trim()) : value.trim()]);
      }
    });
  });

  it('binds quoted hostile values exactly', () => {
    const { sql, values } = compile('name="\'; DROP TABLE x; --" || name="\\"$1\\""');
    expect(sql).toBe('(c.name = $1 OR c.name = $2)');
    expect(values).toEqual(["'; DROP TABLE x; --", '"$1"']);
  });

  it('keeps many hostile comparisons out of the SQL', () => {
    const text = hostileValues
      .slice(0, 10)
      .map((v, i) => `a${i}${['~', '=', '!='][i % 3]}${v}`)
      .join(' || ');
    const { sql, values } = compile(text, invoiceSchema);
    hostileValues.slice(0, 10).forEach((v) => expectOnlyPlaceholders(sql, v));
    expect(values).toHaveLength(10);
    expect(values.filter((v) => typeof v === 'string' && v.includes('DROP TABLE x'))).toHaveLength(1);
  });

  it.each([["x'; DROP TABLE t; --"], ['a}'], ['a,b'], ["a'"], [''], ['a b'], ['é'], ['$1']])(
    'never resolves a hostile path segment %j',
    (segment) => {
      expect(jsonbSchema('Invoice', 'r.data').resolve(['ok', segment])).toBeUndefined();
      const node: QueryNode = { kind: 'comparison', path: [segment], op: '=', value: 'x', quoted: false };
      for (const schema of [companySchema, invoiceSchema]) {
        const error = apiError(() => compileQuery(node, schema, new SqlParams()));
        expect(error.statusCode).toBe(400);
        expect(error.message).toMatch(/^Error parsing query - Could not resolve property/);
      }
    },
  );

  it('does not resolve an empty path', () => {
    expect(jsonbSchema('Invoice', 'r.data').resolve([])).toBeUndefined();
  });

  it.each([
    ['name; DROP TABLE x=1'],
    ["name'=1"],
    ['name--=1'],
    ['na/**/me=1'],
    ['"name"=1'],
    ['name)=1'],
    ['(name=1)'],
    ['name=1 AND 1=1}'],
    ['$1=1'],
  ])('rejects SQL in property names: %j', (text) => {
    expect(apiError(() => parseQuery(text)).statusCode).toBe(400);
  });

  it('handles a 2049-character query and 10,000 braces with a 400', () => {
    expect(apiError(() => parseQuery('a'.repeat(2049))).statusCode).toBe(400);
    expect(apiError(() => parseQuery(`name=${'x'.repeat(2044)}`)).statusCode).toBe(400);
    expect(apiError(() => parseQuery('{'.repeat(10_000))).statusCode).toBe(400);
    expect(apiError(() => parseQuery('}'.repeat(100))).statusCode).toBe(400);
    expect(apiError(() => parseQuery('{a=1}}}}')).statusCode).toBe(400);
  });

  it('treats || and && inside an unquoted value as operators (quote the value instead)', () => {
    expect(apiError(() => parseQuery("name=' || (SELECT current_user) || '")).statusCode).toBe(400);
    expect(compile('name="\' || (SELECT current_user) || \'"').values).toEqual(["' || (SELECT current_user) || '"]);
  });

  it('rejects a NUL byte (PostgreSQL cannot bind it)', () => {
    expect(apiError(() => parseQuery('name=a\u0000')).message).toBe('Error parsing query - Malformed query.');
  });

  it('survives lone surrogates and odd whitespace', () => {
    const { sql, values } = compile('name=\ud800x\u2028', invoiceSchema);
    expect(sql).toBe(`(r.data #>> '{name}') = $1`);
    expect(values).toEqual(['\ud800x']);
  });
});
