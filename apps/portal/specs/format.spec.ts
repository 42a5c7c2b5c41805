import { connectionsSummary, formatDateTime, pageInfo, statusLabel, totalPages } from '../src/lib/format';

describe('pageInfo', () => {
  it('describes a middle page', () => {
    const info = pageInfo({ pageNumber: 2, pageSize: 20, totalResults: 45 });
    expect(info).toMatchObject({ page: 2, totalPages: 3, hasPrevious: true, hasNext: true, pageText: 'Page 2 of 3', totalText: '45 companies' });
  });

  it('treats an empty list as one page', () => {
    const info = pageInfo({ pageNumber: 1, pageSize: 20, totalResults: 0 });
    expect(info).toMatchObject({ totalPages: 1, hasPrevious: false, hasNext: false, pageText: 'Page 1 of 1', totalText: '0 companies' });
  });

  it('uses the singular for one result and clamps a page past the end', () => {
    const info = pageInfo({ pageNumber: 7, pageSize: 10, totalResults: 1 });
    expect(info.pageText).toBe('Page 1 of 1');
    expect(info.totalText).toBe('1 company');
    expect(info.hasNext).toBe(false);
  });

  it('has no next page on an exact multiple', () => {
    expect(totalPages(40, 20)).toBe(2);
    expect(pageInfo({ pageNumber: 2, pageSize: 20, totalResults: 40 }).hasNext).toBe(false);
    expect(totalPages(41, 20)).toBe(3);
  });

  it('formats large totals with separators', () => {
    expect(pageInfo({ pageNumber: 1, pageSize: 20, totalResults: 12345 }).totalText).toBe('12,345 companies');
  });
});

describe('connectionsSummary', () => {
  it('counts connections and lists distinct platforms in order', () => {
    expect(connectionsSummary([{ platformName: 'Xero' }, { platformName: 'Sandbox' }, { platformName: 'Xero' }])).toEqual({ count: 3, platforms: 'Xero, Sandbox' });
  });

  it('handles none', () => {
    expect(connectionsSummary([])).toEqual({ count: 0, platforms: '' });
  });
});

describe('formatDateTime', () => {
  it('formats in UTC so server and browser agree', () => {
    expect(formatDateTime('2026-03-05T14:07:00.000Z')).toBe('5 Mar 2026, 14:07 UTC');
  });

  it('shows a dash for nothing and the raw text for garbage', () => {
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('statusLabel', () => {
  it('spells out the contract statuses', () => {
    expect(statusLabel('PendingAuth')).toBe('Pending auth');
    expect(statusLabel('Linked')).toBe('Linked');
    expect(statusLabel('Unlinked')).toBe('Unlinked');
  });
});
