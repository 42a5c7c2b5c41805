#!/usr/bin/python3
"""Build a small GnuCash 4.13 business book stored as SQLite, with known data.

usage: /usr/bin/python3 tools/peers/gnucash_create_book.py BOOK.gnucash   (BOOK must not exist)

Known data (currency EUR; amounts as GnuCash stores them: debit > 0, credit < 0):
  accounts (code  full name              type        balance)
    1000 Assets                         ASSET          0.00
    1100 Assets:Accounts Receivable     RECEIVABLE  1000.60
    1200 Assets:Bank                    BANK        1500.00
    2000 Liabilities                    LIABILITY      0.00
    2100 Liabilities:Accounts Payable   PAYABLE      -60.00
    2200 Liabilities:VAT Payable        LIABILITY   -240.10
    3000 Equity                         EQUITY     -1000.00
    4000 Income                         INCOME         0.00
    4100 Income:Sales                   INCOME     -1250.50
    6000 Expenses                       EXPENSE        0.00
    6100 Expenses:Office                EXPENSE       50.00
  customer C001 "Acme GmbH" (1 Main St, ap@acme.example); vendor V001 "Paper Supplies Ltd"
  tax table VAT20: 20 % of the line, booked to VAT Payable
  invoice INV-0001 to C001, posted 2026-11-01, due 2026-12-01, notes "first invoice":
    Consulting 10 x 120.00 + Travel 1 x 50.50 = 1250.50 net + 250.10 VAT = 1500.60
  bill BILL-0001 from V001, posted 2026-11-01, due 2026-11-15: Paper 5 x 10.00 = 50.00 + 10.00 VAT = 60.00
  payment PAY-1 of 500.00 from C001 against INV-0001 into Bank on 2026-11-10 (invoice stays unpaid: 1000.60 due)
  journal entry J-1 "Opening capital" 2026-11-01: Bank +1000.00 / Equity -1000.00
"""
import ctypes
import datetime
import os
import sys

from gnucash import Account, GncNumeric, Session, SessionOpenMode, Split, Transaction
from gnucash.gnucash_business import Customer, Entry, Invoice, TaxTable, TaxTableEntry, Vendor
from gnucash.gnucash_core_c import (ACCT_TYPE_ASSET, ACCT_TYPE_BANK, ACCT_TYPE_EQUITY, ACCT_TYPE_EXPENSE,
                                    ACCT_TYPE_INCOME, ACCT_TYPE_LIABILITY, ACCT_TYPE_PAYABLE,
                                    ACCT_TYPE_RECEIVABLE)

# Do not write BOOK.<timestamp>.log transaction logs next to the book.
ctypes.CDLL('/usr/lib/x86_64-linux-gnu/gnucash/libgnc-engine.so').xaccLogDisable()

path = os.path.abspath(sys.argv[1])
if os.path.exists(path):
    sys.exit(f'{path} already exists')

# Session(uri, SESSION_NEW_STORE) also loads the empty store, which fails for SQLite in 4.13 and then
# silently drops every later commit. begin() without load, build, then save() once (full sync).
session = Session()
session.begin('sqlite3://' + path, SessionOpenMode.SESSION_NEW_STORE)
try:
    book = session.book
    root = book.get_root_account()
    eur = book.get_table().lookup('CURRENCY', 'EUR')

    def account(parent, name, kind, code):
        a = Account(book)
        parent.append_child(a)
        a.SetName(name)
        a.SetType(kind)
        a.SetCommodity(eur)
        a.SetCode(code)
        return a

    def money(cents):
        return GncNumeric(cents, 100)

    assets = account(root, 'Assets', ACCT_TYPE_ASSET, '1000')
    ar = account(assets, 'Accounts Receivable', ACCT_TYPE_RECEIVABLE, '1100')
    bank = account(assets, 'Bank', ACCT_TYPE_BANK, '1200')
    liabilities = account(root, 'Liabilities', ACCT_TYPE_LIABILITY, '2000')
    ap = account(liabilities, 'Accounts Payable', ACCT_TYPE_PAYABLE, '2100')
    vat = account(liabilities, 'VAT Payable', ACCT_TYPE_LIABILITY, '2200')
    equity = account(root, 'Equity', ACCT_TYPE_EQUITY, '3000')
    income = account(root, 'Income', ACCT_TYPE_INCOME, '4000')
    sales = account(income, 'Sales', ACCT_TYPE_INCOME, '4100')
    expenses = account(root, 'Expenses', ACCT_TYPE_EXPENSE, '6000')
    office = account(expenses, 'Office', ACCT_TYPE_EXPENSE, '6100')

    customer = Customer(book, 'C001', eur, 'Acme GmbH')
    addr = customer.GetAddr()
    addr.SetName('Acme GmbH')
    addr.SetAddr1('1 Main St')
    addr.SetEmail('ap@acme.example')
    vendor = Vendor(book, 'V001', eur, 'Paper Supplies Ltd')
    vendor.GetAddr().SetName('Paper Supplies Ltd')

    vat20 = TaxTable(book, 'VAT20', TaxTableEntry(vat, True, GncNumeric(20, 1)))

    day = datetime.date(2026, 11, 1)
    invoice = Invoice(book, 'INV-0001', eur, customer)
    invoice.SetDateOpened(day)
    invoice.SetNotes('first invoice')
    for desc, qty, cents in [('Consulting', 10, 12000), ('Travel', 1, 5050)]:
        e = Entry(book, invoice)
        e.SetDate(day)
        e.SetDateEntered(datetime.datetime(2026, 11, 1, 10, 0, 0))
        e.SetDescription(desc)
        e.SetQuantity(GncNumeric(qty, 1))
        e.SetInvPrice(money(cents))
        e.SetInvAccount(sales)
        e.SetInvTaxable(True)
        e.SetInvTaxIncluded(False)
        e.SetInvTaxTable(vat20)
    # PostToAccount(account, posted, due, memo, accumulate splits, autopay)
    invoice.PostToAccount(ar, day, day + datetime.timedelta(days=30), 'INV-0001 posted', True, False)

    bill = Invoice(book, 'BILL-0001', eur, vendor)
    bill.SetDateOpened(day)
    e = Entry(book, bill)
    e.SetDate(day)
    e.SetDateEntered(datetime.datetime(2026, 11, 1, 10, 0, 0))
    e.SetDescription('Paper')
    e.SetQuantity(GncNumeric(5, 1))
    e.SetBillPrice(money(1000))
    e.SetBillAccount(office)
    e.SetBillTaxable(True)
    e.SetBillTaxIncluded(False)
    e.SetBillTaxTable(vat20)
    bill.PostToAccount(ap, day, day + datetime.timedelta(days=14), 'BILL-0001 posted', True, False)

    invoice.ApplyPayment(None, bank, money(50000), GncNumeric(1), datetime.date(2026, 11, 10), 'payment', 'PAY-1')

    tx = Transaction(book)
    tx.BeginEdit()
    tx.SetCurrency(eur)
    tx.SetDate(1, 11, 2026)
    tx.SetNum('J-1')
    tx.SetDescription('Opening capital')
    for acc, cents in [(bank, 100000), (equity, -100000)]:
        s = Split(book)
        s.SetParent(tx)
        s.SetAccount(acc)
        s.SetValue(money(cents))
        s.SetAmount(money(cents))
    tx.CommitEdit()

    session.save()
    print(path)
finally:
    session.end()
