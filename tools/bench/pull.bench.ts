/**
 * npm run bench -- pull
 * Syncs a sandbox company of N invoices (default 1,000,000) through the real API and worker
 * processes, then re-syncs it unchanged (incrementally, as the sandbox reports changes; then once
 * more as a full read), then drives the read API with 32 concurrent clients.
 * Every figure is printed next to a baseline measured in the same run on the same machine:
 *  - ingest: a plain COPY of the same JSON rows into an identical table;
 *  - reads:  the same page SQL sent straight to PostgreSQL with `pg` at the same concurrency.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client, Pool } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { compileQuery, jsonbSchema, parseOrderBy, parseQuery, SqlParams } from '../../libs/server/src/common/query';
import { fmt, load, rssMb, sleep, startBenchStack } from './stack';

const N = Number(process.env['BENCH_INVOICES'] ?? 1_000_000);
const CONCURRENCY = 32;
const READS = Number(process.env['BENCH_READS'] ?? 4000);
const PAGES = 20;
const QUERY = 'status=Paid&&totalAmount>100';
const ORDER = '-issueDate';

interface Op {
  id: string;
  status: string;
  isCompleted: boolean;
}

export async function pullBench() {
  console.log(`pull bench: ${fmt(N)} sandbox invoices, ${CONCURRENCY} read clients`);
  const stack = await startBenchStack();
  const rows: string[][] = [];
  try {
    const client = await stack.api<{ clientId: string; settings: { dataType: string }[] }>('/profile/syncSettings');
    await stack.api('/profile/syncSettings', {
      method: 'POST',
      json: { clientId: client.clientId, overridesDefaults: true, settings: client.settings.map((s, i) => ({ ...s, fetchOnFirstLink: false, syncSchedule: 720, syncOrder: i })) },
    });
    const company = await stack.api<{ id: string }>('/companies', { method: 'POST', json: { name: 'Bench Co' } });
    const conn = await stack.api<{ id: string }>(`/companies/${company.id}/connections`, { method: 'POST', json: { platformKey: 'sbox' } });
    await stack.api(`/companies/${company.id}/connections/${conn.id}/authorization`, { method: 'PUT', json: { volume: String(N), seed: '7' } });

    const sync = async () => {
      let peak = 0;
      const t0 = Date.now();
      const op = await stack.api<Op>(`/companies/${company.id}/data/queue/invoices`, { method: 'POST' });
      for (;;) {
        peak = Math.max(peak, rssMb(stack.workerPid));
        const d = await stack.api<Op>(`/companies/${company.id}/data/history/${op.id}`);
        if (d.isCompleted) {
          if (d.status !== 'Complete') throw new Error(`sync ended ${d.status}`);
          break;
        }
        await sleep(200);
      }
      return { seconds: (Date.now() - t0) / 1000, peak };
    };
    const first = await sync();
    // The sandbox reports changes and deletions, so by default a re-sync within a day is incremental.
    const again = await sync();
    // The same re-sync as a full read (as every read of a connector without change tracking is):
    // every record is read, hashed and compared, and none is rewritten. It runs after a VACUUM, the
    // state autovacuum leaves a table in by a scheduled sync hours later: straight after the bulk
    // load, the first read of each heap page also sets its hint bits and writes the page back.
    const vac = new Client({ connectionString: stack.databaseUrl });
    await vac.connect();
    const v0 = Date.now();
    await vac.query('VACUUM (ANALYZE) record');
    const vacuumSeconds = (Date.now() - v0) / 1000;
    await vac.end();
    await stack.restartWorker({ PULL_FULL_READ_EVERY_HOURS: '0' });
    const full = await sync();

    // Baseline: COPY of the same rows into an identical table (same columns and indexes).
    const pg = new Client({ connectionString: stack.databaseUrl });
    await pg.connect();
    const file = join(tmpdir(), `ll-bench-${process.pid}.copy`);
    await pipeline(pg.query(copyTo(`COPY (SELECT * FROM record WHERE data_type = 'invoices') TO STDOUT`)), createWriteStream(file));
    await pg.query('CREATE TABLE bench_copy (LIKE record INCLUDING ALL)');
    await pg.query('CHECKPOINT');
    const c0 = Date.now();
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), pg.query(copyFrom('COPY bench_copy FROM STDIN')));
    const copySeconds = (Date.now() - c0) / 1000;
    rmSync(file, { force: true });
    await pg.query('DROP TABLE bench_copy');
    await pg.query('ANALYZE record');
    await pg.end();

    const copyRate = N / copySeconds;
    const syncRate = N / first.seconds;
    const resyncRate = N / again.seconds;
    const fullRate = N / full.seconds;
    rows.push(['COPY baseline', `${fmt(copyRate)} rec/s`, '', '']);
    rows.push(['first sync', `${fmt(syncRate)} rec/s`, `${fmt(syncRate / copyRate, 2)}× COPY`, `≥ 0.35 ${syncRate / copyRate >= 0.35 ? 'PASS' : 'FAIL'}`]);
    rows.push(['no-change re-sync', `${fmt(resyncRate)} rec/s`, `${fmt(first.seconds / again.seconds, 2)}× first sync`, `≥ 3 ${first.seconds / again.seconds >= 3 ? 'PASS' : 'FAIL'}`]);
    rows.push(['  same, as a full read', `${fmt(fullRate)} rec/s`, `${fmt(first.seconds / full.seconds, 2)}× first sync`, `after VACUUM (${fmt(vacuumSeconds, 1)} s)`]);
    const peak = Math.max(first.peak, again.peak, full.peak);
    rows.push(['worker peak RSS', `${fmt(peak)} MB`, '', `< 400 ${peak < 400 ? 'PASS' : 'FAIL'}`]);

    // Reads: the API versus the same SQL straight to PostgreSQL, both at 32 concurrent clients.
    const page = (i: number) => 1 + (i % PAGES);
    const url = (i: number) => `${stack.apiUrl}/companies/${company.id}/data/invoices?page=${page(i)}&pageSize=100&query=${encodeURIComponent(QUERY)}&orderBy=${ORDER}`;
    const schema = jsonbSchema('Invoice', 'r.data', { id: { type: 'string', sql: 'r.record_id' } });
    const params = new SqlParams();
    const where = [`r.company_id = ${params.add(company.id)}`, `r.data_type = ${params.add('invoices')}`, compileQuery(parseQuery(QUERY), schema, params)].join(' AND ');
    const sql = `SELECT r.data, r.modified_date, r.source_modified_date, r.is_deleted FROM record r WHERE ${where} ${parseOrderBy(ORDER, schema, 'r.record_id').sql} LIMIT 100 OFFSET `;
    const pool = new Pool({ connectionString: stack.databaseUrl, max: CONCURRENCY });
    pool.on('error', () => undefined); // the stack's teardown drops the database under idle clients
    let totalSeen = -1;
    const apiCall = async (i: number) => {
      const res = await fetch(url(i), { headers: { authorization: stack.auth } });
      const body = (await res.json()) as { totalResults: number; results: unknown[] };
      if (res.status !== 200 || body.results.length !== 100) throw new Error(`read failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      totalSeen = body.totalResults;
    };
    const sqlCall = async (i: number) => {
      const r = await pool.query(sql + String((page(i) - 1) * 100), params.values);
      if (r.rows.length !== 100) throw new Error('baseline read failed');
    };
    // One after the other, each warmed up first; the baseline's connections are closed before the
    // API runs, so both see the same free PostgreSQL.
    await load(300, CONCURRENCY, sqlCall);
    const base = await load(READS, CONCURRENCY, sqlCall);
    await pool.end();
    await load(300, CONCURRENCY, apiCall);
    const apiRes = await load(READS, CONCURRENCY, apiCall);
    const exact = (await (async () => {
      const c = new Client({ connectionString: stack.databaseUrl });
      await c.connect();
      const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM record r WHERE ${where}`, params.values)).rows;
      await c.end();
      return n as number;
    })()) === totalSeen;
    rows.push(['reads: pg baseline', `${fmt(base.perSecond)} req/s`, `p50 ${fmt(base.p50, 1)} ms, p99 ${fmt(base.p99, 1)} ms`, '']);
    rows.push(['reads: API', `${fmt(apiRes.perSecond)} req/s`, `p50 ${fmt(apiRes.p50, 1)} ms, p99 ${fmt(apiRes.p99, 1)} ms`, '']);
    rows.push(['reads: API / baseline', `${fmt(apiRes.perSecond / base.perSecond, 2)}× throughput`, `${fmt(apiRes.p99 / base.p99, 2)}× p99`, `≥ 0.5 and ≤ 2 ${apiRes.perSecond / base.perSecond >= 0.5 && apiRes.p99 / base.p99 <= 2 ? 'PASS' : 'FAIL'}`]);
    rows.push(['reads: totalResults exact', exact ? 'yes' : 'NO', `${fmt(totalSeen)} results`, exact ? 'PASS' : 'FAIL']);
  } catch (e) {
    console.error(`api log:\n${stack.logs('api')}\nworker log:\n${stack.logs('worker')}`);
    throw e;
  } finally {
    await stack.stop();
  }
  const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
  return rows;
}
