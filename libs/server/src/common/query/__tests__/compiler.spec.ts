import { compileQuery, compileQueryText, parseQuery, SqlParams } from '..';
import { apiError, compile, companySchema, invoiceSchema } from './fixtures';

describe('compileQuery with a column schema', () => {
  it.each([
    ['name=Acme Ltd.', 'c.name = $1', ['Acme Ltd.']],
    ['name!=Acme', 'c.name IS DISTINCT FROM $1', ['Acme']],
    ['name~50%_off\\', "c.name ILIKE $1 ESCAPE '\\'", ['%50\\%\\_off\\\\%']],
    ['totalAmount>100', 'c.total_amount > $1::numeric', ['100']],
    ['totalAmount<=-1.5', 'c.total_amount <= $1::numeric', ['-1.5']],
    ['totalAmount!=0', 'c.total_amount IS DISTINCT FROM $1::numeric', ['0']],
    ['created>=2021-01-28', 'c.created >= $1::timestamptz', ['2021-01-28T00:00:00Z']],
    ['created<2021-01-28T10:00:00+02:00', 'c.created < $1::timestamptz', ['2021-01-28T10:00:00+02:00']],
    ['isActive=TRUE', 'c.is_active = $1::boolean', [true]],
    ['isActive!=false', 'c.is_active IS DISTINCT FROM $1::boolean', [false]],
    [
      'dataConnections.status=PendingAuth',
      'EXISTS (SELECT 1 FROM connection dc WHERE dc.company_id = c.id AND dc.status = $1)',
      ['PendingAuth'],
    ],
  ])('%s', (text, sql, values) => {
    expect(compile(text)).toEqual({ sql, values });
  });

  it('compiles boolean structure with explicit parentheses', () => {
    expect(compile('{totalAmount > 100 || totalAmount < 50} && name != paid')).toEqual({
      sql: '((c.total_amount > $1::numeric OR c.total_amount < $2::numeric) AND c.name IS DISTINCT FROM $3)',
      values: ['100', '50', 'paid'],
    });
  });

  it('numbers placeholders from startIndex', () => {
    const params = new SqlParams(4);
    expect(compile('name=a || name=b', companySchema, params).sql).toBe('(c.name = $4 OR c.name = $5)');
    expect(params.values).toEqual(['a', 'b']);
  });

  it.each([
    ['nope=1', 'Error parsing query - Could not resolve property nope on Company'],
    ['name.first=1', 'Error parsing query - Could not resolve property name.first on Company'],
    ['dataConnections=1', 'Error parsing query - Could not resolve property dataConnections on Company'],
    ['constructor=1', 'Error parsing query - Could not resolve property constructor on Company'],
    ['__proto__=1', 'Error parsing query - Could not resolve property __proto__ on Company'],
    ['toString=1', 'Error parsing query - Could not resolve property toString on Company'],
  ])('rejects unknown property %s', (text, message) => {
    const error = apiError(() => compile(text));
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(message);
  });

  it.each([
    ['totalAmount~1', /Operator ~ is not supported for number values \(property totalAmount on Company\)/],
    ['totalAmount=abc', /Value 'abc' is not a valid number for property totalAmount on Company/],
    ['totalAmount=1e5', /not a valid number/],
    ['totalAmount=NaN', /not a valid number/],
    ['totalAmount=Infinity', /not a valid number/],
    ['totalAmount=0x10', /not a valid number/],
    ['name>a', /Operator > is not supported for string values/],
    ['created=yesterday', /not a valid date/],
    ['created=2021-02-30', /not a valid date/],
    ['created=2021-13-01', /not a valid date/],
    ['created=0000-01-01', /not a valid date/],
    ['created=2021-01-01T24:00:00', /not a valid date/],
    ['created~2021', /Operator ~ is not supported for date values/],
    ['isActive=yes', /not a valid boolean/],
    ['isActive>true', /Operator > is not supported for boolean values/],
  ])('rejects type mismatch %s', (text, message) => {
    const error = apiError(() => compile(text));
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/^Error parsing query - /);
    expect(error.message).toMatch(message);
  });
});

