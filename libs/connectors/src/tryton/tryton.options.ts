import type { PushOption, PushOptionChoice, PushOptionProperty, PushOptionType, SupportedDataType } from '@ledgerlink/models';
import { ACCOUNT_TYPES } from '@ledgerlink/models';
import { ConnectorNotSupportedError } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { percent } from './tryton.map-invoices';
import { partyRoles, type PartyRole } from './tryton.roles';
import { related, text } from './tryton.values';

/** Choice lists are capped; ids beyond the cap are still accepted on write. */
export const CHOICE_LIMIT = 500;

type Props = Record<string, PushOptionProperty>;

function prop(type: PushOptionType, displayName: string, description: string, required = false, extra: Partial<PushOptionProperty> = {}): PushOptionProperty {
  return { type, displayName, description, required, ...extra };
}

const choice = (value: string, displayName: string, description?: string): PushOptionChoice => ({
  value,
  type: 'String',
  displayName,
  required: false,
  ...(description ? { description } : {}),
});

const capped = (n: number) =>
  n >= CHOICE_LIMIT ? { validation: { information: [{ details: `Only the first ${CHOICE_LIMIT} choices are listed; any id from Tryton is accepted.` }] } } : {};

async function partyChoices(books: TrytonBooks, role: PartyRole): Promise<PushOptionChoice[]> {
  const own = await books.companyPartyIds();
  const rows = await books.client.searchRead('party.party', [['id', 'not in', own]], ['name', 'code'], { limit: CHOICE_LIMIT, order: [['name', 'ASC']] });
  const roles = await partyRoles(books, rows.map((r) => r['id'] as number));
  return rows.filter((r) => roles.get(r['id'] as number)?.has(role)).map((r) => choice(String(r['id']), String(r['name']), `Party code ${r['code']}`));
}

async function accountChoices(books: TrytonBooks, domain: unknown[]): Promise<PushOptionChoice[]> {
  const { id } = await books.company();
  const rows = await books.client.searchRead('account.account', [['company', '=', id], ['closed', '!=', true], ...domain], ['name', 'code'], {
    limit: CHOICE_LIMIT,
    order: [['code', 'ASC'], ['name', 'ASC']],
  });
  return rows.map((r) => choice(String(r['id']), [text(r['code']), r['name']].filter(Boolean).join(' ')));
}

async function taxChoices(books: TrytonBooks): Promise<PushOptionChoice[]> {
  const { id } = await books.company();
  const rows = await books.client.searchRead('account.tax', [['company', '=', id], ['parent', '=', null]], ['name', 'type', 'rate'], { limit: CHOICE_LIMIT });
  return rows.map((r) => choice(String(r['id']), String(r['name']), r['type'] === 'percentage' ? `${percent(r['rate'])}%` : String(r['type'])));
}

async function currencyChoices(books: TrytonBooks): Promise<PushOptionChoice[]> {
  const rows = await books.client.searchRead('currency.currency', [], ['code', 'name'], { order: [['code', 'ASC']] });
  return rows.map((r) => choice(String(r['code']), String(r['name'])));
}

const status = (values: string[]) => values.map((v) => choice(v, v));

function addressProps(countries: PushOptionChoice[]): PushOptionProperty {
  return prop('Array', 'Addresses', 'Postal addresses; the first is the one Tryton invoices to.', false, {
    properties: {
      type: prop('String', 'Type', 'Billing, Delivery or Unknown (Tryton keeps addresses untyped; the first is the invoice address).', false, {
        options: status(['Billing', 'Delivery', 'Unknown']),
      }),
      line1: prop('String', 'Line 1', 'First line of the street.'),
      line2: prop('String', 'Line 2', 'Further street lines.'),
      city: prop('String', 'City', 'City.'),
      postalCode: prop('String', 'Postal code', 'Postal code.'),
      country: prop('String', 'Country', 'ISO 3166 alpha-2 code of a country loaded in Tryton.', false, {
        options: countries,
        ...(countries.length ? {} : { validation: { warnings: [{ field: 'country', details: 'No countries are loaded in this Tryton database.' }] } }),
      }),
    },
  });
}

