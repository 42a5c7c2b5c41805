import { ConnectorValidationError } from '../connector';
import { TrytonFault } from './tryton.rpc';

/** Collects field errors (contract validation items) and throws them together. */
export class Issues {
  readonly errors: { itemId?: string; message: string }[] = [];

  add(itemId: string, message: string): undefined {
    this.errors.push({ itemId, message });
    return undefined;
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  throwIfAny(what: string): void {
    if (!this.any) return;
    const detail = this.errors.map((e) => (e.itemId ? `${e.itemId}: ${e.message}` : e.message)).join('; ');
    throw new ConnectorValidationError(`Invalid ${what}: ${detail}`, this.errors);
  }
}

export type Rec = Record<string, unknown>;

export const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trimmed non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function requireStr(v: unknown, itemId: string, issues: Issues): string | undefined {
  return str(v) ?? issues.add(itemId, `${itemId} is required.`);
}

/** `YYYY-MM-DD` from a date or date-time string (the calendar day as written, no zone shift). */
export function day(v: unknown, itemId: string, issues: Issues, required = false): string | undefined {
  if (v === undefined || v === null || v === '') return required ? issues.add(itemId, `${itemId} is required.`) : undefined;
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(v) : null;
  if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) {
    return issues.add(itemId, `${itemId} must be an ISO date such as 2026-11-20 or 2026-11-20T00:00:00.`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function num(v: unknown, itemId: string, issues: Issues, required = false): number | undefined {
  if (v === undefined || v === null || v === '') return required ? issues.add(itemId, `${itemId} is required.`) : undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) return issues.add(itemId, `${itemId} must be a number.`);
  return n;
}

/** A Tryton id: a positive integer, given as a number or a string. */
export function trytonId(v: unknown, itemId: string, issues: Issues, required = false): number | undefined {
  if (v === undefined || v === null || v === '') return required ? issues.add(itemId, `${itemId} is required.`) : undefined;
  const s = String(v).trim();
  if (!/^\d{1,15}$/.test(s) || Number(s) < 1) return issues.add(itemId, `${itemId} must be a Tryton record id (a positive whole number).`);
  return Number(s);
}

/** `ref.id` of an optional reference object such as customerRef. */
export const refId = (v: unknown): unknown => (isObject(v) ? v['id'] : undefined);

/** Money for Tryton: a Decimal string with at most the given places (no binary float noise). */
export function decimalText(n: number, places = 4): string {
  return Number(n.toFixed(places)).toString();
}

/** Business rules Tryton enforces (posted documents, periods, domains) → ConnectorValidationError. */
export function asValidationError(e: unknown, itemId?: string): unknown {
  if (e instanceof TrytonFault && e.kind !== 'Other') {
    const message = e.message.length > 500 ? `${e.message.slice(0, 500)}…` : e.message;
    return new ConnectorValidationError(`Tryton refused the change: ${message}`, [{ ...(itemId ? { itemId } : {}), message }]);
  }
  return e;
}
