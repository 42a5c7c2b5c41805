import {
  CREDENTIAL_MAX,
  describedBy,
  emptyValues,
  fieldErrorFromMessage,
  fieldId,
  firstInvalid,
  inputProps,
  toCredentials,
  validateCredentials,
} from './credentials';
import type { CredentialField } from './link-types';

const SANDBOX: CredentialField[] = [
  { name: 'companyName', label: 'Company name', type: 'text', required: false, description: 'Defaults to Sandbox Trading Ltd' },
  { name: 'seed', label: 'Seed', type: 'number', required: false, description: 'The same seed gives the same books' },
  { name: 'volume', label: 'Records per data type', type: 'number', required: false },
];

const TRYTON: CredentialField[] = [
  { name: 'serverUrl', label: 'Server URL', type: 'url', required: true },
  { name: 'database', label: 'Database', type: 'text', required: true },
  { name: 'username', label: 'Username', type: 'text', required: true },
  { name: 'password', label: 'Password', type: 'password', required: true },
];

describe('inputProps', () => {
  it('maps each credential type to an input', () => {
    expect(inputProps(TRYTON[0])).toMatchObject({ id: 'credential-serverUrl', name: 'serverUrl', type: 'url', inputMode: 'url', 'aria-required': true });
    expect(inputProps(TRYTON[1])).toMatchObject({ type: 'text', autoComplete: 'off', spellCheck: false });
    expect(inputProps(TRYTON[3])).toMatchObject({ type: 'password', autoComplete: 'new-password' });
  });

  it('renders numbers as text with a numeric keyboard, so a bad value reaches the connector', () => {
    const p = inputProps(SANDBOX[1]);
    expect(p.type).toBe('text');
    expect(p.inputMode).toBe('numeric');
  });

  it('marks only required fields as required and caps the length at the API limit', () => {
    expect(inputProps(SANDBOX[0])['aria-required']).toBeUndefined();
    expect(inputProps(SANDBOX[0]).maxLength).toBe(CREDENTIAL_MAX);
  });

  it('makes safe DOM ids from field names', () => {
    expect(fieldId('bookPath')).toBe('credential-bookPath');
    expect(fieldId('a b.c')).toBe('credential-a-b-c');
  });

  it('describes a field by its error, then its description', () => {
    expect(describedBy(SANDBOX[0], false)).toBe('credential-companyName-hint');
    expect(describedBy(SANDBOX[0], true)).toBe('credential-companyName-error credential-companyName-hint');
    expect(describedBy(SANDBOX[2], false)).toBeUndefined();
    expect(describedBy(SANDBOX[2], true)).toBe('credential-volume-error');
  });
});

describe('validateCredentials', () => {
  it('accepts an all-optional form left empty', () => {
    expect(validateCredentials(SANDBOX, emptyValues(SANDBOX))).toEqual({});
  });

  it('asks for every empty or blank required field, by label', () => {
    const errors = validateCredentials(TRYTON, { serverUrl: '  ', database: 'ledgerlink', username: '', password: '' });
    expect(errors).toEqual({ serverUrl: 'Enter server URL.', username: 'Enter username.', password: 'Enter password.' });
    expect(firstInvalid(TRYTON, errors)?.name).toBe('serverUrl');
  });

  it('keeps product names and acronyms in the message', () => {
    const fields: CredentialField[] = [
      { name: 'book', label: 'GnuCash book', type: 'text', required: true },
      { name: 'url', label: 'URL', type: 'url', required: true },
    ];
    expect(validateCredentials(fields, {})).toEqual({ book: 'Enter GnuCash book.', url: 'Enter URL.' });
  });

  it('treats a missing value as empty', () => {
    expect(validateCredentials(TRYTON, {})).toHaveProperty('database', 'Enter database.');
  });

  it('rejects values over the API limit', () => {
    const errors = validateCredentials(SANDBOX, { companyName: 'x'.repeat(CREDENTIAL_MAX + 1) });
    expect(errors['companyName']).toBe(`Company name must be ${CREDENTIAL_MAX} characters or fewer.`);
  });

  it('does not judge formats: the connector does, and names the field', () => {
    expect(validateCredentials(SANDBOX, { volume: 'abc' })).toEqual({});
  });

  it('has no invalid field when all is well', () => {
    expect(firstInvalid(TRYTON, {})).toBeUndefined();
  });
});

describe('toCredentials', () => {
  it('sends only filled fields, trimmed', () => {
    expect(toCredentials(SANDBOX, { companyName: '  Sandbox Books Ltd ', seed: '', volume: ' 5 ' })).toEqual({ companyName: 'Sandbox Books Ltd', volume: '5' });
  });

  it('sends passwords exactly as typed, and drops unknown keys', () => {
    const creds = toCredentials(TRYTON, { serverUrl: 'http://127.0.0.1:8000', database: 'db', username: 'admin', password: ' p ss ', extra: 'x' });
    expect(creds).toEqual({ serverUrl: 'http://127.0.0.1:8000', database: 'db', username: 'admin', password: ' p ss ' });
  });

  it('sends nothing for an empty all-optional form', () => {
    expect(toCredentials(SANDBOX, emptyValues(SANDBOX))).toEqual({});
  });
});

describe('fieldErrorFromMessage', () => {
  it('finds the field a connector names, and rewords it with the label', () => {
    expect(fieldErrorFromMessage('Authorization failed: volume must be a whole number from 0 to 5000000', SANDBOX)).toEqual({
      field: 'volume',
      message: 'Records per data type must be a whole number from 0 to 5000000',
    });
  });

  it('matches labels too, case-insensitively', () => {
    expect(fieldErrorFromMessage('password is incorrect', TRYTON)).toEqual({ field: 'password', message: 'Password is incorrect' });
    expect(fieldErrorFromMessage('Server URL could not be reached', TRYTON)?.field).toBe('serverUrl');
  });

  it('prefers the longest matching name', () => {
    const fields: CredentialField[] = [
      { name: 'book', label: 'Book', type: 'text', required: true },
      { name: 'bookPath', label: 'Book path', type: 'text', required: true },
    ];
    expect(fieldErrorFromMessage('bookPath does not exist', fields)?.field).toBe('bookPath');
    expect(fieldErrorFromMessage('Book path does not exist', fields)?.field).toBe('bookPath');
  });

  it('does not match a field name inside another word, or a message about no field', () => {
    expect(fieldErrorFromMessage('seedling is not a setting', SANDBOX)).toBeUndefined();
    expect(fieldErrorFromMessage('Authorization failed: the server is busy', TRYTON)).toBeUndefined();
    expect(fieldErrorFromMessage('', TRYTON)).toBeUndefined();
  });
});
