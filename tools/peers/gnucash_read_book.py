#!/usr/bin/python3
"""Print, as JSON, what GnuCash itself sees in a SQLite book (opened read-only, lock ignored).

usage: /usr/bin/python3 tools/peers/gnucash_read_book.py BOOK.gnucash

Amounts are decimal strings ("1500.60"); debit > 0, credit < 0. Output shape:
  {"accounts": [{"guid", "name", "fullName" (":"-separated), "code", "type", "description", "balance"}],
   "customers": [{"guid", "id", "name", "email", "active"}], "vendors": [same],
   "taxTables": [{"name", "entries": [{"account", "amount", "type"}]}],
   "invoices": [{"guid", "id", "type" ("Invoice"|"Bill"), "owner", "ownerId", "datePosted", "dateDue",
                 "posted", "paid", "notes", "subtotal", "tax", "total", "lines": [{description, quantity, price}]}],
   "transactions": [{"guid", "num", "date", "description", "splits": [{"account", "memo", "value"}]}],
   "lock": [{"hostname", "pid"}]}
"""
import ctypes
import json
import os
import sqlite3
import sys
from decimal import Decimal

from gnucash import Query, Session, SessionOpenMode, Transaction
from gnucash.gnucash_business import Customer, Invoice, Vendor
from gnucash.gnucash_core_c import GNC_ID_CUSTOMER, GNC_ID_INVOICE, GNC_ID_VENDOR, xaccAccountTypeEnumAsString

GNC_ID_TRANS = 'Trans'  # not exported by the bindings
ctypes.CDLL('/usr/lib/x86_64-linux-gnu/gnucash/libgnc-engine.so').xaccLogDisable()

path = os.path.abspath(sys.argv[1])
if not os.path.isfile(path):
    sys.exit(f'no such book: {path}')


def fmt(v):
    """Decimal -> string with at least 2 places ("20.00", "1500.60", "0.125")."""
    return str(v.quantize(Decimal('0.01')) if v == v.quantize(Decimal('0.01')) else v)


def dec(n):
    """GncNumeric -> decimal string."""
    return fmt(Decimal(n.num()) / Decimal(n.denom()))


def day(d):
    return d.strftime('%Y-%m-%d') if d else None


def full_name(a):
    return a.get_full_name().replace('.', ':')


session = Session('sqlite3://' + path, SessionOpenMode.SESSION_READ_ONLY)
try:
    book = session.book

    def query(kind):
        q = Query()
        q.search_for(kind)
        q.set_book(book)
        found = q.run()
        q.destroy()
        return found

    accounts = [{
        'guid': a.GetGUID().to_string(), 'name': a.GetName(), 'fullName': full_name(a), 'code': a.GetCode(),
        'type': xaccAccountTypeEnumAsString(a.GetType()), 'description': a.GetDescription(),
        'balance': dec(a.GetBalance()),
    } for a in book.get_root_account().get_descendants_sorted()]

    def owner(o):
        addr = o.GetAddr()
        return {'guid': o.GetGUID().to_string(), 'id': o.GetID(), 'name': o.GetName(),
                'email': addr.GetEmail(), 'active': bool(o.GetActive())}

    customers = sorted((owner(Customer(instance=c)) for c in query(GNC_ID_CUSTOMER)), key=lambda o: o['id'])
    vendors = sorted((owner(Vendor(instance=v)) for v in query(GNC_ID_VENDOR)), key=lambda o: o['id'])

    invoices = []
    for i in query(GNC_ID_INVOICE):
        i = Invoice(instance=i)
        posted = i.IsPosted()
        invoices.append({
            'id': i.GetID(), 'type': i.GetTypeString(),
            'owner': i.GetOwner().GetName(), 'ownerId': i.GetOwner().GetID(),
            'datePosted': day(i.GetDatePosted()) if posted else None,
            'dateDue': day(i.GetDateDue()) if posted else None,
            'posted': bool(posted), 'paid': bool(i.IsPaid()), 'notes': i.GetNotes(),
            'subtotal': dec(i.GetTotalSubtotal()), 'tax': dec(i.GetTotalTax()), 'total': dec(i.GetTotal()),
            'lines': [{'description': e.GetDescription(), 'quantity': dec(e.GetQuantity()),
                       'price': dec(e.GetInvPrice() if i.GetTypeString() == 'Invoice' else e.GetBillPrice())}
                      for e in i.GetEntries()],
        })
    invoices.sort(key=lambda x: x['id'])

    transactions = []
    for t in query(GNC_ID_TRANS):
        t = Transaction(instance=t)
        transactions.append({
            'guid': t.GetGUID().to_string(), 'num': t.GetNum(), 'date': day(t.GetDate()),
            'description': t.GetDescription(),
            'splits': [{'account': full_name(s.GetAccount()), 'memo': s.GetMemo(), 'value': dec(s.GetValue())}
                       for s in t.GetSplitList()],
        })
    transactions.sort(key=lambda x: (x['date'], x['num']))
finally:
    session.end()

# TaxTable.GetEntries() is mis-wrapped in the 4.13 bindings: read the visible tables with SQL.
with sqlite3.connect(f'file:{path}?mode=ro', uri=True) as db:
    tax_tables = {}
    for name, account_guid, num, denom, kind in db.execute(
            'SELECT t.name, e.account, e.amount_num, e.amount_denom, e.type FROM taxtables t '
            'JOIN taxtable_entries e ON e.taxtable = t.guid WHERE t.parent IS NULL ORDER BY t.name, e.id'):
        acc = next((a['fullName'] for a in accounts if a['guid'] == account_guid), account_guid)
        tax_tables.setdefault(name, []).append({
            'account': acc, 'amount': fmt(Decimal(num) / Decimal(denom)),
            'type': {1: 'VALUE', 2: 'PERCENT'}.get(kind, str(kind))})
    guids = dict(db.execute('SELECT id, guid FROM invoices'))  # Invoice has no GetGUID() in the bindings
    invoices = [{'guid': guids.get(i['id']), **i} for i in invoices]
    lock = [{'hostname': h, 'pid': p} for h, p in db.execute('SELECT Hostname, PID FROM gnclock')]

json.dump({'accounts': accounts, 'customers': customers, 'vendors': vendors,
           'taxTables': [{'name': n, 'entries': e} for n, e in tax_tables.items()],
           'invoices': invoices, 'transactions': transactions, 'lock': lock}, sys.stdout, indent=2)
print()