async function partyOption(books: TrytonBooks, kind: 'customers' | 'suppliers', op: 'Create' | 'Update'): Promise<PushOption> {
  const nameKey = kind === 'customers' ? 'customerName' : 'supplierName';
  const countries = (await books.client.searchRead('country.country', [], ['code', 'name'], { order: [['code', 'ASC']] })).map((r) =>
    choice(String(r['code']), String(r['name'])),
  );
  const label = kind === 'customers' ? 'Customer' : 'Supplier';
  return {
    type: 'Object',
    displayName: label,
    description: `A Tryton party${op === 'Create' ? `, put in the party category "${label}"` : ''}. Only the fields sent are changed on update.`,
    required: true,
    properties: {
      [nameKey]: prop('String', 'Name', 'The party name.', op === 'Create'),
      emailAddress: prop('String', 'Email', 'Stored as an e-mail contact mechanism.'),
      phone: prop('String', 'Phone', 'Stored as a phone contact mechanism.'),
      addresses: addressProps(countries),
      status: prop('String', 'Status', 'Archived deactivates the party.', false, { options: status(['Active', 'Archived']) }),
    },
  };
}

async function documentOption(books: TrytonBooks, kind: 'invoices' | 'bills', op: 'Create' | 'Update'): Promise<PushOption> {
  const isInvoice = kind === 'invoices';
  const [parties, accounts, taxes, currencies] = await Promise.all([
    partyChoices(books, isInvoice ? 'customer' : 'supplier'),
    accountChoices(books, [[isInvoice ? 'type.revenue' : 'type.expense', '=', true]]),
    taxChoices(books),
    currencyChoices(books),
  ]);
  const creating = op === 'Create';
  const partyKey = isInvoice ? 'customerRef' : 'supplierRef';
  const props: Props = {
    [partyKey]: prop('Object', isInvoice ? 'Customer' : 'Supplier', 'The party invoiced.', creating, {
      properties: { id: prop('String', 'Id', 'Tryton party id.', true, { options: parties, ...capped(parties.length) }) },
    }),
    issueDate: prop('DateTime', 'Issue date', 'The invoice date (YYYY-MM-DD); it must fall in an open fiscal period.', creating),
    dueDate: prop('DateTime', 'Due date', "Sets a single due date; without it the party's payment term (or the posting date) applies."),
    currency: prop('String', 'Currency', "ISO 4217 code; defaults to the company's currency.", false, { options: currencies }),
    note: prop('String', 'Note', isInvoice ? 'Printed as the invoice comment.' : 'Stored as the bill comment.'),
    lineItems: prop('Array', 'Lines', creating ? 'At least one line.' : 'When sent, replaces every line.', creating, {
      properties: {
        description: prop('String', 'Description', 'Line text.'),
        quantity: prop('Number', 'Quantity', 'Quantity.', true),
        unitAmount: prop('Number', 'Unit price', 'Price per unit, before tax.', true),
        accountRef: prop('Object', 'Account', isInvoice ? 'A revenue account.' : 'An expense account.', true, {
          properties: { id: prop('String', 'Id', 'Tryton account id.', true, { options: accounts, ...capped(accounts.length) }) },
        }),
        taxRateRef: prop('Object', 'Tax', 'A tax applied to the line.', false, {
          properties: { id: prop('String', 'Id', 'Tryton tax id.', true, { options: taxes }) },
        }),
      },
    }),
    status: prop('String', 'Status', `Draft keeps it editable; ${isInvoice ? 'Submitted' : 'Open'} posts it.`, false, {
      options: status(['Draft', isInvoice ? 'Submitted' : 'Open']),
    }),
    post: prop('Boolean', 'Post', 'Post the document after creating it (Tryton numbers it; it can no longer be changed or deleted).'),
  };
  if (!isInvoice) props['reference'] = prop('String', 'Reference', "The supplier's bill number.");
  return {
    type: 'Object',
    displayName: isInvoice ? 'Customer invoice' : 'Supplier invoice',
    description: creating ? 'A Tryton invoice, created as a draft unless posted.' : 'Only draft documents can be changed.',
    required: true,
    properties: props,
  };
}

