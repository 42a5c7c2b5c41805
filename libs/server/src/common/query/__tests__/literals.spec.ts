import { containsPattern, parseBoolean, parseDate, parseNumber, SqlParams } from '..';

describe('literals', () => {
  it.each(['0', '-1', '+2', '10.50', '.5', '007', '123456789012345678901234567890.123'])('number %s', (v) => {
    expect(parseNumber(v)).toBe(v);
  });

  it.each(['', '1.', '1e5', '1,000', '0x1F', 'NaN', 'Infinity', '--1', '1 ', ' 1', '١٢٣'])('not a number %j', (v) => {
    expect(parseNumber(v)).toBeUndefined();
  });

  it('booleans are case-insensitive', () => {
    expect(parseBoolean('true')).toBe(true);
    expect(parseBoolean('FALSE')).toBe(false);
    expect(parseBoolean('yes')).toBeUndefined();
    expect(parseBoolean('1')).toBeUndefined();
  });

  it.each([
    ['2021-01-28', '2021-01-28T00:00:00Z', '2021-01-28T00:00:00'],
    ['2024-02-29', '2024-02-29T00:00:00Z', '2024-02-29T00:00:00'],
    ['2021-01-28T10:45', '2021-01-28T10:45:00Z', '2021-01-28T10:45:00'],
    ['2022-11-10T10:45:18.1950523Z', '2022-11-10T10:45:18.1950523Z', '2022-11-10T10:45:18'],
    ['2021-01-01T01:00:00+02:00', '2021-01-01T01:00:00+02:00', '2020-12-31T23:00:00'],
    ['2021-12-31T23:30:00-0130', '2021-12-31T23:30:00-0130', '2022-01-01T01:00:00'],
    ['2021-01-28 10:00:00', '2021-01-28T10:00:00Z', '2021-01-28T10:00:00'],
    ['0001-01-01', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00'],
  ])('date %s', (value, timestamp, key) => {
    expect(parseDate(value)).toEqual({ timestamp, key });
  });

  it.each([
    '2021-02-29',
    '2021-04-31',
    '2021-00-10',
    '2021-1-1',
    '21-01-01',
    '0000-01-01',
    '9999-12-31T23:00:00-05:00',
    '0001-01-01T00:00:00+01:00',
    '2021-01-01T25:00',
    '2021-01-01T10:60',
    '2021-01-01T10:00:61',
    '2021-01-01T10:00:00+24:00',
    '2021-01-01Z',
    '2021-01-01T10',
    'tomorrow',
    '',
  ])('not a date %j', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });

  it('escapes LIKE wildcards and backslashes', () => {
    expect(containsPattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
    expect(containsPattern('')).toBe('%%');
  });

  it('SqlParams numbers placeholders', () => {
    const params = new SqlParams();
    expect([params.add('a'), params.add(1), params.add(null)]).toEqual(['$1', '$2', '$3']);
    expect(params.values).toEqual(['a', 1, null]);
    expect(new SqlParams(7).add('x')).toBe('$7');
  });
});
