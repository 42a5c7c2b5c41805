#!/usr/bin/python3
"""Edit a GnuCash SQLite book through GnuCash itself (for connector tests).

usage:
  /usr/bin/python3 tools/peers/gnucash_book_edit.py BOOK company NAME [ADDRESS]
      sets File > Properties > Business > Company Name (and Company Address) as GnuCash stores them
  /usr/bin/python3 tools/peers/gnucash_book_edit.py BOOK pay invoice|bill ID AMOUNT TRANSFER_CODE YYYY-MM-DD NUM
      GnuCash applies a payment of AMOUNT (decimal, e.g. 100.00) to the posted invoice or bill ID
      from the account with code TRANSFER_CODE (gncInvoiceApplyPayment: payment transaction + lot)

The book must not be open elsewhere (the session takes GnuCash's lock). Prints "ok".
"""
import ctypes
import datetime
import os
import sys
from decimal import Decimal

from gnucash import GncNumeric, Session, SessionOpenMode

engine = ctypes.CDLL('/usr/lib/x86_64-linux-gnu/gnucash/libgnc-engine.so')
engine.xaccLogDisable()
engine.qof_book_set_string_option.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]

path, action, *args = sys.argv[1:]
session = Session('sqlite3://' + os.path.abspath(path), SessionOpenMode.SESSION_NORMAL_OPEN)
try:
    book = session.book
    if action == 'company':
        options = {'Company Name': args[0]}
        if len(args) > 1:
            options['Company Address'] = args[1]
        for name, value in options.items():
            engine.qof_book_set_string_option(int(book.instance), f'options/Business/{name}'.encode(), value.encode())
    elif action == 'pay':
        kind, invoice_id, amount, code, day, num = args
        invoice = (book.BillLookupByID if kind == 'bill' else book.InvoiceLookupByID)(invoice_id)
        if invoice is None:
            sys.exit(f'no {kind} {invoice_id}')
        # GnuCash's payment dialog passes a bill payment as a negative amount (A/P debit, bank credit)
        cents = int(Decimal(amount) * 100) * (-1 if kind == 'bill' else 1)
        transfer = book.get_root_account().lookup_by_code(code)
        invoice.ApplyPayment(None, transfer, GncNumeric(cents, 100), GncNumeric(1),
                             datetime.date.fromisoformat(day), 'payment by GnuCash', num)
    else:
        sys.exit(f'unknown action {action}')
    session.save()
finally:
    session.end()
print('ok')
