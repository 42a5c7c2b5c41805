import { type Db, type Row, newGuid } from './gnucash.book';

/** slots.slot_type values (GnuCash KvpValue types). */
export const SLOT = { INT64: 1, STRING: 4, GUID: 5, TIME: 6, FRAME: 9, GDATE: 10 } as const;

/** The idempotency marker on every record the connector creates. */
export const OPERATION_KEY_SLOT = 'ledgerlink/operation-key';

type SlotValue = { int64_val: number | bigint } | { string_val: string } | { guid_val: string } | { timespec_val: string } | { gdate_val: string };

function insertSlot(db: Db, obj: string, name: string, type: number, value: SlotValue | Record<string, never>): void {
  // the neutral values GnuCash itself writes into the unused columns
  const row = { int64_val: 0, string_val: null, double_val: 0, timespec_val: '1970-01-01 00:00:00', guid_val: null, numeric_val_num: 0, numeric_val_denom: 1, gdate_val: null, ...value };
  db.prepare(`INSERT INTO slots(obj_guid, name, slot_type, int64_val, string_val, double_val, timespec_val, guid_val,
      numeric_val_num, numeric_val_denom, gdate_val)
    VALUES (@obj, @name, @type, @int64_val, @string_val, @double_val, @timespec_val, @guid_val, @numeric_val_num, @numeric_val_denom, @gdate_val)`)
    .run({ obj, name, type, ...row });
}

/** The guid of the frame at `path` under `obj`, optionally creating it (GnuCash stores a/b/c as frames a and a/b). */
function frame(db: Db, obj: string, path: string[], create: boolean): string | undefined {
  let owner = obj;
  for (let i = 1; i <= path.length; i++) {
    const name = path.slice(0, i).join('/');
    const found = db.prepare('SELECT guid_val FROM slots WHERE obj_guid = ? AND name = ? AND slot_type = 9').pluck().get(owner, name);
    if (typeof found === 'string') {
      owner = found;
    } else {
      if (!create) return undefined;
      const guid = newGuid();
      insertSlot(db, owner, name, SLOT.FRAME, { guid_val: guid });
      owner = guid;
    }
  }
  return owner;
}

/** Sets the slot at a '/'-separated path on an object, replacing a previous value. */
export function putSlot(db: Db, obj: string, path: string, type: number, value: SlotValue): void {
  const owner = frame(db, obj, path.split('/').slice(0, -1), true) as string;
  db.prepare('DELETE FROM slots WHERE obj_guid = ? AND name = ?').run(owner, path);
  insertSlot(db, owner, path, type, value);
}

export function getSlot(db: Db, obj: string, path: string): Row | undefined {
  const owner = frame(db, obj, path.split('/').slice(0, -1), false);
  return owner === undefined ? undefined : (db.prepare('SELECT * FROM slots WHERE obj_guid = ? AND name = ?').get(owner, path) as Row | undefined);
}

/** The object an earlier run of this operation created, if any. */
export function findByOperationKey(db: Db, key: string): string | undefined {
  const guid = db
    .prepare(`SELECT f.obj_guid FROM slots k JOIN slots f ON f.guid_val = k.obj_guid AND f.name = 'ledgerlink' AND f.slot_type = 9
      WHERE k.name = ? AND k.slot_type = 4 AND k.string_val = ? LIMIT 1`)
    .pluck()
    .get(OPERATION_KEY_SLOT, key);
  return typeof guid === 'string' ? guid : undefined;
}

export const markOperation = (db: Db, obj: string, key: string) => putSlot(db, obj, OPERATION_KEY_SLOT, SLOT.STRING, { string_val: key });

/**
 * The next number from one of the book's counters (book slot counters/<name>), formatted as
 * GnuCash's default "%.6d" ("000001"), skipping numbers already in use. GnuCash continues from it.
 */
export function nextNumber(db: Db, bookGuid: string, counter: string, taken: (id: string) => boolean): string {
  let n = Number(getSlot(db, bookGuid, `counters/${counter}`)?.['int64_val'] ?? 0);
  let id: string;
  do {
    n += 1;
    id = String(n).padStart(6, '0');
  } while (taken(id));
  putSlot(db, bookGuid, `counters/${counter}`, SLOT.INT64, { int64_val: n });
  return id;
}