async function paymentOption(books: TrytonBooks, kind: 'payments' | 'billPayments'): Promise<PushOption> {
  const isCustomer = kind === 'payments';
  const { id } = await books.company();
  const methods = await books.client.searchRead('account.invoice.payment.method', [['company', '=', id]], ['name', 'debit_account', 'credit_account', 'debit_account.name', 'credit_account.name']);
  const accountKey = isCustomer ? 'debit_account' : 'credit_account';
  const accounts = methods.map((m) => choice(String(m[accountKey]), String(related(m, accountKey)?.['name'] ?? m[accountKey]), `Payment method ${m['name']}`));
  const linkType = isCustomer ? 'Invoice' : 'Bill';
  return {
    type: 'Object',
    displayName: isCustomer ? 'Customer payment' : 'Supplier payment',
    description: `Pays one posted ${isCustomer ? 'customer invoice' : 'bill'} through Tryton's "Pay invoice" wizard.`,
    required: true,
    properties: {
      date: prop('DateTime', 'Date', 'Payment date (YYYY-MM-DD) in an open fiscal period.', true),
      totalAmount: prop('Number', 'Amount', `Amount paid; at most the ${linkType.toLowerCase()}'s amount due. Less leaves it partially paid.`, true),
      accountRef: prop('Object', 'Account', 'The bank/cash account, one of the payment methods; defaults to the first.', false, {
        properties: { id: prop('String', 'Id', 'Tryton account id.', true, { options: accounts }) },
      }),
      currency: prop('String', 'Currency', "Must be the document's currency."),
      reference: prop('String', 'Reference', 'Stored as the payment move description.'),
      lines: prop('Array', 'Lines', `Exactly one line with one link of type ${linkType}.`, true, {
        properties: {
          amount: prop('Number', 'Amount', 'The amount of the line (the payment amount).', true),
          links: prop('Array', 'Links', `One link: { type: "${linkType}", id }.`, true, {
            properties: {
              type: prop('String', 'Type', 'The linked record type.', true, { options: [choice(linkType, linkType)] }),
              id: prop('String', 'Id', `Tryton id of the posted ${linkType.toLowerCase()}.`, true),
              amount: prop('Number', 'Amount', 'Negative of the amount paid (contract sign convention).'),
            },
          }),
        },
      }),
    },
  };
}

async function accountOption(books: TrytonBooks): Promise<PushOption> {
  const types = await books.accountTypes();
  const categories = types.leaves().map((t) => choice(types.path(t.id) ?? t.name, t.name, `${types.kind(t.id)} (Tryton account type ${t.id})`));
  return {
    type: 'Object',
    displayName: 'Account',
    description: 'A Tryton account in the company chart.',
    required: true,
    properties: {
      name: prop('String', 'Name', 'Account name.', true),
      nominalCode: prop('String', 'Code', 'Account code.'),
      description: prop('String', 'Description', 'Stored as the account note.'),
      fullyQualifiedCategory: prop('String', 'Account type', "One of Tryton's account types; this or type is required.", false, { options: categories }),
      type: prop('String', 'Kind', 'Used when no account type is given: the first Tryton account type of that kind.', false, {
        options: status(ACCOUNT_TYPES.filter((t) => t !== 'Unknown')),
      }),
    },
  };
}

export async function buildOptions(books: TrytonBooks, dataType: SupportedDataType, op: 'Create' | 'Update'): Promise<PushOption> {
  switch (dataType) {
    case 'customers':
    case 'suppliers':
      return partyOption(books, dataType, op);
    case 'invoices':
    case 'bills':
      return documentOption(books, dataType, op);
    case 'payments':
    case 'billPayments':
      if (op === 'Create') return paymentOption(books, dataType);
      break;
    case 'chartOfAccounts':
      if (op === 'Create') return accountOption(books);
      break;
    default:
      break;
  }
  throw new ConnectorNotSupportedError(`Tryton connector does not support ${op} for ${dataType}.`);
}
