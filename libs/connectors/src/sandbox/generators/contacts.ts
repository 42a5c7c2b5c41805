import type { Customer, Supplier } from '@ledgerlink/models';
import { type Books, PREFIX, recordId } from '../books/books';
import { party } from '../books/names';
import { Rng, SALT } from '../books/random';
import { isoInstant } from '../books/time';

function contact(b: Books, i: number, supplier: boolean) {
  const r = new Rng(b.seed, supplier ? SALT.suppliers : SALT.customers, i);
  const p = party(r, supplier);
  return {
    name: p.name,
    contactName: p.contactName,
    emailAddress: p.emailAddress,
    phone: p.phone,
    defaultCurrency: 'GBP',
    registrationNumber: `${r.between(1_000_000, 15_999_999)}`.padStart(8, '0'),
    taxNumber: `GB${r.between(100_000_000, 999_999_999)}`,
    addresses: [{ type: 'Billing' as const, line1: p.line1, city: p.city, postalCode: p.postalCode, country: 'United Kingdom' }],
    status: r.next() < 0.05 ? ('Archived' as const) : ('Active' as const),
    sourceModifiedDate: isoInstant(b.firstDay + r.int(b.anchorDay - b.firstDay), 480 + r.int(600)),
  };
}

export function makeCustomer(b: Books, i: number): Customer {
  const { name, ...rest } = contact(b, i, false);
  return { id: recordId(PREFIX.customers, i), customerName: name, ...rest };
}

export function makeSupplier(b: Books, i: number): Supplier {
  const { name, ...rest } = contact(b, i, true);
  return { id: recordId(PREFIX.suppliers, i), supplierName: name, ...rest };
}
