import type { DataType, FeatureState, FeatureType, SourceType } from '@ledgerlink/models';

/** A field the link flow asks for when authorising a cloud connector. */
export interface CredentialField {
  name: string;
  label: string;
  type: 'text' | 'password' | 'url' | 'number';
  required: boolean;
  description?: string;
}

export interface ConnectorMetadata {
  /** 4 lowercase letters, stable forever. */
  key: string;
  name: string;
  sourceType: SourceType;
  isOfflineConnector: boolean;
  isBeta: boolean;
  dataProvidedBy: string;
  /** The logo, an SVG document shipped in the repository. */
  logoSvg: string;
  /** Per data type, which operations are offered and in what state. */
  features: Partial<Record<DataType, Partial<Record<FeatureType, FeatureState>>>>;
  /** What the link page asks for (empty for on-premise connectors). */
  credentialFields: CredentialField[];
  /** Shown on the link page: which data is read, and why. */
  dataAccessNotes: string[];
}

/** What a successful authorize() learned from the books. */
export interface AuthorizeResult {
  companyName: string;
  connectionInfo?: Record<string, unknown>;
}

/**
 * The connector contract. Connectors are pure adapters: no Nest, no TypeORM, no process.env.
 * Credentials and settings arrive as arguments. The operational methods arrive with the
 * connectors issue; until then a definition may carry metadata only.
 */
export interface Connector {
  authorize(credentials: Record<string, string>): Promise<AuthorizeResult>;
}

export interface ConnectorDefinition {
  metadata: ConnectorMetadata;
  create?: () => Connector;
}

/** Raised by connectors when credentials are wrong; `field` names the offending credential. */
export class ConnectorAuthError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ConnectorAuthError';
  }
}
