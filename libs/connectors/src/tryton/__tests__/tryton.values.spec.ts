import { describe, expect, it } from '@jest/globals';
import { ConnectorAuthError, ConnectorValidationError } from '../../connector';
import { marker } from '../tryton.idempotency';
import { fromDomain, modifiedDomain } from '../tryton.read';
import { parseServerUrl, TrytonFault } from '../tryton.rpc';
import { asValidationError, day, decimalText, Issues, trytonId } from '../tryton.validate';
import { date, datetime, decimal, modifiedAt, toIsoDate, toIsoDateTime, toNumber } from '../tryton.values';

describe('Tryton typed values', () => {
  it('decodes Decimal, date and datetime', () => {
    expect(toNumber({ __class__: 'Decimal', decimal: '1500.60' })).toBe(1500.6);
    expect(Object.is(toNumber({ __class__: 'Decimal', decimal: '-0.00' }), 0)).toBe(true);
    expect(toNumber(null)).toBeUndefined();
    expect(toIsoDate({ __class__: 'date', year: 2026, month: 11, day: 1 })).toBe('2026-11-01T00:00:00');
    const dt = { __class__: 'datetime', year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 678901 };
    expect(toIsoDateTime(dt)).toBe('2026-01-02T03:04:05.678Z');
    expect(modifiedAt({ write_date: null, create_date: dt })).toBe('2026-01-02T03:04:05.678Z');
  });

  it('encodes values for Tryton', () => {
    expect(decimal('12.50')).toEqual({ __class__: 'Decimal', decimal: '12.50' });
    expect(date('2026-11-20T00:00:00')).toEqual({ __class__: 'date', year: 2026, month: 11, day: 20 });
    expect(datetime(new Date('2026-11-20T10:11:12.345Z'))).toEqual({
      __class__: 'datetime', year: 2026, month: 11, day: 20, hour: 10, minute: 11, second: 12, microsecond: 345000,
    });
    expect(decimalText(0.1 + 0.2)).toBe('0.3');
    expect(decimalText(800.6, 2)).toBe('800.6');
  });

  it('builds modifiedSince and from domains', () => {
    expect(modifiedDomain()).toEqual([]);
    const [clause] = modifiedDomain(new Date('2026-01-01T00:00:00Z')) as unknown[][];
    expect(clause[0]).toBe('OR');
    expect(clause[1]).toEqual(['write_date', '>', expect.objectContaining({ __class__: 'datetime', year: 2026 })]);
    expect(fromDomain('date', new Date('2026-11-05T00:00:00Z'))).toEqual([['date', '>=', { __class__: 'date', year: 2026, month: 11, day: 5 }]]);
    expect(fromDomain('invoice_date', new Date('2026-11-05T00:00:00Z'), true)[0]).toEqual(expect.arrayContaining(['OR', ['invoice_date', '=', null]]));
  });
});

describe('RPC helpers', () => {
  it('parses Tryton faults', () => {
    const user = TrytonFault.from(['UserError', ['You cannot modify invoice "INV-1".', '', null]]);
    expect(user).toMatchObject({ kind: 'UserError', message: 'You cannot modify invoice "INV-1".' });
    const warning = TrytonFault.from(['UserWarning', ['invoice_payment_term_5', 'The invoice generates a payment date in the past.', '']]);
    expect(warning).toMatchObject({ kind: 'UserWarning', warningName: 'invoice_payment_term_5' });
    expect(TrytonFault.from(["'nope'", ''])).toMatchObject({ kind: 'Other', message: "'nope'" });
  });

  it('validates the server URL', () => {
    expect(parseServerUrl(' https://erp.example.com:8000/ ')).toBe('https://erp.example.com:8000');
    expect(() => parseServerUrl('ftp://x')).toThrow(ConnectorAuthError);
    expect(() => parseServerUrl('')).toThrow(expect.objectContaining({ field: 'serverUrl' }));
  });

  it('turns business-rule faults into validation errors, leaves others alone', () => {
    const e = asValidationError(new TrytonFault('UserError', 'To continue, you must create a period.'), 'issueDate');
    expect(e).toBeInstanceOf(ConnectorValidationError);
    expect((e as ConnectorValidationError).errors).toEqual([{ itemId: 'issueDate', message: 'To continue, you must create a period.' }]);
    const other = new Error('boom');
    expect(asValidationError(other)).toBe(other);
  });

  it('makes stable, wildcard-free idempotency markers', () => {
    expect(marker('key-1')).toBe(marker('key-1'));
    expect(marker('key-1')).not.toBe(marker('key-2'));
    expect(marker('50%_off')).toMatch(/^ledgerlink:push:[0-9a-f]{40}$/);
  });
});

describe('input validation', () => {
  it('reads dates, ids and collects errors by item', () => {
    const issues = new Issues();
    expect(day('2026-11-20T00:00:00Z', 'issueDate', issues)).toBe('2026-11-20');
    expect(day('20/11/2026', 'dueDate', issues)).toBeUndefined();
    expect(day(undefined, 'date', issues, true)).toBeUndefined();
    expect(trytonId('42', 'customerRef.id', issues)).toBe(42);
    expect(trytonId('abc', 'accountRef.id', issues)).toBeUndefined();
    expect(issues.errors.map((e) => e.itemId)).toEqual(['dueDate', 'date', 'accountRef.id']);
    expect(() => issues.throwIfAny('invoice')).toThrow(ConnectorValidationError);
  });
});
