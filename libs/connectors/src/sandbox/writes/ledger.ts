import { createHash } from 'node:crypto';
import type { ConnectorStore, UnifiedRecord, WriteChange, WriteResult } from '../../connector';
import type { Books } from '../books/books';
import { generatedRecord, type ListDataType } from '../generators';
import { isDeleted } from '../sandbox.read';
import type { Checker } from './checker';

/** The books as writes see them: the store's records over the generated ones. */
export class Ledger {
  constructor(
    readonly books: Books,
    readonly store: ConnectorStore,
    private readonly clock: () => Date,
  ) {}

  now(): string {
    return this.clock().toISOString();
  }

  /** The live record with this id (undefined when unknown or deleted). */
  async find(dataType: ListDataType, id: string): Promise<UnifiedRecord | undefined> {
    const stored = await this.store.get(dataType, id);
    if (stored) return isDeleted(stored) ? undefined : stored;
    return generatedRecord(this.books, dataType, id);
  }

  /** Looks up a referenced record, recording a validation error naming `field` when it is missing. */
  async ref(c: Checker, field: string, dataType: ListDataType, id: unknown, what: string): Promise<UnifiedRecord | undefined> {
    const key = c.string(field, id, { required: true });
    if (key === undefined) return undefined;
    return (await this.find(dataType, key)) ?? c.fail(field, `${what} ${key} does not exist`);
  }

  async put(dataType: ListDataType, record: UnifiedRecord): Promise<UnifiedRecord> {
    await this.store.put(dataType, record.id as string, record);
    return record;
  }

  /** Deleting keeps the last version, marked deleted, so incremental reads can report the deletion. */
  async tombstone(dataType: ListDataType, record: UnifiedRecord): Promise<void> {
    await this.store.put(dataType, record.id as string, { ...record, metadata: { isDeleted: true }, sourceModifiedDate: this.now() });
  }

  /** The id of a created record, derived from the operation key (a retried create reuses it). */
  newId(prefix: string, key: string): string {
    return `${prefix}-w${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
  }
}

/** The result of creating one record (plus any records the write changed on the way). */
export const created = (record: UnifiedRecord, dataType: ListDataType, also: WriteChange[] = []): WriteResult => ({
  record,
  changes: [{ type: 'Created', recordRef: { id: record.id as string, dataType } }, ...also],
});
