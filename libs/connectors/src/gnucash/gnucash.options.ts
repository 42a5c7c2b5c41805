import type { PushOption, PushOptionChoice, PushOptionProperty, PushOptionType, SupportedDataType } from '@ledgerlink/models';
import { ConnectorNotSupportedError } from '../connector';
import { type Db, bookRoots, str } from './gnucash.book';
import { ACCOUNT_KINDS } from './gnucash.mapping';
import { PATHS_CTE, all } from './gnucash.query';
import { CREATABLE } from './gnucash.write';

type Props = Record<string, PushOptionProperty>;

const prop = (type: PushOptionType, displayName: string, description: string, required = false, extra: Partial<PushOptionProperty> = {}): PushOptionProperty => ({
  type,
  displayName,
  description,
  required,
  ...extra,
});
const choice = (value: string, displayName = value, description?: string): PushOptionChoice => ({ value, type: 'String', displayName, required: false, ...(description ? { description } : {}) });
const object = (displayName: string, description: string, required: boolean, properties: Props): PushOptionProperty => prop('Object', displayName, description, required, { properties });
const ref = (displayName: string, description: string, required: boolean, options: PushOptionChoice[]) =>
  object(displayName, description, required, { id: prop('String', 'Id', `The GnuCash guid of the ${displayName.toLowerCase()}.`, required, { options }) });

/** What the book offers to choose from: accounts by type, currencies, customers, vendors, tax tables. */
function bookChoices(db: Db) {
  const accounts = all(db, `WITH RECURSIVE ${PATHS_CTE} SELECT a.guid, a.account_type, a.placeholder, p.path FROM paths p JOIN accounts a ON a.guid = p.guid ORDER BY p.path`, {
    root: bookRoots(db).root,
  });
  const accountChoices = (types?: string[]) =>
    accounts
      .filter((a) => !Number(a['placeholder']) && (!types || types.includes(str(a['account_type']))))
      .map((a) => choice(str(a['guid']), str(a['path']), `GnuCash ${str(a['account_type'])} account`));
  const named = (sql: string) => all(db, sql).map((r) => choice(str(r['guid']), str(r['name']), r['id'] ? `GnuCash id ${str(r['id'])}` : undefined));
  return {
    accounts: accountChoices,
    parents: accounts.map((a) => choice(str(a['path']), str(a['path']), `an existing ${str(a['account_type'])} account`)),
    currencies: all(db, "SELECT mnemonic, fullname FROM commodities WHERE namespace = 'CURRENCY' ORDER BY mnemonic").map((c) => choice(str(c['mnemonic']), str(c['fullname']) || str(c['mnemonic']))),
    customers: () => named('SELECT guid, name, id FROM customers WHERE active = 1 ORDER BY name'),
    vendors: () => named('SELECT guid, name, id FROM vendors WHERE active = 1 ORDER BY name'),
    taxTables: () => named('SELECT guid, name, NULL AS id FROM taxtables WHERE parent IS NULL AND invisible = 0 ORDER BY name'),
  };
}

type Choices = ReturnType<typeof bookChoices>;

const status = (values: string[], description: string) => prop('String', 'Status', description, false, { options: values.map((v) => choice(v)) });

function address(withDelivery: boolean): PushOptionProperty {
  const types = withDelivery ? ['Billing', 'Delivery'] : ['Billing'];
  return prop('Array', 'Addresses', 'GnuCash keeps four free-text address lines: line1, line2, "postalCode city", "region, country".', false, {
    properties: {
      type: prop('String', 'Type', 'Which address of the party.', true, { options: types.map((t) => choice(t)) }),
      line1: prop('String', 'Line 1', 'First address line.'),
      line2: prop('String', 'Line 2', 'Second address line.'),
      city: prop('String', 'City', 'Written on the third line, after the postal code.'),
      postalCode: prop('String', 'Postal code', 'Written on the third line.'),
      region: prop('String', 'Region', 'Written on the fourth line.'),
      country: prop('String', 'Country', 'Written on the fourth line, after the region.'),
    },
  });
}

function party(c: Choices, nameField: string, label: string, withDelivery: boolean): Props {
  return {
    [nameField]: prop('String', `${label} name`, `The ${label.toLowerCase()}'s name. GnuCash numbers it from the book's counter (000001, …).`, true),
    contactName: prop('String', 'Contact name', 'Name on the billing address; defaults to the party name.'),
    emailAddress: prop('String', 'Email address', 'Billing address e-mail.'),
    phone: prop('String', 'Phone', 'Billing address phone.'),
    defaultCurrency: prop('String', 'Currency', "The party's currency; its invoices use it. Defaults to the book's main currency.", false, { options: c.currencies }),
    addresses: address(withDelivery),
    status: status(['Active', 'Archived'], 'Archived creates an inactive party.'),
  };
}

