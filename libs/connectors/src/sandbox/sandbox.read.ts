import type { SupportedDataType } from '@ledgerlink/models';
import { type ConnectorStore, ConnectorNotSupportedError, type ReadOptions, type UnifiedRecord } from '../connector';
import type { Books } from './books/books';
import { DAY_MS } from './books/time';
import { makeCompany } from './generators/company';
import { type ListDataType, sourceOf } from './generators';
import type { Simulation } from './sandbox.simulation';

export const DEFAULT_BATCH = 500;
const { parse } = Date;
const MAX_BATCH = 10_000;

export const isDeleted = (r: UnifiedRecord) => (r.metadata as { isDeleted?: boolean } | undefined)?.isDeleted === true;

/** Ids of the records the store holds for a type: written ones override generated ones with the same id. */
async function storedIds(store: ConnectorStore | undefined, dataType: string, size: number): Promise<Set<string>> {
  const ids = new Set<string>();
  if (store) for await (const page of store.list(dataType, size)) for (const r of page) if (r.id) ids.add(r.id);
  return ids;
}

/**
 * Streams a data type: the generated records (skipping those the store overrides), then the stored
 * ones. Deleted records are hidden from full reads; incremental reads (`modifiedSince`) return them
 * with `metadata.isDeleted: true` so the deletion can be seen. Only one batch is held at a time.
 */
export async function* readRecords(
  books: Books,
  sim: Simulation,
  store: ConnectorStore | undefined,
  dataType: SupportedDataType,
  options: ReadOptions = {},
): AsyncGenerator<UnifiedRecord[]> {
  const { signal } = options;
  sim.assertOnline();
  if (dataType === 'company') {
    await sim.readBatch(signal);
    yield [makeCompany(books) as UnifiedRecord];
    return;
  }
  const size = Math.min(MAX_BATCH, Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH)));
  const since = options.modifiedSince?.getTime();
  const from = options.from?.getTime();
  const source = sourceOf(books, dataType as ListDataType);
  if (!source) throw new ConnectorNotSupportedError(`The sandbox does not read ${dataType}`);
  const dateOf = source.dateOf;
  const filtered = since !== undefined || (from !== undefined && dateOf !== undefined);
  const keep = (r: UnifiedRecord) =>
    !filtered || ((since === undefined || parse(r.sourceModifiedDate ?? '') > since) && (from === undefined || !dateOf || parse(dateOf(r) ?? '') >= from));

  const overridden = await storedIds(store, dataType, size);
  let batch: UnifiedRecord[] = [];
  let sent = 0;
  const flush = async () => {
    await sim.readBatch(signal);
    sent++;
    const out = batch;
    batch = [];
    return out;
  };

  // Every generated record predates the anchor: an incremental read after it has nothing to generate.
  const count = since !== undefined && since >= books.anchorDay * DAY_MS ? 0 : source.count;
  for (let i = 1; i <= count; i++) {
    const r = source.make(i);
    if (!r || (overridden.size > 0 && overridden.has(r.id as string)) || !keep(r)) continue;
    batch.push(r);
    if (batch.length >= size) yield await flush();
  }
  if (store) {
    for await (const page of store.list(dataType, size)) {
      for (const r of page) {
        if ((isDeleted(r) && since === undefined) || !keep(r)) continue;
        batch.push(r);
        if (batch.length >= size) yield await flush();
      }
    }
  }
  if (batch.length > 0 || sent === 0) {
    const last = await flush();
    if (last.length > 0) yield last;
  }
}
