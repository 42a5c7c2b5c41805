#!/usr/bin/python3
"""Build a fresh Tryton 6.0 accounting database (SQLite) with known data.

usage: /usr/bin/python3 tools/peers/tryton_setup.py OUT_DIR
Writes OUT_DIR/ledgerlink.sqlite (database "ledgerlink"; user "admin", password "admin") and
nothing else. Serve it with a trytond.conf whose [database] path is the folder holding the file.
Needs Debian's tryton-server, tryton-modules-account-invoice, tryton-modules-party, tryton-proteus.

Known data (currency EUR, company "Ledgerlink Test Company"):
  fiscal year "2026" (2026-01-01..2026-12-31, monthly periods); chart "Minimal Account Chart" with
    "Main Receivable", "Main Payable", "Main Revenue", "Main Expense", "Main Cash", "Main Tax"
  tax "VAT 20%" (percentage, rate 0.20, booked to Main Tax); payment term "Net 30";
  payment method "Bank" (cash journal, Main Cash)
  customer party "Acme GmbH" (address 1 Main St, 10115 Berlin; email ap@acme.example)
  supplier party "Paper Supplies Ltd" (address 9 Mill Rd, Leeds)
  customer invoice (type out) reference "PO-1001", date 2026-11-01, posted, number "INV-0001":
    Consulting 10 x 120.00 + Travel 1 x 50.50 = untaxed 1250.50 + tax 250.10 = total 1500.60;
    then paid 500.00 on 2026-11-10 (partial) -> state "posted", amount_to_pay 1000.60
  supplier invoice (type in) reference "BILL-0001", date 2026-11-02, draft (no number):
    Paper 5 x 10.00 = untaxed 50.00 + tax 10.00 = total 60.00
"""
import datetime
import os
import subprocess
import sys
import tempfile
import warnings
from decimal import Decimal

warnings.filterwarnings('ignore', category=DeprecationWarning)  # trytond imports 'crypt'

DB = 'ledgerlink'
out = os.path.abspath(sys.argv[1])
os.makedirs(out, exist_ok=True)
db_file = os.path.join(out, DB + '.sqlite')
if os.path.exists(db_file):
    sys.exit(f'{db_file} already exists')

work = tempfile.mkdtemp(prefix='tryton-setup-')
conf = os.path.join(work, 'trytond.conf')
with open(conf, 'w') as f:
    f.write(f'[database]\nuri = sqlite://\npath = {out}\n')
with open(os.path.join(work, 'admin.pass'), 'w') as f:
    f.write('admin\n')
open(db_file, 'w').close()  # the SQLite backend wants the file to exist
subprocess.run(['trytond-admin', '-c', conf, '-d', DB, '-u', 'account_invoice', 'party',
                '--activate-dependencies', '--email', 'admin@example.com'],
               env={**os.environ, 'TRYTONPASSFILE': os.path.join(work, 'admin.pass'),
                    'PYTHONWARNINGS': 'ignore::DeprecationWarning'}, check=True)

from proteus import Model, Wizard, config  # noqa: E402 (needs the initialised database)

config.set_trytond(database=DB, config_file=conf)
Party = Model.get('party.party')
User = Model.get('res.user')
Currency = Model.get('currency.currency')

eur, = Currency.find([('code', '=', 'EUR')]) or [Currency(name='Euro', symbol='€', code='EUR',
                                                            rounding=Decimal('0.01'))]
eur.save()

wizard = Wizard('company.company.config')
wizard.execute('company')
wizard.form.party = Party(name='Ledgerlink Test Company')
wizard.form.party.save()
wizard.form.currency = eur
wizard.execute('add')
config.get_config()._context = User.get_preferences(True, {})
company, = Model.get('company.company').find()

# Fiscal year 2026 with its account-move and invoice sequences, then monthly periods.
SequenceType = Model.get('ir.sequence.type')
move_seq = Model.get('ir.sequence')(name='2026', company=company,
                                    sequence_type=SequenceType.find([('name', '=', 'Account Move')])[0])
