#!/usr/bin/python3
"""Hold GnuCash's lock on a SQLite book until killed, as if GnuCash had the book open.

usage: /usr/bin/python3 tools/peers/gnucash_lock.py BOOK.gnucash
Prints "locked PID" once the gnclock row is written. On SIGTERM/SIGINT the session ends cleanly
(the gnclock row is removed); on SIGKILL the row stays behind, like after a GnuCash crash.
"""
import ctypes
import os
import signal
import sys

from gnucash import GnuCashBackendException, Session, SessionOpenMode

ctypes.CDLL('/usr/lib/x86_64-linux-gnu/gnucash/libgnc-engine.so').xaccLogDisable()

path = os.path.abspath(sys.argv[1])
if not os.path.isfile(path):
    sys.exit(f'no such book: {path}')
try:
    session = Session('sqlite3://' + path, SessionOpenMode.SESSION_NORMAL_OPEN)
except GnuCashBackendException as e:  # ERR_BACKEND_LOCKED when someone else holds the lock
    sys.exit(f'cannot lock {path}: {e}')


def stop(*_):
    session.end()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
print('locked', os.getpid(), flush=True)
while True:
    signal.pause()
