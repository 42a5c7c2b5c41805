import { ApiError } from '../../errors';
import { parsePaging } from '..';

function error(raw: Record<string, unknown>): ApiError {
  try {
    parsePaging(raw);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('parsePaging', () => {
  it('applies defaults', () => {
    expect(parsePaging({})).toEqual({ page: 1, pageSize: 100, offset: 0 });
  });

  it('treats empty values as absent and ignores other keys', () => {
    expect(parsePaging({ page: '', pageSize: '', query: '  ', orderBy: '', tags: 'a=b' })).toEqual({
      page: 1,
      pageSize: 100,
      offset: 0,
    });
  });

  it('reads all parameters', () => {
    expect(parsePaging({ page: '3', pageSize: '25', query: 'name=x', orderBy: '-name' })).toEqual({
      page: 3,
      pageSize: 25,
      offset: 50,
      query: 'name=x',
      orderBy: '-name',
    });
  });

  it('accepts numbers and the limits', () => {
    expect(parsePaging({ page: 2, pageSize: 5000 })).toMatchObject({ page: 2, pageSize: 5000, offset: 5000 });
    expect(parsePaging({ pageSize: '1' }).pageSize).toBe(1);
    expect(parsePaging({ page: '2147483647' }).page).toBe(2147483647);
  });

  it('never returns null or undefined keys', () => {
    const result = parsePaging({ query: undefined, orderBy: null });
    expect(Object.keys(result)).toEqual(['page', 'pageSize', 'offset']);
  });

  it.each([
    [{ page: '0' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '-1' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '1.5' }, 'page must be an integer greater than or equal to 1'],
    [{ page: 'abc' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '2147483648' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '99999999999999999999' }, 'page must be an integer greater than or equal to 1'],
    [{ page: ' 1' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '1e3' }, 'page must be an integer greater than or equal to 1'],
    [{ page: '0x10' }, 'page must be an integer greater than or equal to 1'],
    [{ page: 1.5 }, 'page must be an integer greater than or equal to 1'],
    [{ page: Number.NaN }, 'page must be an integer greater than or equal to 1'],
    [{ page: true }, 'page must be an integer greater than or equal to 1'],
    [{ pageSize: '0' }, 'pageSize must be an integer between 1 and 5000'],
    [{ pageSize: '5001' }, 'pageSize must be an integer between 1 and 5000'],
    [{ pageSize: '+10' }, 'pageSize must be an integer between 1 and 5000'],
    [{ pageSize: { a: 1 } }, 'pageSize must be an integer between 1 and 5000'],
    [{ page: ['1', '2'] }, 'page must not be repeated'],
    [{ pageSize: ['10', '10'] }, 'pageSize must not be repeated'],
    [{ query: ['a=1', 'b=2'] }, 'query must not be repeated'],
    [{ orderBy: ['a', 'b'] }, 'orderBy must not be repeated'],
    [{ query: { name: 'x' } }, 'query must be a string'],
    [{ orderBy: 5 }, 'orderBy must be a string'],
  ])('rejects %j', (raw, message) => {
    const e = error(raw);
    expect(e.statusCode).toBe(400);
    expect(e.message).toBe(message);
  });

  it('does not read inherited properties', () => {
    const raw = Object.create({ page: '0' }) as Record<string, unknown>;
    expect(parsePaging(raw).page).toBe(1);
  });
});
