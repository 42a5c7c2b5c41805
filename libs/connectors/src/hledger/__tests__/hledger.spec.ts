import { describe, expect, it } from '@jest/globals';
import type { PushOption, PushOptionProperty } from '@ledgerlink/models';
import { ConnectorAuthError, ConnectorNotSupportedError, ConnectorValidationError } from '../../connector';
import { parseBaseUrl } from '../hledger.client';
import {
  addDecimal,
  decimalFromHledger,
  decimalFromNumber,
  decimalToNumber,
  formatDecimal,
  isZero,
  parseDecimalString,
} from '../hledger.decimal';
import { hledgerDefinition, journalFileName } from '../hledger.definition';
import {
  commodityToCurrency,
  journalEntryIds,
  mapAccounts,
  mapTransaction,
  mapTransactions,
  resolveTypes,
  typeFromName,
} from '../hledger.mapping';
import { journalEntryCreateOption } from '../hledger.options';
import type { HledgerAccount, HledgerAmount, HledgerPosting, HledgerTransaction } from '../hledger.types';
import {
  buildAddBody,
  checkBalanced,
  commodityStyles,
  compareWritten,
  findByOpKey,
  opTagValue,
  parsePostedOn,
  prepareJournalEntry,
} from '../hledger.write';

// ---- fixtures in hledger-web 1.25's JSON shapes ------------------------------------------------

function amount(value: string, commodity = 'EUR', decimalpoint: string | null = '.'): HledgerAmount {
  const d = parseDecimalString(value);
  if (!d) throw new Error(value);
  return {
    acommodity: commodity,
    aprice: null,
    aquantity: { decimalMantissa: Number(d.mantissa), decimalPlaces: d.places, floatingPoint: Number(value) },
    astyle: { ascommodityside: 'R', ascommodityspaced: true, asdecimalpoint: decimalpoint, asdigitgroups: null, asprecision: 2 },
  };
}

function posting(account: string, amounts: HledgerAmount[], extra: Partial<HledgerPosting> = {}): HledgerPosting {
  return { paccount: account, pamount: amounts, pcomment: '', pstatus: 'Unmarked', ptags: [], ptype: 'RegularPosting', ...extra };
}

function txn(tindex: number, tdate: string, tdescription: string, tpostings: HledgerPosting[], extra: Partial<HledgerTransaction> = {}): HledgerTransaction {
  return {
    tindex,
    tdate,
    tdate2: null,
    tstatus: 'Unmarked',
    tcode: '',
    tdescription,
    tcomment: '',
    ttags: [],
    tprecedingcomment: '',
    tsourcepos: [
      { sourceName: '/srv/books/company.journal', sourceLine: tindex * 4, sourceColumn: 1 },
      { sourceName: '/srv/books/company.journal', sourceLine: tindex * 4 + 3, sourceColumn: 1 },
    ],
    tpostings,
    ...extra,
  };
}

function account(aname: string, ibalance: HledgerAmount[], ebalance: HledgerAmount[] = []): HledgerAccount {
  return { aname, aebalance: ebalance, aibalance: ibalance };
}

const typed = (t: string) => ({ ptags: [['type', t]] as [string, string][] });

const KNOWN_TXNS: HledgerTransaction[] = [
  txn(1, '2026-11-01', 'Opening capital', [
    posting('assets:bank', [amount('1000.00')], typed('A')),
    posting('equity:capital', [amount('-1000.00')], typed('E')),
  ], { tcode: 'J-1', tstatus: 'Cleared' }),
  txn(2, '2026-11-01', 'Acme GmbH | Invoice INV-0001', [
    posting('assets:receivable:acme', [amount('1500.60')], typed('A')),
    posting('income:sales', [amount('-1250.50')], typed('R')),
    posting('liabilities:vat', [amount('-250.10')], { pcomment: 'taxcode: VAT20\n', ptags: [['taxcode', 'VAT20'], ['type', 'L']] }),
  ], { tcode: 'INV-0001' }),
];

// ---- decimals ----------------------------------------------------------------------------------

