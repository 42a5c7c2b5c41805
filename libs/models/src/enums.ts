export const SOURCE_TYPES = ['Accounting', 'Banking', 'BankFeed', 'Commerce', 'Expense', 'Other', 'Unknown'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const CONNECTION_STATUSES = ['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Company status as the link-flow seed describes it (derived from the company's connections). */
export const COMPANY_STATUSES = ['Blank', 'PendingAuth', 'Linked', 'Deauthorised'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export const FEATURE_TYPES = [
  'Get',
  'Post',
  'Categorization',
  'Delete',
  'Put',
  'GetAsPdf',
  'DownloadAttachment',
  'GetAttachment',
  'GetAttachments',
  'UploadAttachment',
] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const FEATURE_STATES = ['Release', 'Alpha', 'Beta', 'Deprecated', 'NotSupported', 'NotImplemented'] as const;
export type FeatureState = (typeof FEATURE_STATES)[number];