move_seq.save()
fiscal_year = Model.get('account.fiscalyear')(name='2026', company=company, post_move_sequence=move_seq,
                                              start_date=datetime.date(2026, 1, 1),
                                              end_date=datetime.date(2026, 12, 31))
invoice_type = SequenceType.find([('name', '=', 'Invoice')])[0]
StrictSequence = Model.get('ir.sequence.strict')
out_seq = StrictSequence(name='Customer invoices 2026', company=company, sequence_type=invoice_type,
                         prefix='INV-', padding=4)
in_seq = StrictSequence(name='Supplier invoices 2026', company=company, sequence_type=invoice_type,
                        prefix='BILL-', padding=4)
out_seq.save()
in_seq.save()
seqs, = fiscal_year.invoice_sequences
seqs.out_invoice_sequence = seqs.out_credit_note_sequence = out_seq
seqs.in_invoice_sequence = seqs.in_credit_note_sequence = in_seq
fiscal_year.save()
fiscal_year.click('create_period')

# Chart of accounts from Tryton's minimal English template.
ModelData = Model.get('ir.model.data')
template, = ModelData.find([('module', '=', 'account'), ('fs_id', '=', 'account_template_root_en')])
chart = Wizard('account.create_chart')
chart.execute('account')
chart.form.account_template = Model.get('account.account.template')(template.db_id)
chart.form.company = company
chart.execute('create_account')
Account = Model.get('account.account')
acc = {a.name: a for a in Account.find([('company', '=', company.id)])}
chart.form.account_receivable = acc['Main Receivable']
chart.form.account_payable = acc['Main Payable']
chart.execute('create_properties')

tax = Model.get('account.tax')(name='VAT 20%', description='VAT 20%', type='percentage', rate=Decimal('0.20'),
                               invoice_account=acc['Main Tax'], credit_note_account=acc['Main Tax'])
tax.save()

term = Model.get('account.invoice.payment_term')(name='Net 30')
term.lines.new(type='remainder').relativedeltas.new(days=30)
term.save()

cash_journal, = Model.get('account.journal').find([('type', '=', 'cash')])
bank = Model.get('account.invoice.payment.method')(name='Bank', journal=cash_journal,
                                                    credit_account=acc['Main Cash'],
                                                    debit_account=acc['Main Cash'])
bank.save()

customer = Party(name='Acme GmbH')
address, = customer.addresses
address.street, address.postal_code, address.city = '1 Main St', '10115', 'Berlin'
customer.contact_mechanisms.new(type='email', value='ap@acme.example')
customer.save()
supplier = Party(name='Paper Supplies Ltd')
supplier.addresses[0].street, supplier.addresses[0].city = '9 Mill Rd', 'Leeds'
supplier.save()

Invoice = Model.get('account.invoice')


def invoice(kind, party, date, reference, lines, account):
    inv = Invoice(type=kind, party=party, invoice_date=date, reference=reference, payment_term=term)
    for desc, qty, price in lines:
        line = inv.lines.new(type='line', description=desc, quantity=qty, unit_price=Decimal(price),
                             account=account)
        line.taxes.append(Model.get('account.tax')(tax.id))
    inv.save()
    return inv


sale = invoice('out', customer, datetime.date(2026, 11, 1), 'PO-1001',
               [('Consulting', 10, '120.00'), ('Travel', 1, '50.50')], acc['Main Revenue'])
sale.click('post')
pay = Wizard('account.invoice.pay', [sale])
pay.form.amount = Decimal('500.00')
pay.form.payment_method = bank
pay.form.date = datetime.date(2026, 11, 10)
pay.form.description = 'PAY-1'
pay.execute('choice')
pay.form.type = 'partial'
pay.execute('pay')

bill = invoice('in', supplier, datetime.date(2026, 11, 2), 'BILL-0001', [('Paper', 5, '10.00')], acc['Main Expense'])

sale.reload()
bill.reload()
print(f'{db_file}: invoice {sale.number} {sale.state} total {sale.total_amount} to pay {sale.amount_to_pay}; '
      f'bill {bill.reference} {bill.state} total {bill.total_amount}')
for name in os.listdir(work):
    os.remove(os.path.join(work, name))
os.rmdir(work)