describe('hledger decimals', () => {
  it('reads numbers through their shortest representation', () => {
    expect(decimalFromNumber(0.1)).toEqual({ mantissa: 1n, places: 1 });
    expect(decimalFromNumber(1500.6)).toEqual({ mantissa: 15006n, places: 1 });
    expect(decimalFromNumber(-250.1)).toEqual({ mantissa: -2501n, places: 1 });
    expect(decimalFromNumber(1e-7)).toEqual({ mantissa: 1n, places: 7 });
    expect(decimalFromNumber(1.5e21)).toEqual({ mantissa: 1500000000000000000000n, places: 0 });
    expect(decimalFromNumber(-0)).toEqual({ mantissa: 0n, places: 0 });
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('adds exactly where floats do not', () => {
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
    const sum = [0.1, 0.2, -0.3].map(decimalFromNumber).reduce(addDecimal);
    expect(isZero(sum)).toBe(true);
  });

  it('converts hledger quantities without floatingPoint', () => {
    const d = decimalFromHledger({ decimalMantissa: 150060, decimalPlaces: 2 });
    expect(formatDecimal(d)).toBe('1500.6');
    expect(decimalToNumber(d)).toBe(1500.6);
    expect(formatDecimal(decimalFromHledger({ decimalMantissa: -5, decimalPlaces: 3 }))).toBe('-0.005');
    expect(decimalToNumber(decimalFromHledger({ decimalMantissa: -100000, decimalPlaces: 2 }))).toBe(-1000);
  });
});

// ---- balance check -----------------------------------------------------------------------------

describe('checkBalanced', () => {
  const line = (n: number, commodity = 'EUR') => ({ amount: decimalFromNumber(n), commodity });

  it('accepts debits equal to credits', () => {
    expect(checkBalanced([line(1500.6), line(-1250.5), line(-250.1)])).toEqual([]);
    expect(checkBalanced([line(0.1), line(0.2), line(-0.3)])).toEqual([]);
  });

  it('names journalLines and shows the difference when unbalanced', () => {
    const errors = checkBalanced([line(25), line(-24)]);
    expect(errors).toHaveLength(1);
    expect(errors[0].itemId).toBe('journalLines');
    expect(errors[0].message).toContain('debits 25 EUR, credits 24 EUR, difference 1 EUR');
  });

  it('catches a difference of one hundredth of a cent', () => {
    expect(checkBalanced([line(100), line(-99.9999)])).toHaveLength(1);
  });

  it('balances each commodity on its own', () => {
    const errors = checkBalanced([line(10, 'EUR'), line(-10, 'USD')]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('in EUR'), expect.stringContaining('in USD')]);
  });
});

// ---- validating an entry before it is written --------------------------------------------------

describe('prepareJournalEntry', () => {
  const facts = { accountNames: new Set(['assets:bank', 'expenses:office', 'equity:capital']), commodities: ['EUR'] };
  const entry = (lines: unknown[], extra: Record<string, unknown> = {}) => ({ postedOn: '2026-11-20T00:00:00', description: 'Chairs', journalLines: lines, ...extra });
  const ln = (netAmount: unknown, id: unknown, extra: Record<string, unknown> = {}) => ({ netAmount, accountRef: { id }, ...extra });

  function errorsOf(record: Record<string, unknown>, f = facts): { itemId?: string; message: string }[] {
    try {
      prepareJournalEntry(record, f);
    } catch (e) {
      expect(e).toBeInstanceOf(ConnectorValidationError);
      return (e as ConnectorValidationError).errors;
    }
    throw new Error('expected a validation error');
  }

  it('prepares a balanced entry with the journal commodity', () => {
    const prepared = prepareJournalEntry(entry([ln(25.5, 'expenses:office', { description: 'Two chairs' }), ln(-25.5, 'assets:bank')]), facts);
    expect(prepared).toEqual({
      date: '2026-11-20',
      description: 'Chairs',
      lines: [
        { account: 'expenses:office', amount: { mantissa: 255n, places: 1 }, commodity: 'EUR', description: 'Two chairs' },
        { account: 'assets:bank', amount: { mantissa: -255n, places: 1 }, commodity: 'EUR' },
      ],
    });
  });

  it('refuses an unbalanced entry, naming journalLines', () => {
    const errors = errorsOf(entry([ln(25, 'expenses:office'), ln(-24, 'assets:bank')]));
    expect(errors).toEqual([{ itemId: 'journalLines', message: expect.stringContaining('do not balance') }]);
  });

  it('refuses unknown accounts and bad fields, all at once', () => {
    const errors = errorsOf({
      postedOn: '2026-02-30',
      description: 'a; b',
      journalLines: [ln(1, 'expenses:nope'), ln('x', 'assets:bank'), ln(0.30000000000000004, 'assets:bank'), ln(1, undefined)],
    });
    expect(errors.map((e) => e.itemId)).toEqual([
      'postedOn',
      'description',
      'journalLines[0].accountRef.id',
      'journalLines[1].netAmount',
      'journalLines[2].netAmount',
      'journalLines[3].accountRef.id',
    ]);
  });

  it('refuses line breaks (they would inject journal text) and date tags', () => {
    expect(errorsOf(entry([ln(1, 'assets:bank'), ln(-1, 'equity:capital')], { description: 'x\n    assets:bank  5 EUR' })).map((e) => e.itemId)).toEqual(['description']);
    expect(errorsOf(entry([ln(1, 'assets:bank', { description: 'date: 2020-01-01' }), ln(-1, 'equity:capital')])).map((e) => e.itemId)).toEqual(['journalLines[0].description']);
  });

  it('needs two lines', () => {
    expect(errorsOf(entry([ln(0, 'assets:bank')])).map((e) => e.itemId)).toEqual(['journalLines']);
  });

  it('needs a currency when the journal has several, and maps ISO codes to journal symbols', () => {
    const multi = { accountNames: facts.accountNames, commodities: ['$', 'EUR'] };
    expect(errorsOf(entry([ln(1, 'assets:bank'), ln(-1, 'equity:capital')]), multi).map((e) => e.itemId)).toEqual(['journalLines[0].currency', 'journalLines[1].currency']);
    const prepared = prepareJournalEntry(entry([ln(1, 'assets:bank', { currency: 'USD' }), ln(-1, 'equity:capital', { currency: 'USD' })]), multi);
    expect(prepared.lines.map((l) => l.commodity)).toEqual(['$', '$']);
    expect(errorsOf(entry([ln(1, 'assets:bank', { currency: 'euro' }), ln(-1, 'equity:capital')]), multi)[0].itemId).toBe('journalLines[0].currency');
  });

  it('reads dates as written, without a time zone shift', () => {
    expect(parsePostedOn('2026-11-20')).toBe('2026-11-20');
    expect(parsePostedOn('2026-11-20T23:30:00-05:00')).toBe('2026-11-20');
    expect(parsePostedOn('2026-13-01')).toBeUndefined();
    expect(parsePostedOn(20261120)).toBeUndefined();
  });
});

// ---- the PUT /add body -------------------------------------------------------------------------

describe('buildAddBody', () => {
  const entry = {
    date: '2026-11-20',
    description: 'Chairs',
    lines: [
      { account: 'expenses:office', amount: decimalFromNumber(1234.5), commodity: 'EUR', description: 'Two' },
      { account: 'assets:bank', amount: decimalFromNumber(-1234.5), commodity: 'EUR' },
    ],
  };

  it('has every key hledger-web requires, the op tag and exact quantities', () => {
    const body = buildAddBody(entry, 'op-1', new Map());
    expect(body).toMatchObject({
      tdate: '2026-11-20',
      tstatus: 'Unmarked',
      tcode: '',
      tdescription: 'Chairs',
      tcomment: 'ledgerlink-op: op-1',
      ttags: [['ledgerlink-op', 'op-1']],
      tindex: 0,
      tprecedingcomment: '',
    });
    expect(body.tsourcepos).toHaveLength(2);
    expect(body.tpostings[0]).toMatchObject({
      paccount: 'expenses:office',
      pcomment: 'Two',
      pstatus: 'Unmarked',
      ptags: [],
      ptype: 'RegularPosting',
      pamount: [{ acommodity: 'EUR', aquantity: { decimalMantissa: 12345, decimalPlaces: 1 } }],
    });
    expect(body.tpostings[0].pamount[0].astyle).toEqual({
      ascommodityside: 'R',
      ascommodityspaced: true,
      asdecimalpoint: '.',
      asdigitgroups: null,
      asprecision: 1,
    });
  });

  it("writes in the journal's own decimal mark and precision", () => {
    const styles = commodityStyles([account('assets', [amount('1000.50', 'EUR', ',')])]);
    const body = buildAddBody(entry, 'op-1', styles);
    expect(body.tpostings[1].pamount[0].astyle).toMatchObject({ asdecimalpoint: ',', asprecision: 2, asdigitgroups: null });
  });

  it('tags odd keys by their hash and finds them again', () => {
    expect(opTagValue('2f1c7a4e-9f6e-4f0e-8a57-1c3f1c6d3b1a')).toBe('2f1c7a4e-9f6e-4f0e-8a57-1c3f1c6d3b1a');
    const odd = opTagValue('a, b: c\n');
    expect(odd).toMatch(/^sha256-[0-9a-f]{64}$/);
    const tagged = txn(3, '2026-11-20', 'x', [], { ttags: [['ledgerlink-op', odd]] });
    expect(findByOpKey([...KNOWN_TXNS, tagged], 'a, b: c\n')).toBe(2);
    expect(findByOpKey(KNOWN_TXNS, 'a, b: c\n')).toBe(-1);
  });

  it('compares what hledger stored with what was meant', () => {
    const stored = txn(3, '2026-11-20', 'Chairs', [posting('expenses:office', [amount('1234.50')]), posting('assets:bank', [amount('-1234.50')])]);
    expect(compareWritten(entry, stored)).toEqual([]);
    const rounded = txn(3, '2026-11-20', 'Chairs', [posting('expenses:office', [amount('1234')]), posting('assets:bank', [amount('-1234.50')])]);
    expect(compareWritten(entry, rounded)).toHaveLength(1);
  });
});

// ---- mapping -----------------------------------------------------------------------------------

describe('hledger account mapping', () => {
  const names = ['assets', 'assets:bank', 'assets:receivable', 'assets:receivable:acme', 'equity', 'equity:capital', 'income', 'income:sales', 'liabilities', 'liabilities:vat', 'revenue:misc', 'trips:wallet'];
  const accounts = [
    account('root', [amount('0')]),
    account('assets', [amount('2500.60')]),
    account('assets:bank', [amount('1000.00')], [amount('1000.00')]),
    account('assets:receivable', [amount('1500.60')]),
    account('assets:receivable:acme', [amount('1500.60')], [amount('1500.60')]),
    account('equity:capital', [amount('-1000.00')], [amount('-1000.00')]),
    account('income:sales', [amount('-1250.50')], [amount('-1250.50')]),
    account('liabilities:vat', [amount('-250.10')], [amount('-250.10')]),
    account('trips:wallet', [amount('5', '$'), amount('3', 'EUR')], [amount('5', '$'), amount('3', 'EUR')]),
  ];

  it('maps names, types, balances and currencies', () => {
    const mapped = mapAccounts(names, accounts, KNOWN_TXNS);
    const byId = new Map(mapped.map((a) => [a.id, a]));
    expect(mapped.map((a) => a.id)).toEqual(names); // root is left out
    expect(byId.get('assets:receivable:acme')).toEqual({
      id: 'assets:receivable:acme',
      name: 'acme',
      fullyQualifiedName: 'assets:receivable:acme',
      type: 'Asset',
      status: 'Active',
      isBankAccount: false,
      currentBalance: 1500.6,
      currency: 'EUR',
    });
    expect(byId.get('assets:bank')).toMatchObject({ type: 'Asset', isBankAccount: true, currentBalance: 1000 });
    expect(byId.get('assets')).toMatchObject({ name: 'assets', type: 'Asset', currentBalance: 2500.6 });
    expect(byId.get('income:sales')).toMatchObject({ type: 'Income', currentBalance: -1250.5 });
    expect(byId.get('liabilities:vat')).toMatchObject({ type: 'Liability', currentBalance: -250.1 });
    expect(byId.get('equity:capital')).toMatchObject({ type: 'Equity', currentBalance: -1000 });
    // Declared but without postings: in /accountnames only, zero balance, type from the name.
    expect(byId.get('revenue:misc')).toMatchObject({ type: 'Income', currentBalance: 0 });
    expect(byId.get('revenue:misc')).not.toHaveProperty('currency');
    // Two commodities: no single balance to report.
    expect(byId.get('trips:wallet')).toMatchObject({ type: 'Unknown' });
    expect(byId.get('trips:wallet')).not.toHaveProperty('currentBalance');
    for (const a of mapped) expect(a).not.toHaveProperty('nominalCode');
  });

  it('prefers declared types over names, inherits them, and infers parents from children', () => {
    const declared = new Map([
      ['business:income', 'R' as const],
      ['business:costs', 'X' as const],
      ['stuff', 'L' as const],
    ]);
    const types = resolveTypes(['business:income:web', 'business', 'stuff:assets', 'assets:cash', 'misc'], declared);
    expect(Object.fromEntries(types)).toEqual({
      'business:income:web': 'R', // from its declared parent
      business: undefined, // children disagree; no name rule
      'stuff:assets': 'L', // declared ancestor beats the name
      'assets:cash': 'C',
      misc: undefined,
    });
    expect(typeFromName('Expenses:Food')).toBe('X');
    expect(typeFromName('debts:card')).toBe('L');
    expect(typeFromName('revenues')).toBe('R');
    expect(commodityToCurrency('€')).toBe('EUR');
    expect(commodityToCurrency('AAPL')).toBeUndefined();
  });
});

describe('hledger journal entry mapping', () => {
  it('maps date, description and signed lines', () => {
    const [, inv] = mapTransactions(KNOWN_TXNS);
    expect(inv).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      postedOn: '2026-11-01T00:00:00',
      description: 'Acme GmbH | Invoice INV-0001',
      journalLines: [
        { netAmount: 1500.6, currency: 'EUR', accountRef: { id: 'assets:receivable:acme', name: 'acme' } },
        { netAmount: -1250.5, currency: 'EUR', accountRef: { id: 'income:sales', name: 'sales' } },
        { netAmount: -250.1, currency: 'EUR', description: 'taxcode: VAT20', accountRef: { id: 'liabilities:vat', name: 'vat' } },
      ],
    });
  });

  it('leaves out unbalanced virtual postings and splits multi-commodity postings', () => {
    const t = txn(1, '2026-01-01', '', [
      posting('assets:cash', [amount('10', '$')]),
      posting('(budget)', [amount('3')], { ptype: 'VirtualPosting' }),
      posting('equity', [amount('-10', '$'), amount('-0.5')]),
      posting('foo', [amount('0.5')]),
    ]);
    const mapped = mapTransaction(t, 'x');
    expect(mapped).not.toHaveProperty('description');
    expect(mapped.journalLines?.map((l) => [l.accountRef?.id, l.netAmount, l.currency])).toEqual([
      ['assets:cash', 10, 'USD'],
      ['equity', -10, 'USD'],
      ['equity', -0.5, 'EUR'],
      ['foo', 0.5, 'EUR'],
    ]);
  });

  it('keeps ids when a transaction is inserted above, the file is re-sorted or a status changes', () => {
    const before = journalEntryIds(KNOWN_TXNS);
    const early = txn(0, '2026-10-01', 'Earlier', [posting('assets:bank', [amount('1')]), posting('equity:capital', [amount('-1')])]);
    const reindexed = KNOWN_TXNS.map((t) => ({ ...t, tindex: t.tindex + 1 }));
    expect(journalEntryIds([early, ...reindexed]).slice(1)).toEqual(before);
    expect(journalEntryIds([...KNOWN_TXNS].reverse())).toEqual([...before].reverse());
    const cleared = KNOWN_TXNS.map((t) => ({ ...t, tstatus: 'Cleared' as const, tcomment: 'reviewed: yes\n' }));
    expect(journalEntryIds(cleared)).toEqual(before);
  });

  it('tells identical transactions apart', () => {
    const same = [KNOWN_TXNS[0], { ...KNOWN_TXNS[0], tindex: 5 }];
    const ids = journalEntryIds(same);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe(journalEntryIds(KNOWN_TXNS)[0]);
  });
});

