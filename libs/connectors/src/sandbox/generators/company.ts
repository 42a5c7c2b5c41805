import type { CompanyInfo } from '@ledgerlink/models';
import type { Books } from '../books/books';
import { party } from '../books/names';
import { Rng, SALT } from '../books/random';
import { DAY_MS, isoDay } from '../books/time';

/** The company itself (`GET /data/info`): named from the settings, the rest drawn from the seed. */
export function makeCompany(b: Books): CompanyInfo {
  const r = new Rng(b.seed, SALT.company, 0);
  const p = party(r, false);
  const anchor = new Date(b.anchorDay * DAY_MS);
  const fyYear = anchor.getUTCMonth() >= 3 ? anchor.getUTCFullYear() : anchor.getUTCFullYear() - 1;
  const slug = b.companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'sandbox';
  return {
    companyName: b.companyName,
    companyLegalName: b.companyName,
    accountingPlatformRef: `sandbox-${b.seed}`,
    addresses: [{ type: 'Billing', line1: p.line1, city: p.city, postalCode: p.postalCode, country: 'United Kingdom' }],
    phoneNumbers: [{ number: p.phone, type: 'Landline' }],
    webLinks: [{ type: 'Website', url: `https://${slug}.example` }],
    registrationNumber: String(r.between(1_000_000, 15_999_999)).padStart(8, '0'),
    taxNumber: `GB${r.between(100_000_000, 999_999_999)}`,
    financialYearStartDate: `${fyYear}-04-01T00:00:00Z`,
    baseCurrency: 'GBP',
    createdDate: isoDay(b.firstDay - 365),
  };
}
