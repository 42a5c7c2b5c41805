import type { Account, AccountType } from '@ledgerlink/models';
import { m2o, modifiedAt, related, text, toNumber, truthy } from './tryton.values';

/** An `account.account.type` row (the flags are 0/1 on SQLite, booleans on PostgreSQL). */
export interface TrytonAccountType {
  id: number;
  name: string;
  parent: number | null;
  statement?: string | null;
  assets?: unknown;
  receivable?: unknown;
  payable?: unknown;
  revenue?: unknown;
  expense?: unknown;
  stock?: unknown;
}

export const ACCOUNT_TYPE_FIELDS = ['name', 'parent', 'statement', 'assets', 'receivable', 'payable', 'revenue', 'expense', 'stock'];

const BY_NAME: [RegExp, AccountType][] = [
  [/asset/i, 'Asset'],
  [/liabilit/i, 'Liability'],
  [/equity|capital/i, 'Equity'],
  [/revenue|income/i, 'Income'],
  [/expense/i, 'Expense'],
];

function ownKind(t: TrytonAccountType): AccountType | undefined {
  if (truthy(t.revenue)) return 'Income';
  if (truthy(t.expense)) return 'Expense';
  if (truthy(t.receivable) || truthy(t.assets) || truthy(t.stock)) return 'Asset';
  if (truthy(t.payable)) return 'Liability';
  return BY_NAME.find(([re]) => re.test(t.name))?.[1];
}

/**
 * Tryton's account types form a tree (Asset > Current > Receivable, ...) with kind flags
 * (receivable, payable, revenue, expense, assets, stock) but no "liability" or "equity" flag. This
 * resolves each type to the unified AccountType (flags first, then the names up the tree) and to a
 * dotted category path without the chart's root ("Asset.Current.Receivable").
 */
export class AccountTypeTree {
  private readonly byId = new Map<number, TrytonAccountType>();

  constructor(types: TrytonAccountType[]) {
    for (const t of types) this.byId.set(t.id, t);
  }

  get(id: number | undefined): TrytonAccountType | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The types below the chart roots, in id order: the choices for a new account. */
  leaves(): TrytonAccountType[] {
    return [...this.byId.values()].filter((t) => t.parent !== null).sort((a, b) => a.id - b.id);
  }

  kind(id: number | undefined): AccountType {
    for (let t = this.get(id); t; t = this.get(m2o(t.parent))) {
      if (t.parent === null) break; // the chart's root type says nothing
      const k = ownKind(t);
      if (k) return k;
    }
    const t = this.get(id);
    return t?.statement === 'income' ? 'Income' : 'Unknown';
  }

  path(id: number | undefined): string | undefined {
    const names: string[] = [];
    for (let t = this.get(id); t && t.parent !== null; t = this.get(m2o(t.parent))) names.unshift(t.name);
    return names.length ? names.join('.') : undefined;
  }

  /** The type a path names (case-insensitive), as offered in options. */
  byPath(path: string): TrytonAccountType | undefined {
    const want = path.trim().toLowerCase();
    return this.leaves().find((t) => this.path(t.id)?.toLowerCase() === want);
  }

  /** A type for a unified AccountType when no category was given: the flagged kind first, never receivable/payable. */
  forKind(kind: AccountType): TrytonAccountType | undefined {
    const usable = this.leaves().filter((t) => !truthy(t.receivable) && !truthy(t.payable) && this.kind(t.id) === kind);
    const flag = kind === 'Income' ? 'revenue' : kind === 'Expense' ? 'expense' : kind === 'Asset' ? 'assets' : undefined;
    return (flag && usable.find((t) => truthy(t[flag]))) || usable[0];
  }
}

export const ACCOUNT_FIELDS = ['code', 'name', 'note', 'type', 'active', 'closed', 'balance', 'currency.code', 'write_date', 'create_date'];

/** Lines of an account note that are Ledgerlink's idempotency markers, hidden from `description`. */
export const MARKER_PREFIX = 'ledgerlink:push:';
export const stripMarkers = (note: unknown): string | undefined =>
  text(
    String(note ?? '')
      .split('\n')
      .filter((l) => !l.startsWith(MARKER_PREFIX))
      .join('\n')
      .trim(),
  );

/** `account.account` → Account. `bankAccountIds`: accounts a payment method books to. */
export function mapAccount(row: Record<string, unknown>, types: AccountTypeTree, bankAccountIds: Set<number>): Account {
  const id = row['id'] as number;
  const category = types.path(m2o(row['type']));
  const name = text(row['name']);
  return {
    id: String(id),
    nominalCode: text(row['code']),
    name,
    description: stripMarkers(row['note']),
    fullyQualifiedCategory: category,
    fullyQualifiedName: category && name ? `${category}.${name}` : name,
    currency: text(related(row, 'currency')?.['code']),
    currentBalance: toNumber(row['balance']) ?? 0,
    type: types.kind(m2o(row['type'])),
    status: row['active'] === false || row['active'] === 0 || truthy(row['closed']) ? 'Archived' : 'Active',
    isBankAccount: bankAccountIds.has(id),
    sourceModifiedDate: modifiedAt(row),
  };
}