// ---- options and definition --------------------------------------------------------------------

function everyProperty(p: PushOption | PushOptionProperty, path: string, out: [string, PushOptionProperty][] = []) {
  for (const [k, v] of Object.entries(p.properties ?? {})) {
    out.push([`${path}.${k}`, v]);
    everyProperty(v, `${path}.${k}`, out);
  }
  return out;
}

describe('hledger push options', () => {
  it('describes every property and offers the account names', () => {
    const option = journalEntryCreateOption(['assets:bank', 'expenses:office'], ['EUR']);
    const props = everyProperty(option, '');
    expect(props.map(([k]) => k)).toEqual([
      '.postedOn',
      '.description',
      '.journalLines',
      '.journalLines.netAmount',
      '.journalLines.accountRef',
      '.journalLines.accountRef.id',
      '.journalLines.description',
      '.journalLines.currency',
    ]);
    for (const [k, v] of props) expect([k, typeof v.description, v.description.length > 0]).toEqual([k, 'string', true]);
    const types = Object.fromEntries(props.map(([k, v]) => [k, v.type]));
    expect(types).toMatchObject({ '.postedOn': 'DateTime', '.description': 'String', '.journalLines': 'Array', '.journalLines.netAmount': 'Number', '.journalLines.accountRef.id': 'String' });
    expect(option.properties?.['journalLines'].properties?.['accountRef'].properties?.['id'].options?.map((o) => o.value)).toEqual(['assets:bank', 'expenses:office']);
    expect(option.properties?.['postedOn'].required).toBe(true);
    expect(option.properties?.['journalLines'].properties?.['currency'].required).toBe(false);
  });
});

