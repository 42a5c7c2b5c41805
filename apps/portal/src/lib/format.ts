import type { Company, CompanyStatus, Connection } from '@ledgerlink/models';

/** Paging envelope fields the portal reads (contract section 2). */
export interface PageFields {
  pageNumber: number;
  pageSize: number;
  totalResults: number;
}

export interface PageInfo {
  page: number;
  totalPages: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** "Page 2 of 5" */
  pageText: string;
  /** "1 company" / "42 companies" */
  totalText: string;
}

export function totalPages(totalResults: number, pageSize: number): number {
  if (pageSize <= 0) return 1;
  return Math.max(1, Math.ceil(totalResults / pageSize));
}

export function pageInfo({ pageNumber, pageSize, totalResults }: PageFields, noun: [string, string] = ['company', 'companies']): PageInfo {
  const pages = totalPages(totalResults, pageSize);
  const page = Math.min(Math.max(1, pageNumber), pages);
  return {
    page,
    totalPages: pages,
    hasPrevious: page > 1,
    hasNext: page < pages,
    pageText: `Page ${page} of ${pages}`,
    totalText: `${totalResults.toLocaleString('en-GB')} ${totalResults === 1 ? noun[0] : noun[1]}`,
  };
}

const STATUS_LABELS: Record<CompanyStatus, string> = {
  Blank: 'Blank',
  PendingAuth: 'Pending auth',
  Linked: 'Linked',
  Deauthorised: 'Deauthorised',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as CompanyStatus] ?? status;
}

/** Count and distinct platform names, in first-seen order. */
export function connectionsSummary(connections: Pick<Connection, 'platformName'>[]): { count: number; platforms: string } {
  const names = [...new Set(connections.map((c) => c.platformName).filter(Boolean))];
  return { count: connections.length, platforms: names.join(', ') };
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The same text on the server and in the browser (UTC), so hydration never differs. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${DATE_TIME.format(d)} UTC`;
}

export type CompanyRow = Pick<Company, 'id' | 'name' | 'status' | 'created' | 'dataConnections'>;
