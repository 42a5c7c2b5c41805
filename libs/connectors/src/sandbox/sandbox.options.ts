import type { PushOption, PushOptionChoice, PushOptionProperty, PushOptionType, SupportedDataType } from '@ledgerlink/models';
import { type ConnectorStore, ConnectorNotSupportedError, type UnifiedRecord } from '../connector';
import type { Books } from './books/books';
import { ACCOUNT_CATEGORIES, ACCOUNTS, TAX_REFS } from './books/chart';
import { generatedRecord } from './generators';
import { canWrite } from './sandbox.features';
import { isDeleted } from './sandbox.read';

type Props = Record<string, PushOptionProperty>;

const prop = (type: PushOptionType, displayName: string, description: string, required = false, extra: Partial<PushOptionProperty> = {}): PushOptionProperty => ({
  type,
  displayName,
  description,
  required,
  ...extra,
});
const choice = (value: string, displayName: string, description?: string): PushOptionChoice => ({ value, type: 'String', displayName, required: false, ...(description && { description }) });
const maxLength = (field: string, n: number) => ({ warnings: [{ field, details: `Max length of ${n} characters.` }], information: [] });
const refTo = (what: string, options: PushOptionChoice[], required: boolean, info?: string): PushOptionProperty =>
  prop('Object', what, `Reference to the ${what.toLowerCase()}.`, required, {
    properties: { id: prop('String', 'Id', `Id of an existing ${what.toLowerCase()}.`, true, { options, ...(info && { validation: { information: [{ field: 'Id', details: info }] } }) }) },
  });

const CURRENCIES = [choice('GBP', 'Pound sterling', 'The company base currency'), choice('EUR', 'Euro'), choice('USD', 'US dollar')];
const currency = prop('String', 'Currency', 'ISO 4217 currency code; GBP when absent.', false, { options: CURRENCIES });

/** The books the options are built from: accounts (fixed chart plus created ones), first contacts. */
async function accounts(store: ConnectorStore | undefined): Promise<UnifiedRecord[]> {
  const created: UnifiedRecord[] = [];
  if (store) for await (const page of store.list('chartOfAccounts', 500)) created.push(...page.filter((r) => !isDeleted(r)));
  return [...(ACCOUNTS as unknown as UnifiedRecord[]), ...created];
}

const accountChoices = (list: UnifiedRecord[], prefix: string) =>
  list.filter((a) => String(a['fullyQualifiedCategory']).startsWith(prefix)).map((a) => choice(a.id as string, `${a['nominalCode']} ${a['name']}`, String(a['fullyQualifiedCategory'])));

async function contactChoices(books: Books, store: ConnectorStore | undefined, dataType: 'customers' | 'suppliers'): Promise<PushOptionChoice[]> {
  const nameField = dataType === 'customers' ? 'customerName' : 'supplierName';
  const out: PushOptionChoice[] = [];
  const count = dataType === 'customers' ? books.counts.customers : books.counts.suppliers;
  for (let i = 1; i <= Math.min(50, count); i++) {
    const id = `${dataType === 'customers' ? 'cus' : 'sup'}-${String(i).padStart(6, '0')}`;
    const stored = await store?.get(dataType, id);
    const r = stored ?? generatedRecord(books, dataType, id);
    if (r && !isDeleted(r) && r['status'] !== 'Archived') out.push(choice(id, String(r[nameField])));
  }
  return out;
}

const taxChoices = () => TAX_REFS.map((t) => choice(t.id, t.name, `${t.effectiveTaxRate}%`));

