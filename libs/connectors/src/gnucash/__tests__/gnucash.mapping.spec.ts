import { describe, expect, it } from '@jest/globals';
import { ConnectorValidationError } from '../../connector';
import { frac } from '../gnucash.fraction';
import {
  accountKind,
  addressFromLines,
  gncDay,
  gncTimestamp,
  gnucashTypeFor,
  linesFromAddress,
  neutralTime,
  requestedDay,
  typesCompatible,
} from '../gnucash.mapping';
import { assertBalanced } from '../gnucash.write-journal';

describe('GnuCash mapping', () => {
  it('maps every GnuCash account type to a unified type and category', () => {
    expect(accountKind('BANK')).toMatchObject({ type: 'Asset', category: 'Asset.Bank', isBankAccount: true });
    expect(accountKind('RECEIVABLE')).toMatchObject({ type: 'Asset', category: 'Asset.AccountsReceivable', isBankAccount: false });
    expect(accountKind('PAYABLE')).toMatchObject({ type: 'Liability', category: 'Liability.AccountsPayable' });
    expect(accountKind('CREDIT')).toMatchObject({ type: 'Liability', isBankAccount: true });
    expect(accountKind('INCOME')?.type).toBe('Income');
    expect(accountKind('EXPENSE')?.type).toBe('Expense');
    expect(accountKind('EQUITY')?.type).toBe('Equity');
    expect(accountKind('ROOT')).toBeUndefined();
  });

  it('picks the GnuCash type of a new account', () => {
    expect(gnucashTypeFor({ fullyQualifiedCategory: 'Asset.Cash' })).toBe('CASH');
    expect(gnucashTypeFor({ fullyQualifiedCategory: 'liability.creditcard' })).toBe('CREDIT');
    expect(gnucashTypeFor({ fullyQualifiedCategory: 'Asset.Stock' })).toBeUndefined();
    expect(gnucashTypeFor({ type: 'Asset', isBankAccount: true })).toBe('BANK');
    expect(gnucashTypeFor({ type: 'Expense' })).toBe('EXPENSE');
    expect(gnucashTypeFor({ type: 'Unknown' })).toBeUndefined();
  });

  it('allows the parent/child account types GnuCash allows', () => {
    expect(typesCompatible('ASSET', 'BANK')).toBe(true);
    expect(typesCompatible('LIABILITY', 'RECEIVABLE')).toBe(true);
    expect(typesCompatible('INCOME', 'EXPENSE')).toBe(true);
    expect(typesCompatible('ROOT', 'EQUITY')).toBe(true);
    expect(typesCompatible('ASSET', 'INCOME')).toBe(false);
    expect(typesCompatible('EQUITY', 'ASSET')).toBe(false);
  });

  it('reads stored dates in both GnuCash formats, by calendar day', () => {
    expect(gncDay('2026-11-01 10:59:00')).toBe('2026-11-01');
    expect(gncDay('20261101105900')).toBe('2026-11-01');
    expect(gncDay(null)).toBeUndefined();
    expect(gncTimestamp('2026-11-22 03:24:20')).toBe('2026-11-22T03:24:20Z');
    expect(gncTimestamp('20261122032420')).toBe('2026-11-22T03:24:20Z');
  });

  it('takes the calendar day a request meant, without time-zone shifts', () => {
    expect(requestedDay('2026-11-16')).toBe('2026-11-16');
    expect(requestedDay('2026-11-16T00:00:00')).toBe('2026-11-16');
    expect(requestedDay('2026-11-16T23:30:00-05:00')).toBe('2026-11-16');
    expect(requestedDay('2026-02-30')).toBeUndefined();
    expect(requestedDay('16.11.2026')).toBeUndefined();
    expect(neutralTime('2026-11-16')).toBe('2026-11-16 10:59:00');
  });

  it('maps addresses to GnuCash free-text lines and back', () => {
    expect(linesFromAddress({ type: 'Billing', line1: '2 Side St', postalCode: '10115', city: 'Berlin', country: 'Germany' })).toEqual([
      '2 Side St',
      '',
      '10115 Berlin',
      'Germany',
    ]);
    expect(addressFromLines('Billing', ['1 Main St', '', null, ''])).toEqual({ type: 'Billing', line1: '1 Main St' });
    expect(addressFromLines('Delivery', ['', '', '', ''])).toBeUndefined();
  });

  it('accepts only balanced journal entries', () => {
    expect(() => assertBalanced([frac(100000, 100), frac(-100000, 100)])).not.toThrow();
    expect(() => assertBalanced([frac(1, 10), frac(2, 10), frac(-3, 10)])).not.toThrow();
    expect(() => assertBalanced([frac(100), frac(-99)])).toThrow(ConnectorValidationError);
    expect(() => assertBalanced([frac(100), frac(-99)])).toThrow('Debits 100.00 do not equal credits 99.00 (difference 1.00)');
  });
});
