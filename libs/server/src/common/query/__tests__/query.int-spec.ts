import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { columnSchema, compileQueryText, jsonbSchema, parseOrderBy, SqlParams, type QuerySchema } from '..';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rows: [number, string, number | null, string | null, boolean | null, unknown][] = [
  [
    1,
    'Acme Ltd.',
    150,
    '2021-01-28T00:00:00Z',
    true,
    {
      name: 'Acme Ltd.',
      status: 'paid',
      totalAmount: 150,
      customerRef: { id: '61' },
      dueDate: '2021-01-28T00:00:00',
      metadata: { isDeleted: false },
    },
  ],
  [
    2,
    "O'Brien & Sons",
    40,
    '2021-01-29T10:00:00Z',
    false,
    {
      name: "O'Brien & Sons",
      status: 'Open',
      totalAmount: 40,
      customerRef: { id: 61 },
      dueDate: '2021-01-29T10:00:00Z',
      metadata: { isDeleted: true },
    },
  ],
  [
    3,
    '50% Off_Shop\\',
    null,
    null,
    null,
    {
      name: '50% Off_Shop\\',
      status: null,
      totalAmount: 'lots',
      customerRef: { id: 'x' },
      dueDate: 'not a date',
      metadata: {},
    },
  ],
  [
    4,
    'Zoë 😀',
    100,
    '2022-06-01T12:00:00Z',
    true,
    {
      name: 123,
      totalAmount: true,
      dueDate: 20210130,
      customerRef: 'flat string',
      metadata: { isDeleted: 'true' },
    },
  ],
  [
    5,
    'Fifth',
    100.0,
    '2021-01-28T00:00:00Z',
    null,
    {
      totalAmount: 100.0,
      dueDate: '2021-01-28',
      items: [1, 2],
      metadata: null,
    },
  ],
  [6, 'Empty', null, null, null, {}],
];

const docs = jsonbSchema('Invoice', 't.data');
const cols = columnSchema('Company', {
  name: { type: 'string', sql: 't.name' },
  totalAmount: { type: 'number', sql: 't.total_amount' },
  created: { type: 'date', sql: 't.created' },
  isActive: { type: 'boolean', sql: 't.is_active' },
  'dataConnections.status': {
    type: 'string',
    sql: 'dc.status',
    wrap: (p) => `EXISTS (SELECT 1 FROM qtest_conn dc WHERE dc.company_id = t.id AND ${p})`,
  },
});

describe('query compiler against PostgreSQL', () => {
  const client = new Client({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TEMP TABLE qtest (
      id int PRIMARY KEY, name text, total_amount numeric, created timestamptz, is_active boolean, data jsonb NOT NULL)`);
    await client.query('CREATE TEMP TABLE qtest_conn (company_id int NOT NULL, status text NOT NULL)');
    for (const row of rows) {
      await client.query('INSERT INTO qtest VALUES ($1, $2, $3, $4, $5, $6)', [
        ...row.slice(0, 5),
        JSON.stringify(row[5]),
      ]);
    }
    await client.query(`INSERT INTO qtest_conn VALUES (1, 'Linked'), (1, 'PendingAuth'), (2, 'Deauthorized')`);
  });

  afterAll(async () => {
    await client.end();
  });

  async function ids(query: string, schema: QuerySchema, orderBy?: string): Promise<number[]> {
    const params = new SqlParams();
    const where = compileQueryText(query, schema, params) ?? 'TRUE';
    const order = parseOrderBy(orderBy, schema, 't.id').sql;
    const result = await client.query<{ id: number }>(
      `SELECT t.id FROM qtest t WHERE ${where} ${order}`,
      params.values,
    );
    return result.rows.map((row) => row.id);
  }

  it.each([
    ['totalAmount>100', [1]],
    ['totalAmount>=100', [1, 5]],
    ['totalAmount<100', [2]],
    ['totalAmount=100', [5]],
    ['totalAmount!=100', [1, 2, 3, 4, 6]],
    ['totalAmount=lots', [3]],
    ['customerRef.id=61', [1, 2]],
    ['customerRef.id!=61', [3, 4, 5, 6]],
    ['customerRef.id.deeper=1', []],
    ['metadata.isDeleted!=true', [1, 3, 5, 6]],
    ['metadata.isDeleted=true', [2, 4]],
    ['metadata.isDeleted=false', [1]],
    ["name~o'brien", [2]],
    ['name~50%', [3]],
    ['name~%', [3]],
    ['name~_', [3]],
    ['name~\\', [3]],
    ['name~12', [4]],
    ['name=Acme Ltd.', [1]],
    ['name=123', [4]],
    ['name="123"', [4]],
    ['status!=paid', [2, 3, 4, 5, 6]],
    ['{totalAmount > 100 || totalAmount < 50} && status != paid', [2]],
    ['dueDate>2021-01-28', [2]],
    ['dueDate>=2021-01-28', [1, 2, 5]],
    ['dueDate=2021-01-28', [1, 5]],
    ['dueDate<2021-01-29', [1, 5]],
    ['dueDate<=2021-01-29T11:00:00+01:00', [1, 2, 5]],
    ['dueDate!=2021-01-28', [2, 3, 4, 6]],
    ['items=1', []],
    ['items.x>1', []],
    ["name='; DROP TABLE qtest; --", []],
    ['name~$1', []],
  ])('jsonb: %s', async (query, expected) => {
    expect(await ids(query, docs)).toEqual(expected);
  });

  it.each([
    ['name=Acme Ltd.', [1]],
    ['name!=Acme Ltd.', [2, 3, 4, 5, 6]],
    ['name~ZOË', [4]],
    ['name~%', [3]],
    ['totalAmount>=100', [1, 4, 5]],
    ['totalAmount!=100', [1, 2, 3, 6]],
    ['created>2021-01-28', [2, 4]],
    ['created=2021-01-28', [1, 5]],
    ['created<2021-01-29T11:00:00+02:00', [1, 5]],
    ['isActive=true', [1, 4]],
    ['isActive!=true', [2, 3, 5, 6]],
    ['dataConnections.status=PendingAuth', [1]],
    ['dataConnections.status!=Linked', [1, 2]],
    ['dataConnections.status~auth', [1, 2]],
    ['isActive=true && {totalAmount<120 || name~acme}', [1, 4]],
  ])('columns: %s', async (query, expected) => {
    expect(await ids(query, cols)).toEqual(expected);
  });

  it('orders mixed-type JSONB values without errors, with the tiebreaker', async () => {
    // jsonb order: NULL first when descending, then boolean > numbers (numerically) > strings.
    expect(await ids('', docs, '-totalAmount')).toEqual([6, 4, 1, 5, 2, 3]);
    expect(await ids('', docs, 'dueDate')).toHaveLength(6);
    expect(await ids('totalAmount=100', docs, '-name')).toEqual([5]);
    expect(await ids('', cols, '-totalAmount,name')).toEqual([3, 6, 1, 5, 4, 2]);
  });

  it('binds hostile values safely', async () => {
    for (const value of ["'; DROP TABLE qtest; --", '$1', "\\'", 'x"y', 'Zoë 😀', 'a'.repeat(600)]) {
      expect(await ids(`name=${value} || name~${value} || customerRef.id!=${value}`, docs)).toEqual([1, 2, 3, 4, 5, 6]);
    }
    expect((await client.query('SELECT count(*)::int AS n FROM qtest')).rows[0]).toEqual({ n: 6 });
  });
});
