export interface Link {
  href: string;
}

export interface PageLinks {
  self: Link;
  current: Link;
  next?: Link;
  previous?: Link;
}

/** The contract's paging envelope (section 1.3). Optional keys are omitted, never null. */
export interface Page<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: PageLinks;
}

export interface BuildPageInput<T> {
  results: T[];
  page: number;
  pageSize: number;
  /** Count after the `query` filter. */
  totalResults: number;
  /** The resource path, e.g. `/companies`; any query string on it is dropped. */
  path: string;
  query?: string;
  orderBy?: string;
  /** More query parameters for the links (e.g. `tags`); empty values and the paging keys are skipped. */
  extra?: Record<string, string | number | undefined>;
}

const RESERVED = new Set(['page', 'pageSize', 'query', 'orderBy']);

export function buildPage<T>(input: BuildPageInput<T>): Page<T> {
  const { results, page, pageSize, totalResults, query, orderBy, extra } = input;
  const self = input.path.split('?')[0];
  const href = (pageNumber: number): Link => {
    const params: [string, string | number | undefined][] = [
      ['page', pageNumber],
      ['pageSize', pageSize],
      ['query', query],
      ['orderBy', orderBy],
      ...Object.entries(extra ?? {}).filter(([key]) => !RESERVED.has(key)),
    ];
    const search = params
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    return { href: `${self}?${search}` };
  };
  const _links: PageLinks = { self: { href: self }, current: href(page) };
  if (page * pageSize < totalResults) _links.next = href(page + 1);
  if (page > 1) _links.previous = href(page - 1);
  return { results, pageNumber: page, pageSize, totalResults, _links };
}
