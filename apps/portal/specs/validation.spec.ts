import { toCreateCompanyInput, validateCompanyForm } from '../src/lib/validation';

describe('validateCompanyForm', () => {
  it('accepts a name alone', () => {
    expect(validateCompanyForm({ name: 'Acme Ltd', description: '' })).toEqual({});
  });

  it('requires a name', () => {
    expect(validateCompanyForm({ name: '   ', description: '' }).name).toBe('Enter a company name.');
  });

  it('rejects names with no allowed character and overly long fields', () => {
    expect(validateCompanyForm({ name: '((()))', description: '' }).name).toMatch(/at least one letter/);
    expect(validateCompanyForm({ name: 'a'.repeat(256), description: '' }).name).toMatch(/255 characters/);
    expect(validateCompanyForm({ name: 'Ok', description: 'd'.repeat(2001) }).description).toMatch(/2000 characters/);
  });
});

describe('toCreateCompanyInput', () => {
  it('trims and leaves out an empty description', () => {
    expect(toCreateCompanyInput({ name: '  Acme  ', description: '  ' })).toEqual({ name: 'Acme' });
    expect(toCreateCompanyInput({ name: 'Acme', description: ' Widgets ' })).toEqual({ name: 'Acme', description: 'Widgets' });
  });
});
