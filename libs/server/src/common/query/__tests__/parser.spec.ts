import { parseQuery, type QueryNode } from '..';
import { apiError } from './fixtures';

const cmp = (property: string, op: string, value: string, quoted = false): QueryNode =>
  ({ kind: 'comparison', path: property.split('.'), op, value, quoted }) as QueryNode;

describe('parseQuery', () => {
  it.each([
    ['name=Acme', cmp('name', '=', 'Acme')],
    ['name!=Acme', cmp('name', '!=', 'Acme')],
    ['name~cm', cmp('name', '~', 'cm')],
    ['totalAmount>100', cmp('totalAmount', '>', '100')],
    ['totalAmount<100', cmp('totalAmount', '<', '100')],
    ['totalAmount>=100', cmp('totalAmount', '>=', '100')],
    ['totalAmount<=100', cmp('totalAmount', '<=', '100')],
    ['customerRef.id=61', cmp('customerRef.id', '=', '61')],
    ['metadata.isDeleted!=true', cmp('metadata.isDeleted', '!=', 'true')],
    ['  name  =  Acme Ltd.  ', cmp('name', '=', 'Acme Ltd.')],
    ["name~O'Brien", cmp('name', '~', "O'Brien")],
    ['name=a=b', cmp('name', '=', 'a=b')],
    ['name=a & b | c', cmp('name', '=', 'a & b | c')],
    ['name=x{y', cmp('name', '=', 'x{y')],
    ['dueDate>2021-01-28', cmp('dueDate', '>', '2021-01-28')],
    ['_a1.B_2=1', cmp('_a1.B_2', '=', '1')],
  ])('parses %j', (text, expected) => {
    expect(parseQuery(text)).toEqual(expected);
  });

  it('parses quoted values with escapes and keeps inner whitespace', () => {
    expect(parseQuery('name=" a && b || } "')).toEqual(cmp('name', '=', ' a && b || } ', true));
    expect(parseQuery('name="say \\"hi\\" \\\\ ok"')).toEqual(cmp('name', '=', 'say "hi" \\ ok', true));
    expect(parseQuery('name=""')).toEqual(cmp('name', '=', '', true));
    expect(parseQuery('name = "x"  && a=1')).toEqual({
      kind: 'and',
      children: [cmp('name', '=', 'x', true), cmp('a', '=', '1')],
    });
  });

  it('gives && precedence over ||', () => {
    expect(parseQuery('a=1 || b=2 && c=3')).toEqual({
      kind: 'or',
      children: [cmp('a', '=', '1'), { kind: 'and', children: [cmp('b', '=', '2'), cmp('c', '=', '3')] }],
    });
    expect(parseQuery('a=1 && b=2 || c=3')).toEqual({
      kind: 'or',
      children: [{ kind: 'and', children: [cmp('a', '=', '1'), cmp('b', '=', '2')] }, cmp('c', '=', '3')],
    });
  });

  it('groups with braces', () => {
    expect(parseQuery('{totalAmount > 100 || totalAmount < 50} && status != paid')).toEqual({
      kind: 'and',
      children: [
        { kind: 'or', children: [cmp('totalAmount', '>', '100'), cmp('totalAmount', '<', '50')] },
        cmp('status', '!=', 'paid'),
      ],
    });
  });

  it('flattens chains and redundant groups', () => {
    expect(parseQuery('a=1 && {b=2 && c=3} && {{d=4}}')).toEqual({
      kind: 'and',
      children: [cmp('a', '=', '1'), cmp('b', '=', '2'), cmp('c', '=', '3'), cmp('d', '=', '4')],
    });
  });

  it('accepts nesting up to the depth limit and exactly 2048 characters', () => {
    expect(parseQuery(`${'{'.repeat(32)}a=1${'}'.repeat(32)}`)).toEqual(cmp('a', '=', '1'));
    const text = `name=${'x'.repeat(2043)}`;
    expect(text).toHaveLength(2048);
    expect(parseQuery(text)).toEqual(cmp('name', '=', 'x'.repeat(2043)));
  });

  it.each([
    [''],
    ['   '],
    ['name'],
    ['name='],
    ['name=   '],
    ['=x'],
    ['name x'],
    ['a=1 &&'],
    ['a=1 ||'],
    ['&& a=1'],
    ['a=1 && && b=2'],
    ['&&&&'],
    ['||||'],
    ['a=1 &&& b=2'],
    ['{a=1'],
    ['a=1}'],
    ['{{a=1}'],
    ['{}'],
    ['{a=1}}'],
    ['}{'],
    ['a.=1'],
    ['.a=1'],
    ['a..b=1'],
    ['1a=1'],
    ['na-me=1'],
    ['name;DROP TABLE x=1'],
    ["name' OR '1'='1"],
    ['name="unterminated'],
    ['name="x" y'],
    ['a=1 b=2}'],
    ['name=a\u0000b'],
  ])('rejects malformed %j', (text) => {
    const error = apiError(() => parseQuery(text));
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('Error parsing query - Malformed query.');
  });

  it('rejects queries longer than 2048 characters', () => {
    const error = apiError(() => parseQuery(`name=${'x'.repeat(2044)}`));
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/^Error parsing query - .*2048/);
  });

  it('rejects deep nesting with a 400 instead of overflowing the stack', () => {
    for (const text of [`${'{'.repeat(33)}a=1${'}'.repeat(33)}`, '{'.repeat(10_000), '{'.repeat(2048)]) {
      const error = apiError(() => parseQuery(text, { maxLength: 1_000_000, maxDepth: 32, maxComparisons: 100 }));
      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/^Error parsing query - .*nested too deeply/);
    }
  });

  it('rejects 10,000 braces under the default limits (length first)', () => {
    expect(apiError(() => parseQuery('{'.repeat(10_000))).statusCode).toBe(400);
  });

  it('limits the number of comparisons', () => {
    expect(() => parseQuery(Array.from({ length: 100 }, (_, i) => `a=${i}`).join('&&'))).not.toThrow();
    const error = apiError(() => parseQuery(Array.from({ length: 101 }, (_, i) => `a=${i}`).join('&&')));
    expect(error.message).toMatch(/^Error parsing query - .*too many conditions/);
  });
});
