import { parseOrderBy } from '..';
import { apiError, companySchema, invoiceSchema } from './fixtures';

describe('parseOrderBy', () => {
  it.each([
    [undefined, 'ORDER BY c.id ASC'],
    ['', 'ORDER BY c.id ASC'],
    ['  ', 'ORDER BY c.id ASC'],
    ['name', 'ORDER BY c.name ASC, c.id ASC'],
    ['-created', 'ORDER BY c.created DESC, c.id DESC'],
    [' name , -totalAmount ', 'ORDER BY c.name ASC, c.total_amount DESC, c.id DESC'],
    ['-name,created', 'ORDER BY c.name DESC, c.created ASC, c.id ASC'],
  ])('%j', (text, sql) => {
    expect(parseOrderBy(text, companySchema, 'c.id')).toEqual({ sql });
  });

  it('orders JSONB properties by their jsonb value and honours overrides', () => {
    expect(parseOrderBy('-issueDate', invoiceSchema, 'r.id').sql).toBe(
      "ORDER BY (r.data -> 'issueDate') DESC, r.id DESC",
    );
    expect(parseOrderBy('-modifiedDate,customerRef.id', invoiceSchema, 'r.id').sql).toBe(
      "ORDER BY r.modified_date DESC, (r.data -> 'customerRef' -> 'id') ASC, r.id ASC",
    );
  });

  it.each([
    ['nope', 'Error parsing query - Could not resolve property nope on Company'],
    ['-nope', 'Error parsing query - Could not resolve property nope on Company'],
    ['name; DROP TABLE x', 'Error parsing query - Could not resolve property name; DROP TABLE x on Company'],
    ['--name', 'Error parsing query - Could not resolve property -name on Company'],
    ['constructor', 'Error parsing query - Could not resolve property constructor on Company'],
    ['-', 'Error parsing query - Malformed orderBy.'],
    ['name,,created', 'Error parsing query - Malformed orderBy.'],
    ['name,', 'Error parsing query - Malformed orderBy.'],
    ['dataConnections.status', 'Error parsing query - Cannot order by property dataConnections.status on Company'],
  ])('rejects %j', (text, message) => {
    const error = apiError(() => parseOrderBy(text, companySchema, 'c.id'));
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe(message);
  });

  it('rejects hostile JSONB paths', () => {
    for (const text of ["a'b", 'a.', 'a b', "x') DESC; DROP TABLE t; --", 'a.$1']) {
      expect(apiError(() => parseOrderBy(text, invoiceSchema, 'r.id')).message).toMatch(/Could not resolve property/);
    }
  });

  it('limits length and number of keys', () => {
    expect(apiError(() => parseOrderBy('a'.repeat(2049), invoiceSchema, 'r.id')).statusCode).toBe(400);
    expect(() => parseOrderBy(Array(16).fill('a').join(','), invoiceSchema, 'r.id')).not.toThrow();
    expect(apiError(() => parseOrderBy(Array(17).fill('a').join(','), invoiceSchema, 'r.id')).message).toMatch(
      /too many properties/,
    );
  });
});
