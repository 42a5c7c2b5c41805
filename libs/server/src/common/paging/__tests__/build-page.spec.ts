import { buildPage } from '..';

const base = { results: ['a', 'b'], page: 1, pageSize: 2, totalResults: 5, path: '/companies' };

const hasNullish = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'object' && Object.values(value as object).some(hasNullish));

describe('buildPage', () => {
  it('builds the first page with next only', () => {
    const page = buildPage(base);
    expect(page).toEqual({
      results: ['a', 'b'],
      pageNumber: 1,
      pageSize: 2,
      totalResults: 5,
      _links: {
        self: { href: '/companies' },
        current: { href: '/companies?page=1&pageSize=2' },
        next: { href: '/companies?page=2&pageSize=2' },
      },
    });
    expect(Object.keys(page._links)).toEqual(['self', 'current', 'next']);
    expect(hasNullish(page)).toBe(false);
  });

  it('builds a middle page with next and previous', () => {
    const { _links } = buildPage({ ...base, page: 2 });
    expect(_links.next).toEqual({ href: '/companies?page=3&pageSize=2' });
    expect(_links.previous).toEqual({ href: '/companies?page=1&pageSize=2' });
  });

  it('builds the last page with previous only', () => {
    const { _links } = buildPage({ ...base, page: 3, results: ['e'] });
    expect(Object.keys(_links)).toEqual(['self', 'current', 'previous']);
  });

  it('has no next when the page is exactly full at the end', () => {
    expect(buildPage({ ...base, totalResults: 2 })._links.next).toBeUndefined();
    expect(buildPage({ ...base, page: 2, totalResults: 4 })._links.next).toBeUndefined();
    expect(buildPage({ ...base, page: 2, totalResults: 5 })._links.next).toBeDefined();
  });

  it('handles an empty result set and pages past the end', () => {
    const empty = buildPage({ ...base, results: [], totalResults: 0 });
    expect(Object.keys(empty._links)).toEqual(['self', 'current']);
    expect(hasNullish(empty)).toBe(false);
    const past = buildPage({ ...base, page: 9, results: [] });
    expect(past._links.next).toBeUndefined();
    expect(past._links.previous).toEqual({ href: '/companies?page=8&pageSize=2' });
  });

  it('URL-encodes query and orderBy into current/next/previous but not self', () => {
    const query = '{totalAmount > 100 || name ~ a&b} && status != paid';
    const { _links } = buildPage({
      ...base,
      page: 2,
      path: '/companies/x/data/invoices',
      query,
      orderBy: '-issueDate',
    });
    const suffix = `pageSize=2&query=${encodeURIComponent(query)}&orderBy=-issueDate`;
    expect(_links.self).toEqual({ href: '/companies/x/data/invoices' });
    expect(_links.current.href).toBe(`/companies/x/data/invoices?page=2&${suffix}`);
    expect(_links.next?.href).toBe(`/companies/x/data/invoices?page=3&${suffix}`);
    expect(_links.previous?.href).toBe(`/companies/x/data/invoices?page=1&${suffix}`);
    expect(_links.current.href).toContain('%7BtotalAmount%20%3E%20100%20%7C%7C%20name%20~%20a%26b%7D');
  });

  it('strips a query string from the path and skips empty optional values', () => {
    const page = buildPage({ ...base, path: '/companies?page=7&foo=bar', query: '', orderBy: undefined });
    expect(page._links.self.href).toBe('/companies');
    expect(page._links.current.href).toBe('/companies?page=1&pageSize=2');
  });

  it('carries extra parameters, skipping empty and reserved keys', () => {
    const { _links } = buildPage({
      ...base,
      extra: { tags: 'region=uk && team=x', empty: undefined, blank: '', page: '99', n: 3 },
    });
    expect(_links.current.href).toBe(
      `/companies?page=1&pageSize=2&tags=${encodeURIComponent('region=uk && team=x')}&n=3`,
    );
  });
});