function documentProps(c: Choices, invoice: boolean): Props {
  const lineAccounts = invoice ? c.accounts(['INCOME']) : c.accounts(['EXPENSE', 'ASSET', 'LIABILITY']);
  const line: Props = {
    description: prop('String', 'Description', 'What the line is for.'),
    quantity: prop('Number', 'Quantity', 'Quantity, any number of decimals (stored exactly).', true),
    unitAmount: prop('Number', 'Unit price', 'Net price per unit (GnuCash lines are written tax-exclusive).', true),
    accountRef: ref('Account', `The ${invoice ? 'income' : 'expense'} account of the line (not an A/R or A/P account).`, true, lineAccounts),
    taxRateRef: ref('Tax rate', 'A GnuCash tax table; omit for an untaxed line. GnuCash computes the tax.', false, c.taxTables()),
  };
  if (invoice) line['discountAmount'] = prop('Number', 'Discount', 'An amount taken off the line before tax.');
  const open = invoice ? 'Submitted' : 'Open';
  return {
    [invoice ? 'customerRef' : 'supplierRef']: ref(invoice ? 'Customer' : 'Supplier', 'Who the document is for.', true, invoice ? c.customers() : c.vendors()),
    [invoice ? 'invoiceNumber' : 'reference']: prop('String', invoice ? 'Invoice number' : 'Bill number', "Unique; defaults to the book's next number."),
    issueDate: prop('DateTime', 'Issue date', 'The date the document is opened and posted (calendar date, time zone ignored).', true),
    dueDate: prop('DateTime', 'Due date', 'Defaults to the issue date.'),
    currency: prop('String', 'Currency', "Must be the party's currency (GnuCash requires it).", false, { options: c.currencies }),
    note: prop('String', 'Note', 'Notes of the document.'),
    status: status(['Draft', open], `${open} (default) posts the document to ${invoice ? 'A/Receivable' : 'A/Payable'}; Draft leaves it unposted.`),
    lineItems: prop('Array', 'Line items', 'At least one line.', true, { properties: line }),
    totalAmount: prop('Number', 'Total', 'Optional check: rejected unless it equals the total GnuCash computes.'),
  };
}

function accountProps(c: Choices): Props {
  const kinds = ACCOUNT_KINDS.filter((k) => k.creatable).map((k) => choice(k.category, k.label, `GnuCash account type ${k.gnucash}`));
  return {
    name: prop('String', 'Name', "The account's name (no ':').", true),
    fullyQualifiedName: prop('String', 'Full name', "'Parent:…:Name' places the account under an existing account (listed); omit for a top-level account.", false, { options: c.parents }),
    nominalCode: prop('String', 'Code', 'The account code; must be unique in the book.'),
    description: prop('String', 'Description', "The account's description."),
    fullyQualifiedCategory: prop('String', 'Account type', 'The GnuCash account type. Must fit the parent (assets and liabilities, income and expenses, equity).', true, { options: kinds }),
    currency: prop('String', 'Currency', "Defaults to the parent's currency.", false, { options: c.currencies }),
    status: status(['Active', 'Archived'], 'Archived creates a hidden account.'),
  };
}

function journalProps(c: Choices): Props {
  return {
    description: prop('String', 'Description', 'The transaction description.'),
    postedOn: prop('DateTime', 'Posted on', 'The posting date (calendar date); defaults to today.'),
    journalLines: prop('Array', 'Lines', 'At least two lines; debits must equal credits; all accounts in one currency.', true, {
      properties: {
        netAmount: prop('Number', 'Amount', 'Debit positive, credit negative; at most the currency’s decimals.', true),
        accountRef: ref('Account', 'The account of the line.', true, c.accounts()),
        description: prop('String', 'Memo', 'The split memo.'),
        currency: prop('String', 'Currency', "Optional check: the account's currency.", false, { options: c.currencies }),
      },
    }),
  };
}

const TITLES: Record<string, [string, string]> = {
  chartOfAccounts: ['Account', 'An account in the GnuCash account tree.'],
  customers: ['Customer', 'A GnuCash customer.'],
  suppliers: ['Supplier', 'A GnuCash vendor.'],
  invoices: ['Invoice', 'A GnuCash customer invoice.'],
  bills: ['Bill', 'A GnuCash vendor bill.'],
  journalEntries: ['Journal entry', 'A GnuCash transaction.'],
};

export function buildOptions(db: Db, dataType: SupportedDataType, operation: 'Create' | 'Update'): PushOption {
  if (operation !== 'Create' || !(CREATABLE as string[]).includes(dataType)) {
    throw new ConnectorNotSupportedError(`GnuCash: ${operation} of ${dataType} is not supported.`);
  }
  const c = bookChoices(db);
  const properties: Record<string, () => Props> = {
    chartOfAccounts: () => accountProps(c),
    customers: () => party(c, 'customerName', 'Customer', true),
    suppliers: () => party(c, 'supplierName', 'Supplier', false),
    invoices: () => documentProps(c, true),
    bills: () => documentProps(c, false),
    journalEntries: () => journalProps(c),
  };
  const [displayName, description] = TITLES[dataType];
  return { type: 'Object', displayName, description, required: true, properties: properties[dataType]() };
}
