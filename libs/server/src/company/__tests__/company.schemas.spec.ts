import { describe, expect, it } from '@jest/globals';
import { companyRequestSchema, companyUpdateSchema, sanitizeCompanyName, tagsSchema } from '../company.schemas';

describe('sanitizeCompanyName', () => {
  it.each([
    ['Company (Codat[1])', 'Company Codat1'],
    ['Technicalium', 'Technicalium'],
    ["O'Brien & Sons, Ltd. @ Home?! - 2", "O'Brien & Sons, Ltd. @ Home?! - 2"],
    ['  padded  ', 'padded'],
    ['tabs\tand\nnew lines', 'tabs and new lines'],
    ['a  (b)  c', 'a b c'],
    ['Zoë Café', 'Zo Caf'],
    ['Emoji 😀 Ltd', 'Emoji Ltd'],
    ['<script>alert(1)</script>', 'scriptalert1script'],
    ['50% off_sale #1', '50 offsale 1'],
    ['"quoted"', 'quoted'],
    ['((([])))', ''],
    ['', ''],
  ])('%p → %p', (raw, expected) => {
    expect(sanitizeCompanyName(raw)).toBe(expected);
  });

  it('only ever returns allowed characters, single-spaced and trimmed', () => {
    const all = Array.from({ length: 0x250 }, (_, i) => String.fromCharCode(i)).join('');
    const out = sanitizeCompanyName(all);
    expect(out).toMatch(/^[A-Za-z0-9\-',&@.?! ]*$/);
    expect(out).not.toMatch(/ {2}|^ | $/);
  });

  it('is idempotent', () => {
    for (const raw of ['Company (Codat[1])', ' a \t b ', 'x&y@z']) {
      expect(sanitizeCompanyName(sanitizeCompanyName(raw))).toBe(sanitizeCompanyName(raw));
    }
  });
});

describe('company request schemas', () => {
  it('sanitizes the name and keeps optional fields', () => {
    expect(companyRequestSchema.parse({ name: 'Acme (UK)', description: 'd', tags: { a: 'b' } })).toEqual({ name: 'Acme UK', description: 'd', tags: { a: 'b' } });
  });

  it('rejects a name that sanitizes to nothing, on the name path', () => {
    const r = companyRequestSchema.safeParse({ name: '[]()' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['name']);
  });

  it('rejects a missing or non-string name', () => {
    for (const body of [{}, { name: 1 }, { name: null }, null, [], 'x']) expect(companyRequestSchema.safeParse(body).success).toBe(false);
  });

  it('lets PATCH omit or null every field', () => {
    expect(companyUpdateSchema.parse({})).toEqual({});
    expect(companyUpdateSchema.parse({ name: null, description: null, tags: null })).toEqual({ name: null, description: null, tags: null });
  });

  it('limits tags to 10 keys of 1–27 characters with values up to 100', () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v']));
    expect(tagsSchema.safeParse(ten).success).toBe(true);
    expect(tagsSchema.safeParse({ ...ten, k10: 'v' }).success).toBe(false);
    expect(tagsSchema.safeParse({ ['k'.repeat(27)]: 'v'.repeat(100) }).success).toBe(true);
    expect(tagsSchema.safeParse({ ['k'.repeat(28)]: 'v' }).success).toBe(false);
    expect(tagsSchema.safeParse({ k: 'v'.repeat(101) }).success).toBe(false);
    expect(tagsSchema.safeParse({ '': 'v' }).success).toBe(false);
    expect(tagsSchema.safeParse({ k: 1 }).success).toBe(false);
  });
});
