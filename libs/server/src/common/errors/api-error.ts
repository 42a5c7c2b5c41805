/**
 * Typed domain errors. Every error the platform raises on purpose is an ApiError; one Nest
 * exception filter turns it into the contract's error body (section 1.6), and one tRPC
 * middleware turns it into a TRPCError. Nothing else builds error bodies.
 */
export interface ValidationItem {
  itemId?: string;
  message?: string;
  validatorName?: string;
}

export interface ValidationResult {
  errors: ValidationItem[];
  warnings: ValidationItem[];
}

export type CanBeRetried = 'Unknown' | 'True' | 'False';

export interface ApiErrorOptions {
  /** The contract's `service` value. Defaults to `PublicApi`. */
  service?: string;
  validation?: ValidationResult;
  canBeRetried?: CanBeRetried;
  detailedErrorCode?: number;
  /** A stable machine code, e.g. `company.not_found`. */
  code?: string;
}

export class ApiError extends Error {
  readonly service: string;
  readonly validation?: ValidationResult;
  readonly canBeRetried: CanBeRetried;
  readonly detailedErrorCode: number;
  readonly code: string;

  constructor(
    readonly statusCode: number,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.service = options.service ?? 'PublicApi';
    this.validation = options.validation;
    this.canBeRetried = options.canBeRetried ?? 'Unknown';
    this.detailedErrorCode = options.detailedErrorCode ?? 0;
    this.code = options.code ?? `http.${statusCode}`;
  }
}

export const badRequest = (message: string, options?: ApiErrorOptions) => new ApiError(400, message, options);
export const unauthorized = (message = 'Unauthorized') => new ApiError(401, message, { code: 'auth.unauthorized' });
export const notFound = (message: string, options?: ApiErrorOptions) => new ApiError(404, message, options);
export const conflict = (message: string, options?: ApiErrorOptions) => new ApiError(409, message, options);
