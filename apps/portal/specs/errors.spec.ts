import { errorCode, errorMessage, isUnauthorized } from '../src/lib/errors';

describe('errorMessage', () => {
  it('returns a plain message as is', () => {
    expect(errorMessage({ message: 'Email or password is incorrect.', data: { code: 'UNAUTHORIZED' } })).toBe('Email or password is incorrect.');
  });

  it('turns zod issues (a JSON array in message) into their messages', () => {
    const message = JSON.stringify(
      [
        { code: 'too_small', path: ['name'], message: 'Enter a company name' },
        { code: 'invalid_format', path: ['email'], message: 'Enter a valid email address' },
        { code: 'too_small', path: ['name'], message: 'Enter a company name' },
      ],
      null,
      2,
    );
    expect(errorMessage({ message })).toBe('Enter a company name Enter a valid email address');
  });

  it('keeps a message that only looks like JSON', () => {
    expect(errorMessage({ message: '[not json' })).toBe('[not json');
  });

  it('explains network failures', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/Could not reach Ledgerlink/);
  });

  it('falls back for empty or odd values', () => {
    expect(errorMessage(null)).toBe('Something went wrong. Please try again.');
    expect(errorMessage({ message: '   ' }, 'Nope')).toBe('Nope');
    expect(errorMessage('plain string')).toBe('plain string');
  });
});

describe('errorCode', () => {
  it('reads the tRPC code from data', () => {
    expect(errorCode({ data: { code: 'NOT_FOUND' } })).toBe('NOT_FOUND');
    expect(errorCode(new Error('x'))).toBeUndefined();
    expect(isUnauthorized({ data: { code: 'UNAUTHORIZED' } })).toBe(true);
    expect(isUnauthorized({ data: { code: 'FORBIDDEN' } })).toBe(false);
  });
});