function contact(kind: 'customers' | 'suppliers'): Props {
  const nameField = kind === 'customers' ? 'customerName' : 'supplierName';
  const label = kind === 'customers' ? 'Customer' : 'Supplier';
  return {
    [nameField]: prop('String', `${label} Name`, `Name of the ${label.toLowerCase()} as it appears on documents.`, true, { validation: maxLength(nameField, 100) }),
    contactName: prop('String', 'Contact Name', 'Main contact person.'),
    emailAddress: prop('String', 'Email Address', 'Email address of the main contact.'),
    phone: prop('String', 'Phone', 'Phone number of the main contact.'),
    defaultCurrency: { ...currency, displayName: 'Default Currency' },
    registrationNumber: prop('String', 'Registration Number', 'Company registration number.'),
    taxNumber: prop('String', 'Tax Number', 'VAT registration number.'),
    addresses: prop('Array', 'Addresses', 'Postal addresses.', false, {
      properties: {
        type: prop('String', 'Type', 'Kind of address.', true, { options: [choice('Billing', 'Billing'), choice('Delivery', 'Delivery'), choice('Unknown', 'Unknown')] }),
        line1: prop('String', 'Line 1', 'First address line.'),
        line2: prop('String', 'Line 2', 'Second address line.'),
        city: prop('String', 'City', 'Town or city.'),
        region: prop('String', 'Region', 'County or region.'),
        country: prop('String', 'Country', 'Country name.'),
        postalCode: prop('String', 'Postal Code', 'Postcode.'),
      },
    }),
    status: prop('String', 'Status', 'Whether the contact is in use; Active when absent.', false, { options: [choice('Active', 'Active'), choice('Archived', 'Archived')] }),
  };
}

function document(kind: 'invoices' | 'bills', op: 'Create' | 'Update', parties: PushOptionChoice[], lineAccounts: PushOptionChoice[]): Props {
  const invoice = kind === 'invoices';
  const open = invoice ? 'Submitted' : 'Open';
  const statuses = [choice('Draft', 'Draft'), choice(open, open), ...(op === 'Update' ? [choice('Void', 'Void')] : [])];
  const computed = 'Computed from the line items when absent; when sent it must match them.';
  return {
    [invoice ? 'invoiceNumber' : 'reference']: prop('String', invoice ? 'Invoice Number' : 'Reference', invoice ? 'Invoice number; generated when absent.' : "The supplier's invoice reference.", false, {
      validation: maxLength(invoice ? 'InvoiceNumber' : 'Reference', 20),
    }),
    [invoice ? 'customerRef' : 'supplierRef']: refTo(invoice ? 'Customer' : 'Supplier', parties, true, 'Any existing id is accepted; the first 50 are listed.'),
    issueDate: prop('DateTime', 'Issue Date', 'Date the document was issued.', true),
    dueDate: prop('DateTime', 'Due Date', 'Date payment is due.'),
    currency,
    status: prop('String', 'Status', `Draft or ${open} (Void on update). Paid and PartiallyPaid follow from payments.`, false, { options: statuses }),
    note: prop('String', 'Note', 'Free text note.'),
    lineItems: prop('Array', 'Line Items', 'At least one line.', true, {
      properties: {
        description: prop('String', 'Description', 'What the line is for.'),
        unitAmount: prop('Number', 'Unit Amount', 'Price of one unit, before tax.', true),
        quantity: prop('Number', 'Quantity', 'Number of units (greater than 0).', true),
        discountAmount: prop('Number', 'Discount Amount', 'Discount taken off the line, before tax.'),
        taxAmount: prop('Number', 'Tax Amount', 'Tax on the line; computed from the tax rate when absent.'),
        accountRef: refTo('Account', lineAccounts, false),
        taxRateRef: refTo('Tax Rate', taxChoices(), false),
      },
    }),
    subTotal: prop('Number', 'Sub Total', computed),
    [invoice ? 'totalTaxAmount' : 'taxAmount']: prop('Number', 'Tax Amount', computed),
    totalAmount: prop('Number', 'Total Amount', computed, false, { validation: { information: [{ field: 'TotalAmount', details: 'subTotal + tax = totalAmount, to the penny.' }] } }),
  };
}

function payment(kind: 'payments' | 'billPayments', parties: PushOptionChoice[], banks: PushOptionChoice[]): Props {
  const invoice = kind === 'payments';
  const doc = invoice ? 'Invoice' : 'Bill';
  return {
    date: prop('DateTime', 'Date', 'Date of the payment.', true),
    [invoice ? 'customerRef' : 'supplierRef']: refTo(invoice ? 'Customer' : 'Supplier', parties, true, 'Any existing id is accepted; the first 50 are listed.'),
    accountRef: refTo('Account', banks, false, 'A bank account; the business current account when absent.'),
    totalAmount: prop('Number', 'Total Amount', 'Sum of the line amounts; computed when absent.'),
    currency,
    reference: prop('String', 'Reference', 'Payment reference.'),
    note: prop('String', 'Note', 'Free text note.'),
    lines: prop('Array', 'Lines', 'How the payment is allocated.', true, {
      properties: {
        amount: prop('Number', 'Amount', 'Amount of the line (greater than 0).', true),
        allocatedOnDate: prop('DateTime', 'Allocated On', 'Date of the allocation; the payment date when absent.'),
        links: prop('Array', 'Links', `What the line pays: each ${doc} link carries the amount with the opposite sign.`, true, {
          properties: {
            type: prop('String', 'Type', 'Kind of link.', true, { options: [choice(doc, doc), choice('PaymentOnAccount', 'Payment on account')] }),
            id: prop('String', 'Id', `Id of the ${doc.toLowerCase()} (${doc} links).`, false),
            amount: prop('Number', 'Amount', `Negative of the amount allocated (paying ${doc.toLowerCase()} X: line amount X, link amount −X).`, true),
          },
          validation: { warnings: [{ field: 'Links', details: `A ${doc} link may not pay more than the ${doc.toLowerCase()}'s amount due.` }], information: [] },
        }),
      },
    }),
  };
}

