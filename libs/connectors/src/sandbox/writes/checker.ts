import { ConnectorValidationError } from '../../connector';

type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects validation errors, each naming its field (`customerRef.id`, `lineItems[0].quantity`). */
export class Checker {
  readonly errors: { itemId: string; message: string }[] = [];

  fail(field: string, message: string): undefined {
    this.errors.push({ itemId: field, message: `${field}: ${message}` });
    return undefined;
  }

  string(field: string, v: unknown, o: { required?: boolean; max?: number } = {}): string | undefined {
    if (v === undefined || v === null || v === '') return o.required ? this.fail(field, 'is required') : undefined;
    if (typeof v !== 'string') return this.fail(field, 'must be a string');
    if (o.max !== undefined && v.length > o.max) return this.fail(field, `must be at most ${o.max} characters`);
    return v;
  }

  oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[], fallback?: T): T | undefined {
    if (v === undefined || v === null || v === '') return fallback ?? this.fail(field, 'is required');
    if (!allowed.includes(v as T)) return this.fail(field, `must be one of ${allowed.join(', ')}`);
    return v as T;
  }

  number(field: string, v: unknown, o: { required?: boolean; min?: number; positive?: boolean } = {}): number | undefined {
    if (v === undefined || v === null) return o.required ? this.fail(field, 'is required') : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(field, 'must be a number');
    if (o.min !== undefined && v < o.min) return this.fail(field, `must be at least ${o.min}`);
    if (o.positive && v <= 0) return this.fail(field, 'must be greater than 0');
    return v;
  }

  /** An ISO-8601 date; answered as the instant's ISO string. */
  date(field: string, v: unknown, required = false): string | undefined {
    if (v === undefined || v === null || v === '') return required ? this.fail(field, 'is required') : undefined;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v))) return this.fail(field, 'must be an ISO-8601 date');
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v;
  }

  /** A currency code, GBP when absent. */
  currency(field: string, v: unknown): string {
    if (v === undefined || v === null || v === '') return 'GBP';
    if (typeof v !== 'string' || !/^[A-Z]{3}$/.test(v)) return this.fail(field, 'must be an ISO 4217 code such as GBP') ?? 'GBP';
    return v;
  }

  array(field: string, v: unknown, o: { required?: boolean; min?: number } = {}): unknown[] {
    if (v === undefined || v === null) return (o.required && this.fail(field, 'is required')) || [];
    if (!Array.isArray(v)) return this.fail(field, 'must be an array') ?? [];
    if (o.min !== undefined && v.length < o.min) this.fail(field, `must have at least ${o.min} item${o.min === 1 ? '' : 's'}`);
    return v;
  }

  object(field: string, v: unknown, required = false): Obj {
    if (v === undefined || v === null) return (required && this.fail(field, 'is required')) || {};
    if (!isObject(v)) return this.fail(field, 'must be an object') ?? {};
    return v;
  }

  /** Throws one ConnectorValidationError listing every problem found so far. */
  done(what: string): void {
    if (this.errors.length > 0) {
      throw new ConnectorValidationError(`Invalid ${what}: ${this.errors.map((e) => e.message).join('; ')}`, this.errors);
    }
  }
}