describe('hledgerDefinition', () => {
  it('declares what it does', () => {
    const m = hledgerDefinition.metadata;
    expect(m).toMatchObject({ key: 'hldg', name: 'hledger', sourceType: 'Accounting', isOfflineConnector: false });
    expect(m.credentialFields).toEqual([expect.objectContaining({ name: 'baseUrl', type: 'url', required: true })]);
    expect(m.features).toEqual({
      chartOfAccounts: { Get: 'Release', Post: 'NotSupported', Put: 'NotSupported', Delete: 'NotSupported' },
      journalEntries: { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' },
    });
    expect(m.logoSvg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('refuses other data types and operations without calling hledger', async () => {
    const c = hledgerDefinition.create({ credentials: { baseUrl: 'http://127.0.0.1:9' }, connectionId: 'c1' });
    await expect(c.write({ key: 'k', type: 'Update', dataType: 'journalEntries', recordId: 'x', record: {} })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.write({ key: 'k', type: 'Delete', dataType: 'journalEntries', recordId: 'x' })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.write({ key: 'k', type: 'Create', dataType: 'invoices', record: {} })).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.options('chartOfAccounts', 'Create')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.options('journalEntries', 'Update')).rejects.toBeInstanceOf(ConnectorNotSupportedError);
    await expect(c.read('invoices')[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ConnectorNotSupportedError);
  });

  it('checks the baseUrl credential', async () => {
    expect(() => parseBaseUrl('')).toThrow(ConnectorAuthError);
    expect(() => parseBaseUrl('ftp://x')).toThrow(ConnectorAuthError);
    expect(parseBaseUrl('http://127.0.0.1:5000').base.href).toBe('http://127.0.0.1:5000/');
    expect(parseBaseUrl('https://books.example/hledger?x=1').base.href).toBe('https://books.example/hledger/');
    const withUser = parseBaseUrl('https://me:s%40cret@books.example/');
    expect(withUser.base.href).toBe('https://books.example/');
    expect(withUser.authorization).toBe(`Basic ${Buffer.from('me:s@cret').toString('base64')}`);
    const c = hledgerDefinition.create({ credentials: { baseUrl: 'not a url' }, connectionId: 'c1' });
    await expect(c.authorize()).rejects.toMatchObject({ name: 'ConnectorAuthError', field: 'baseUrl' });
  });

  it('names the company after the journal file', () => {
    expect(journalFileName(KNOWN_TXNS)).toBe('company.journal');
    expect(journalFileName([])).toBeUndefined();
  });
});
