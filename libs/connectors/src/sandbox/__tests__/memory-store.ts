import type { ConnectorStore, UnifiedRecord, WriteResult } from '../../connector';

/** An in-memory ConnectorStore, copying on the way in and out as a database would. */
export class MemoryStore implements ConnectorStore {
  readonly records = new Map<string, Map<string, UnifiedRecord>>();
  readonly operations = new Map<string, WriteResult>();
  puts = 0;

  private type(dataType: string) {
    let m = this.records.get(dataType);
    if (!m) this.records.set(dataType, (m = new Map()));
    return m;
  }

  async get(dataType: string, id: string) {
    const r = this.type(dataType).get(id);
    return r && structuredClone(r);
  }

  async put(dataType: string, id: string, record: UnifiedRecord) {
    this.puts++;
    this.type(dataType).set(id, structuredClone(record));
  }

  async delete(dataType: string, id: string) {
    this.type(dataType).delete(id);
  }

  async *list(dataType: string, batchSize: number) {
    const ids = [...this.type(dataType).keys()].sort();
    for (let i = 0; i < ids.length; i += batchSize) {
      yield ids.slice(i, i + batchSize).map((id) => structuredClone(this.type(dataType).get(id) as UnifiedRecord));
    }
  }

  async getOperation(key: string) {
    const r = this.operations.get(key);
    return r && structuredClone(r);
  }

  async putOperation(key: string, result: WriteResult) {
    this.operations.set(key, structuredClone(result));
  }
}