describe('compileQuery with a JSONB schema', () => {
  const json = (path: string) =>
    `(r.data ${path
      .split('.')
      .map((p) => `-> '${p}'`)
      .join(' ')})`;
  const text = (path: string) => `(r.data #>> '{${path.split('.').join(',')}}')`;

  it('compares strings as text', () => {
    expect(compile('status=paid', invoiceSchema)).toEqual({ sql: `${text('status')} = $1`, values: ['paid'] });
    expect(compile('status != Paid Off', invoiceSchema)).toEqual({
      sql: `${text('status')} IS DISTINCT FROM $1`,
      values: ['Paid Off'],
    });
  });

  it('matches numbers as JSON numbers or as the same string', () => {
    expect(compile('customerRef.id=61', invoiceSchema)).toEqual({
      sql: `${json('customerRef.id')} IN (to_jsonb($1::numeric), to_jsonb($2::text))`,
      values: ['61', '61'],
    });
    expect(compile('totalAmount!=10.50', invoiceSchema)).toEqual({
      sql: `(${json('totalAmount')} IS NULL OR ${json('totalAmount')} NOT IN (to_jsonb($1::numeric), to_jsonb($2::text)))`,
      values: ['10.50', '10.50'],
    });
  });

  it('only lets number ranges match JSON numbers', () => {
    expect(compile('totalAmount>100', invoiceSchema)).toEqual({
      sql: `(jsonb_typeof(${json('totalAmount')}) = 'number' AND ${json('totalAmount')} > to_jsonb($1::numeric))`,
      values: ['100'],
    });
  });

  it('compares booleans with null-safe !=', () => {
    expect(compile('metadata.isVoid!=true', invoiceSchema)).toEqual({
      sql: `(${json('metadata.isVoid')} IS NULL OR ${json('metadata.isVoid')} NOT IN (to_jsonb($1::boolean), to_jsonb($2::text)))`,
      values: [true, 'true'],
    });
  });

  it('compares ISO dates on a padded text prefix', () => {
    const padded = `rpad(${text('dueDate')}, 19, 'T00:00:00')`;
    expect(compile('dueDate>2021-01-28', invoiceSchema)).toEqual({
      sql: `(${text('dueDate')} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' AND ${padded} > $1)`,
      values: ['2021-01-28T00:00:00'],
    });
    expect(compile('dueDate=2021-01-28T23:30:00-01:00', invoiceSchema)).toEqual({
      sql: `${padded} = $1`,
      values: ['2021-01-29T00:30:00'],
    });
    expect(compile('dueDate!=2021-01-28', invoiceSchema).sql).toBe(`${padded} IS DISTINCT FROM $1`);
  });

  it('treats quoted values as strings', () => {
    expect(compile('reference="61"', invoiceSchema)).toEqual({ sql: `${text('reference')} = $1`, values: ['61'] });
    expect(compile('reference="true"', invoiceSchema).values).toEqual(['true']);
    expect(apiError(() => compile('reference>"61"', invoiceSchema)).message).toMatch(/not supported for string/);
  });

  it('uses contains on text for any literal', () => {
    expect(compile('name~ACME 100%', invoiceSchema)).toEqual({
      sql: `${text('name')} ILIKE $1 ESCAPE '\\'`,
      values: ['%ACME 100\\%%'],
    });
  });

  it('uses column overrides', () => {
    expect(compile('modifiedDate>2024-01-01 && metadata.isDeleted!=true', invoiceSchema)).toEqual({
      sql: '(r.modified_date > $1::timestamptz AND r.is_deleted IS DISTINCT FROM $2::boolean)',
      values: ['2024-01-01T00:00:00Z', true],
    });
    expect(apiError(() => compile('modifiedDate=soon', invoiceSchema)).message).toMatch(/not a valid date/);
  });

  it('rejects ranges on strings and booleans', () => {
    expect(apiError(() => compile('status>paid', invoiceSchema)).statusCode).toBe(400);
    expect(apiError(() => compile('flag<=false', invoiceSchema)).message).toMatch(/not supported for boolean/);
  });
});

describe('compileQueryText', () => {
  it('returns undefined for an absent or blank query', () => {
    expect(compileQueryText(undefined, companySchema, new SqlParams())).toBeUndefined();
    expect(compileQueryText('  ', companySchema, new SqlParams())).toBeUndefined();
  });

  it('parses and compiles', () => {
    const params = new SqlParams();
    expect(compileQueryText('name=x', companySchema, params)).toBe('c.name = $1');
    expect(params.values).toEqual(['x']);
  });

  it('compiles a parsed AST reused with fresh params', () => {
    const ast = parseQuery('name=x');
    expect(compileQuery(ast, companySchema, new SqlParams(2))).toBe('c.name = $2');
  });
});
