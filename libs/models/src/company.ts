import type { CompanyStatus, ConnectionStatus, SourceType } from './enums';

/** Contract section 3. Optional keys are omitted, never null. */
export interface DataConnectionError {
  statusCode?: string;
  statusText?: string;
  errorMessage?: string;
  erroredOnUtc?: string;
  status?: 'Active' | 'Resolved';
  resolvedOnUtc?: string;
}

export interface Connection {
  id: string;
  integrationId: string;
  integrationKey: string;
  sourceId: string;
  sourceType: SourceType;
  platformName: string;
  linkUrl: string;
  status: ConnectionStatus;
  lastSync?: string;
  created: string;
  dataConnectionErrors?: DataConnectionError[];
  connectionInfo?: Record<string, unknown>;
}

/** Contract section 2. */
export interface Company {
  id: string;
  name: string;
  description?: string;
  redirect: string;
  lastSync?: string;
  created: string;
  createdByUserName?: string | null;
  products: string[];
  tags?: Record<string, string>;
  dataConnections: Connection[];
  referenceSubsidiaryCompanies: unknown[];
  /** Ledgerlink extension (ignored by the SDKs): the link-flow status derived from connections. */
  status: CompanyStatus;
}

export interface Paged<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: {
    self: { href: string };
    current: { href: string };
    next?: { href: string };
    previous?: { href: string };
  };
}
