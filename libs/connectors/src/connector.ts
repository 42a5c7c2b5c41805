import type { DataType, FeatureState, FeatureType, PushOption, SourceType, SupportedDataType } from '@ledgerlink/models';

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
  /** Per data type, which operations are offered and in what state. Every `Release` is real. */
  features: Partial<Record<DataType, Partial<Record<FeatureType, FeatureState>>>>;
  /** What the link page asks for (empty for on-premise connectors, which get setup notes instead). */
  credentialFields: CredentialField[];
  /** Shown on the link page: which data is read, and why. */
  dataAccessNotes: string[];
  /** On-premise connectors: how to point the connector at the books (shown on the link page). */
  setupNotes?: string[];
  /**
   * Reads honour `modifiedSince` and also return the records deleted since then, with
   * `metadata.isDeleted: true`. Only such connectors get incremental re-syncs; the others are
   * always read in full (that is how deletions are found).
   */
  incrementalReads?: boolean;
}

/** What a successful authorize() learned from the books. */
export interface AuthorizeResult {
  companyName: string;
  connectionInfo?: Record<string, unknown>;
}

/** A record in the unified model (contract section 10); `company` info has no id. */
export type UnifiedRecord = Record<string, unknown> & { id?: string; sourceModifiedDate?: string };

export interface ReadOptions {
  /** Incremental read: only records changed in the source after this instant (where the source can tell). */
  modifiedSince?: Date;
  /** History window: only records dated on or after this instant (syncFromUtc / syncFromWindow). */
  from?: Date;
  /** Records per batch; connectors may use less. Default 500. */
  batchSize?: number;
  signal?: AbortSignal;
}

export type WriteOperationType = 'Create' | 'Update' | 'Delete';

export interface WriteOperation {
  /** The push operation key: a retried operation with the same key never writes twice. */
  key: string;
  type: WriteOperationType;
  dataType: SupportedDataType;
  /** Update and Delete: the record id. */
  recordId?: string;
  /** Create and Update: the record in the unified model. */
  record?: Record<string, unknown>;
}

export interface WriteChange {
  type: 'Created' | 'Modified' | 'Deleted';
  recordRef: { id: string; dataType: SupportedDataType };
}

export interface WriteResult {
  /** The record as the system now has it (absent after a delete). */
  record?: UnifiedRecord;
  changes: WriteChange[];
}

/**
 * Key/value storage the platform lends a connector, scoped to one connection. The sandbox keeps
 * what is written to it here (persisted in the platform's database); other connectors may use it
 * for idempotency markers.
 */
export interface ConnectorStore {
  get(dataType: string, id: string): Promise<UnifiedRecord | undefined>;
  put(dataType: string, id: string, record: UnifiedRecord): Promise<void>;
  delete(dataType: string, id: string): Promise<void>;
  /** Streams every stored record of a type in id order. */
  list(dataType: string, batchSize: number): AsyncIterable<UnifiedRecord[]>;
  /** Idempotency: the result recorded for an operation key, if that operation already ran. */
  getOperation(key: string): Promise<WriteResult | undefined>;
  putOperation(key: string, result: WriteResult): Promise<void>;
}

export interface ConnectorContext {
  credentials: Record<string, string>;
  connectionId: string;
  store?: ConnectorStore;
  now?: () => Date;
}

/**
 * The connector contract. Connectors are pure adapters: no Nest, no TypeORM, no process.env.
 * Credentials and settings arrive in the context.
 */
export interface Connector {
  /** Checks the credentials against the real system; throws ConnectorAuthError naming the field. */
  authorize(): Promise<AuthorizeResult>;
  /** Streams batches already mapped to the unified model. Memory stays flat however many records there are. */
  read(dataType: SupportedDataType, options?: ReadOptions): AsyncIterable<UnifiedRecord[]>;
  /** The PushOption model for create or update on this connection, built from the connected books. */
  options(dataType: SupportedDataType, operation: 'Create' | 'Update'): Promise<PushOption>;
  /** Create, update or delete one record. Idempotent on `operation.key`. */
  write(operation: WriteOperation): Promise<WriteResult>;
  /** Releases sockets, files or processes. */
  close?(): Promise<void>;
}

export interface ConnectorDefinition {
  metadata: ConnectorMetadata;
  create(ctx: ConnectorContext): Connector;
}

/** Credentials are wrong or expired; `field` names the offending credential. */
export class ConnectorAuthError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ConnectorAuthError';
  }
}

/** The system is unreachable or busy (offline, book open in GnuCash): try again later. */
export class ConnectorUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorUnavailableError';
  }
}

/** The system rejected a write; `errors` name the fields, as the contract's validation items. */
export class ConnectorValidationError extends Error {
  constructor(
    message: string,
    readonly errors: { itemId?: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ConnectorValidationError';
  }
}

/** The connector does not support this data type or operation. */
export class ConnectorNotSupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorNotSupportedError';
  }
}
