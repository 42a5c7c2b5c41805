import { AccountTypeTree, ACCOUNT_TYPE_FIELDS, type TrytonAccountType } from './tryton.map-accounts';
import { TAX_FIELDS } from './tryton.map-invoices';
import type { TrytonClient } from './tryton.rpc';
import { m2o, related, text } from './tryton.values';

export interface CompanyFacts {
  id: number;
  partyId: number;
  name: string;
  currencyId: number;
  currencyCode?: string;
  row: Record<string, unknown>;
}

/** Domain clause that lifts Tryton's default `active = True` filter (archived records are read too). */
export const ANY_ACTIVE = ['active', 'in', [true, false]];

/**
 * The connected books: the client plus small, slow-changing lookups (company, account types, taxes,
 * payment-method accounts) cached for the life of one connector instance.
 */
export class TrytonBooks {
  private companyFacts?: Promise<CompanyFacts>;
  private types?: Promise<AccountTypeTree>;
  private bankAccounts?: Promise<Set<number>>;
  private readonly taxCache = new Map<number, Record<string, unknown>>();

  constructor(readonly client: TrytonClient) {}

  company(): Promise<CompanyFacts> {
    this.companyFacts ??= (async () => {
      const ctx = await this.client.context();
      const id = m2o(ctx['company']);
      if (id === undefined) throw new Error(`The Tryton user has no current company.`);
      const [row] = await this.client.read('company.company', [id], ['party', 'party.name', 'currency', 'currency.code', 'create_date']);
      return {
        id,
        partyId: row['party'] as number,
        name: text(related(row, 'party')?.['name']) ?? `Company ${id}`,
        currencyId: row['currency'] as number,
        currencyCode: text(related(row, 'currency')?.['code']),
        row,
      };
    })();
    return this.companyFacts;
  }

  /** Parties that are companies of these books (never listed as customers or suppliers). */
  async companyPartyIds(): Promise<number[]> {
    const rows = await this.client.searchRead<{ party: number }>('company.company', [], ['party']);
    return rows.map((r) => r.party);
  }

  accountTypes(): Promise<AccountTypeTree> {
    this.types ??= (async () => {
      const { id } = await this.company();
      const rows = await this.client.searchRead<TrytonAccountType>('account.account.type', [['company', '=', id]], ACCOUNT_TYPE_FIELDS, {
        order: [['id', 'ASC']],
      });
      return new AccountTypeTree(rows);
    })();
    return this.types;
  }

  /** Accounts that invoice payment methods book to: Tryton's notion of cash/bank accounts. */
  bankAccountIds(): Promise<Set<number>> {
    this.bankAccounts ??= (async () => {
      const rows = await this.client.searchRead('account.invoice.payment.method', [ANY_ACTIVE], ['debit_account', 'credit_account']);
      return new Set(rows.flatMap((r) => [m2o(r['debit_account']), m2o(r['credit_account'])]).filter((n): n is number => n !== undefined));
    })();
    return this.bankAccounts;
  }

  /** Tax rows by id (cached: a book has a handful of taxes, read on demand). */
  async taxes(ids: Iterable<number>): Promise<Map<number, Record<string, unknown>>> {
    const missing = [...new Set(ids)].filter((id) => !this.taxCache.has(id));
    for (const row of await this.client.read('account.tax', missing, TAX_FIELDS)) this.taxCache.set(row['id'] as number, row);
    return this.taxCache;
  }
}
