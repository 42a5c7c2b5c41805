import type { Address, CompanyInfo, Customer, Supplier } from '@ledgerlink/models';
import { m2o, modifiedAt, related, text, toIsoDate, toIsoDateTime, truthy } from './tryton.values';

export const PARTY_FIELDS = ['name', 'active', 'email', 'phone', 'tax_identifier.code', 'write_date', 'create_date'];
export const ADDRESS_FIELDS = ['party', 'street', 'city', 'postal_code', 'country.code', 'subdivision.name', 'invoice', 'sequence'];
export const CONTACT_FIELDS = ['party', 'type', 'value'];

/** `party.address` rows of one party, in Tryton's order (sequence, id). */
export function mapAddresses(rows: Record<string, unknown>[]): Address[] {
  const ordered = [...rows].sort(
    (a, b) => ((a['sequence'] as number) ?? -1) - ((b['sequence'] as number) ?? -1) || (a['id'] as number) - (b['id'] as number),
  );
  // Tryton invoices a party at its first address flagged "invoice", else at its first address.
  const billing = ordered.find((a) => truthy(a['invoice'])) ?? ordered[0];
  return ordered.map((a) => {
    const [line1, ...rest] = String(a['street'] ?? '').split('\n');
    const address: Address = {
      type: a === billing ? 'Billing' : 'Unknown',
      line1: text(line1),
      line2: text(rest.join(', ')),
      city: text(a['city']),
      region: text(related(a, 'subdivision')?.['name']),
      country: text(related(a, 'country')?.['code']),
      postalCode: text(a['postal_code']),
    };
    return dropUndefined(address);
  }).filter((a) => Object.keys(a).length > 1);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function partyCommon(row: Record<string, unknown>, addresses: Address[]) {
  return {
    id: String(row['id']),
    emailAddress: text(row['email']),
    phone: text(row['phone']),
    taxNumber: text(related(row, 'tax_identifier')?.['code']),
    addresses,
    status: row['active'] === false || row['active'] === 0 ? ('Archived' as const) : ('Active' as const),
    sourceModifiedDate: modifiedAt(row),
  };
}

export function mapCustomer(row: Record<string, unknown>, addresses: Address[]): Customer {
  return dropUndefined({ ...partyCommon(row, addresses), customerName: text(row['name']) });
}

export function mapSupplier(row: Record<string, unknown>, addresses: Address[]): Supplier {
  return dropUndefined({ ...partyCommon(row, addresses), supplierName: text(row['name']) });
}

const PHONE_TYPES: Record<string, string> = { phone: 'Landline', mobile: 'Mobile', fax: 'Fax' };

/** company.company + its party (name, addresses, contact mechanisms) + the current fiscal year. */
export function mapCompany(input: {
  company: Record<string, unknown>;
  party: Record<string, unknown>;
  addresses: Address[];
  contacts: Record<string, unknown>[];
  fiscalYearStart?: unknown;
}): CompanyInfo {
  const { company, party, addresses, contacts, fiscalYearStart } = input;
  const phones = contacts.filter((c) => PHONE_TYPES[String(c['type'])]);
  const sites = contacts.filter((c) => c['type'] === 'website');
  return dropUndefined({
    companyName: text(party['name']),
    companyLegalName: text(party['name']),
    accountingPlatformRef: m2o(company['id']) === undefined ? undefined : String(company['id']),
    addresses,
    phoneNumbers: phones.map((c) => ({ number: String(c['value']), type: PHONE_TYPES[String(c['type'])] })),
    webLinks: sites.map((c) => ({ type: 'Website' as const, url: String(c['value']) })),
    taxNumber: text(related(party, 'tax_identifier')?.['code']),
    baseCurrency: text(related(company, 'currency')?.['code']),
    financialYearStartDate: toIsoDate(fiscalYearStart),
    createdDate: toIsoDateTime(company['create_date']),
  });
}