function account(): Props {
  return {
    nominalCode: prop('String', 'Nominal Code', 'Identifier for the nominal account.', true, { validation: maxLength('NominalCode', 10) }),
    name: prop('String', 'Name', 'Name of the account.', true, { validation: maxLength('Name', 150) }),
    description: prop('String', 'Description', 'What the account is used for.'),
    fullyQualifiedCategory: prop('String', 'Fully Qualified Category', 'Category of the account; its type follows from it.', true, {
      options: Object.entries(ACCOUNT_CATEGORIES).map(([value, name]) => choice(value, name)),
    }),
    currency,
  };
}

function journal(all: PushOptionChoice[]): Props {
  return {
    description: prop('String', 'Description', 'What the journal entry is for.'),
    postedOn: prop('DateTime', 'Posted On', 'Date the entry is posted; today when absent.'),
    currency,
    journalLines: prop('Array', 'Journal Lines', 'At least two lines.', true, {
      properties: {
        netAmount: prop('Number', 'Net Amount', 'Debit positive, credit negative.', true),
        description: prop('String', 'Description', 'What the line is for.'),
        accountRef: refTo('Account', all, true),
      },
      validation: { warnings: [{ field: 'JournalLines', details: 'Net amounts must add up to zero.' }], information: [] },
    }),
  };
}

const ROOT: Record<string, [string, string]> = {
  chartOfAccounts: ['Nominal Account', 'Nominal Accounts are the categories a business uses to record transactions'],
  customers: ['Customer', 'A person or organisation that buys goods or services'],
  suppliers: ['Supplier', 'A person or organisation that provides goods or services'],
  invoices: ['Invoice', 'An itemised record of goods sold or services provided'],
  bills: ['Bill', 'An itemised record of goods or services purchased from a supplier'],
  payments: ['Payment', 'Money received from a customer, allocated to invoices'],
  billPayments: ['Bill Payment', 'Money paid to a supplier, allocated to bills'],
  journalEntries: ['Journal Entry', 'A balanced set of debits and credits'],
};

/** The PushOption model for a create or update, with choices taken from the connected books. */
export async function buildOptions(books: Books, store: ConnectorStore | undefined, dataType: SupportedDataType, op: 'Create' | 'Update'): Promise<PushOption> {
  if (!canWrite(dataType, op) || !ROOT[dataType]) throw new ConnectorNotSupportedError(`The sandbox does not support ${op} for ${dataType}`);
  const list = await accounts(store);
  let properties: Props;
  switch (dataType) {
    case 'chartOfAccounts':
      properties = account();
      break;
    case 'customers':
    case 'suppliers':
      properties = contact(dataType);
      break;
    case 'invoices':
      properties = document('invoices', op, await contactChoices(books, store, 'customers'), accountChoices(list, 'Income.'));
      break;
    case 'bills':
      properties = document('bills', op, await contactChoices(books, store, 'suppliers'), accountChoices(list, 'Expense.'));
      break;
    case 'payments':
      properties = payment('payments', await contactChoices(books, store, 'customers'), accountChoices(list, 'Asset.Bank'));
      break;
    case 'billPayments':
      properties = payment('billPayments', await contactChoices(books, store, 'suppliers'), accountChoices(list, 'Asset.Bank'));
      break;
    default:
      properties = journal(accountChoices(list, ''));
  }
  const [displayName, description] = ROOT[dataType];
  return { type: 'Object', displayName, description, required: true, properties };
}
