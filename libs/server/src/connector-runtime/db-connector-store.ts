import type { ConnectorStore, UnifiedRecord, WriteResult } from '@ledgerlink/connectors';
import type { DataSource } from 'typeorm';

/** ConnectorStore on PostgreSQL, scoped to one connection. */
export class DbConnectorStore implements ConnectorStore {
  constructor(
    private readonly db: DataSource,
    private readonly connectionId: string,
  ) {}

  async get(dataType: string, id: string): Promise<UnifiedRecord | undefined> {
    const rows = await this.db.query('SELECT data FROM connector_record WHERE connection_id = $1 AND data_type = $2 AND record_id = $3', [this.connectionId, dataType, id]);
    return rows[0]?.data;
  }

  async put(dataType: string, id: string, record: UnifiedRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_record (connection_id, data_type, record_id, data, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (connection_id, data_type, record_id) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
      [this.connectionId, dataType, id, JSON.stringify(record)],
    );
  }

  async delete(dataType: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM connector_record WHERE connection_id = $1 AND data_type = $2 AND record_id = $3', [this.connectionId, dataType, id]);
  }

  async *list(dataType: string, batchSize: number): AsyncIterable<UnifiedRecord[]> {
    let after = '';
    for (;;) {
      const rows: { record_id: string; data: UnifiedRecord }[] = await this.db.query(
        'SELECT record_id, data FROM connector_record WHERE connection_id = $1 AND data_type = $2 AND record_id > $3 ORDER BY record_id LIMIT $4',
        [this.connectionId, dataType, after, batchSize],
      );
      if (!rows.length) return;
      yield rows.map((r) => r.data);
      after = rows[rows.length - 1].record_id;
      if (rows.length < batchSize) return;
    }
  }

  async getOperation(key: string): Promise<WriteResult | undefined> {
    const rows = await this.db.query('SELECT result FROM connector_operation WHERE connection_id = $1 AND key = $2', [this.connectionId, key]);
    return rows[0]?.result;
  }

  async putOperation(key: string, result: WriteResult): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_operation (connection_id, key, result, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT (connection_id, key) DO NOTHING`,
      [this.connectionId, key, JSON.stringify(result)],
    );
  }
}
