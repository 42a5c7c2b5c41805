/**
 * npm run bench -- webhooks
 * Delivers webhook events to a healthy local receiver (a node:http server in a child process that
 * answers 200 at once) through the real API and worker processes, and prints each figure next to
 * a baseline measured in the same run on the same machine: plain HTTP POSTs of the same bodies
 * (and headers) from one Node process (keep-alive node:http agent) at the worker's delivery
 * concurrency (WEBHOOK_CONCURRENCY).
 *
 * Events go through the public API: `POST /companies` emits `company.created` (the real outbox
 * insert, whose NOTIFY wakes the worker on commit), and one consumer (`POST /webhooks`) subscribes to it.
 * Creating companies over HTTP (≈ 400/s here) is far slower than delivering them, so one stream
 * of companies cannot measure delivery throughput. Hence, after a warm-up backlog of
 * BENCH_WEBHOOK_WARMUP_EVENTS (default: one round, 5,000) deliveries (the baseline gets a warm-up
 * too), two phases:
 *
 *  1. Throughput, in BENCH_WEBHOOK_ROUNDS (4) rounds of BENCH_WEBHOOK_EVENTS (20,000) / rounds
 *     events. In each round the worker process is frozen (SIGSTOP, so it stays warm and keeps its
 *     connections) while the round's companies are created; then it is thawed (SIGCONT) and the
 *     clock runs from the thaw to the receipt of the round's last delivery. Right after, the
 *     baseline POSTs the same bodies. Delivery and baseline are seconds apart in every round, so
 *     a machine whose speed drifts (shared cores) moves both alike; deliveries/s = events / the
 *     summed delivery time, and the ratio is over the sums (each round's ratio is printed too).
 *     Latency in this phase is the backlog's age, so it is not reported. CPU per delivery of each
 *     process (worker, PostgreSQL backends, receiver; from /proc) is printed too; the receiver
 *     does the same bookkeeping for baseline requests as for deliveries.
 *  2. Latency: BENCH_WEBHOOK_LATENCY_EVENTS (4,000) more companies are created open-loop at a
 *     controlled BENCH_WEBHOOK_RATE (200/s, at most 64 requests open; the achieved rate is
 *     printed) while the worker runs. Latency = receiver-side receipt time (when the body was
 *     complete) − the event row's `created_at` (its `generatedDate`). The attempt row's completion
 *     time (`webhook_message.last_attempt_at` = the attempt's `attempted_at`, stamped after the
 *     response) is printed too, for information.
 *
 * Checks: every message was received (distinct `webhook-id` at the receiver == events), every
 * message row is Succeeded, and a sample of signatures verifies with the `svix` package.
 */
import http from 'node:http';
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Webhook } from 'svix';
import { configSchema } from '../../libs/server/src/config/config.schema';
import { fmt, load, sleep, startBenchStack } from './stack';
import type { ReceivedDelivery, ReceiverReply, ReceiverRequest } from './webhook-receiver';

const EVENTS = Number(process.env['BENCH_WEBHOOK_EVENTS'] ?? 20_000);
const LATENCY_EVENTS = Number(process.env['BENCH_WEBHOOK_LATENCY_EVENTS'] ?? 4_000);
const RATE = Number(process.env['BENCH_WEBHOOK_RATE'] ?? 200);
const ROUNDS = Math.max(1, Number(process.env['BENCH_WEBHOOK_ROUNDS'] ?? 4));
/** An uncounted round of its own: as large as a measured round. */
const WARMUP_EVENTS = Number(process.env['BENCH_WEBHOOK_WARMUP_EVENTS'] ?? Math.floor(EVENTS / ROUNDS));
const EMIT_CONCURRENCY = 32;
const MAX_IN_FLIGHT = 64;
const SIGNATURE_SAMPLE = 200;
/** What the worker runs with: the environment's WEBHOOK_CONCURRENCY or the config default. */
const CONCURRENCY = configSchema.shape.WEBHOOK_CONCURRENCY.parse(process.env['WEBHOOK_CONCURRENCY']);

interface Receiver {
  url: string;
  pid: number;
  stats(): Promise<{ total: number; distinct: number; baseline: number }>;
  dump(): Promise<ReceivedDelivery[]>;
  stop(): void;
}

async function startReceiver(): Promise<Receiver> {
  // fork() inherits `-r @swc-node/register` and SWC_NODE_PROJECT, so the child runs the .ts file.
  const child = fork(join(__dirname, 'webhook-receiver.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <K extends ReceiverReply['kind']>(req: ReceiverRequest | undefined, kind: K) =>
    new Promise<Extract<ReceiverReply, { kind: K }>>((resolve, reject) => {
      const onMessage = (msg: ReceiverReply) => {
        if (msg.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(msg as Extract<ReceiverReply, { kind: K }>);
      };
      const onExit = () => reject(new Error('webhook receiver exited'));
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (req) child.send(req);
    });
  const { port } = await ask(undefined, 'ready');
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stats: () => ask({ cmd: 'stats' }, 'stats'),
    dump: async () => (await ask({ cmd: 'dump' }, 'dump')).deliveries,
    stop: () => child.kill('SIGTERM'),
  };
}

async function waitDelivered(receiver: Receiver, distinct: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await receiver.stats();
    if (s.distinct >= distinct) return s;
    if (Date.now() > deadline) throw new Error(`receiver got ${s.distinct} of ${distinct} webhook-ids`);
    await sleep(20);
  }
}

/** CPU time (user + system) of a process so far, in ms (Linux /proc; 0 if it is gone). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}
const CLK_TCK = 100;

/** CPU ms per thread name (main thread, GC helpers, libuv pool…) of a process. */
function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = /\((.*)\)/.exec(stat)?.[1] ?? '?';
      const fields = stat.replace(/^.*\) /, '').split(' ');
      out.set(`${name} user`, (out.get(`${name} user`) ?? 0) + (Number(fields[11]) * 1000) / CLK_TCK);
      out.set(`${name} sys`, (out.get(`${name} sys`) ?? 0) + (Number(fields[12]) * 1000) / CLK_TCK);
    }
  } catch {
    /* gone */
  }
  return out;
}

/**
 * CPU spent per process group between `start()` and `stop()`: the machine is shared, so besides
 * wall-clock rates the bench reports CPU per delivery, which other load barely disturbs.
 */
async function cpuMeter(pg: Client, dbName: string, pids: Record<string, number>) {
  const backends = async () => ((await pg.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`, [dbName])).rows as { pid: number }[]).map((r) => r.pid);
  const snap = async () => {
    const out: Record<string, Map<number, number>> = {};
    for (const [k, pid] of Object.entries(pids)) out[k] = new Map([[pid, cpuMs(pid)]]);
    out['postgres'] = new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
    return out;
  };
  const before = await snap();
  return async () => {
    const after = await snap();
    const used: Record<string, number> = {};
    for (const [k, m] of Object.entries(after)) used[k] = [...m].reduce((sum, [pid, ms]) => sum + ms - (before[k]?.get(pid) ?? 0), 0);
    return used;
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const hexId = (uuid: string) => `msg_${uuid.replace(/-/g, '')}`;

export async function webhooksBench() {
  console.log(`webhooks bench: ${fmt(EVENTS)} events (backlog), then ${fmt(LATENCY_EVENTS)} at ${fmt(RATE)}/s; delivery concurrency ${CONCURRENCY}`);
  const receiver = await startReceiver();
  const stack = await startBenchStack();
  const pg = new Client({ connectionString: stack.databaseUrl });
  await pg.connect();
  const rows: string[][] = [];
  try {
    const consumer = await stack.api<{ id: string }>('/webhooks', { method: 'POST', json: { url: `${receiver.url}/webhooks`, eventTypes: ['company.created'] } });
    const { key: secret } = await stack.api<{ key: string }>(`/webhooks/${consumer.id}/secret`);

    // Warm-up (the baseline gets one too): the worker's first deliveries run cold code (JIT). It
    // is a backlog like the measured rounds (the worker frozen while the events are written), so
    // the code paths of large claims and record batches are warm before round 1, not during it.
    process.kill(stack.workerPid, 'SIGSTOP');
    await load(WARMUP_EVENTS, EMIT_CONCURRENCY, async (i) => {
      await stack.api('/companies', { method: 'POST', json: { name: `Warm-up ${i}` } });
    });
    process.kill(stack.workerPid, 'SIGCONT');
    await waitDelivered(receiver, WARMUP_EVENTS, 120_000);
    const warmupIds = new Set(((await pg.query(`SELECT id::text FROM webhook_message`)).rows as { id: string }[]).map((r) => hexId(r.id)));

    // Phase 1, in ROUNDS: a backlog of EVENTS / ROUNDS deliveries, written by the API while the
    // worker is frozen, delivered after a thaw, then the baseline POSTs the same bodies. Delivery
    // and baseline run seconds apart in every round, so a machine whose speed drifts over minutes
    // (shared cores) moves both alike; the ratio is over the sums.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const target = new URL(`${receiver.url}/baseline`);
    const postOf = (bodies: ReceivedDelivery[]) => (i: number) =>
      new Promise<void>((resolve, reject) => {
        const d = bodies[i % bodies.length];
        const req = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Ledgerlink-Webhooks/1.0',
              'webhook-id': d.id,
              'webhook-timestamp': d.timestamp,
              'webhook-signature': d.signature,
              'content-length': String(Buffer.byteLength(d.body)),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`baseline POST → ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(d.body);
      });
    // The baseline's own warm-up, on the warm-up deliveries' bodies.
    await load(2000, CONCURRENCY, postOf(await receiver.dump()));

    const dbName = new URL(stack.databaseUrl).pathname.slice(1);
    const commits = async () => ((await pg.query(`SELECT pg_stat_force_next_flush(); SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()`)) as unknown as { rows: { n: number }[] }[])[1].rows[0].n;
    const dueIndex = async () => (await pg.query(`SELECT idx_scan::int AS scans, idx_tup_read::int AS entries FROM pg_stat_user_indexes WHERE indexrelname = 'ix_webhook_message_due'`)).rows[0] as { scans: number; entries: number };
    const perRound = Math.floor(EVENTS / ROUNDS);
    const backlogIds = new Set<string>();
    const known = new Set(warmupIds);
    const cpu: Record<string, number> = {};
    const baseCpu: Record<string, number> = {};
    const addCpu = (into: Record<string, number>, used: Record<string, number>) => Object.entries(used).forEach(([k, v]) => (into[k] = (into[k] ?? 0) + v));
    const rounds: { delivery: number; recorded: number; baseline: number; baseP50: number; baseP99: number }[] = [];
    let emitSeconds = 0;
    let transactions = 0;
    let dueScans = 0;
    let dueEntries = 0;
    const threads = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const events = round === ROUNDS - 1 ? EVENTS - perRound * (ROUNDS - 1) : perRound;
      process.kill(stack.workerPid, 'SIGSTOP');
      const e0 = Date.now();
      await load(events, EMIT_CONCURRENCY, async (i) => {
        await stack.api('/companies', { method: 'POST', json: { name: `Bench ${round}.${i}` } });
      });
      emitSeconds += (Date.now() - e0) / 1000;
      const roundIds = new Set(((await pg.query(`SELECT id::text FROM webhook_message`)).rows as { id: string }[]).map((r) => hexId(r.id)).filter((id) => !known.has(id)));
      if (roundIds.size !== events) throw new Error(`${roundIds.size} messages for ${events} events`);
      for (const id of roundIds) {
        known.add(id);
        backlogIds.add(id);
      }
      const meter = await cpuMeter(pg, dbName, { worker: stack.workerPid, receiver: receiver.pid });
      const commits0 = await commits();
      const due0 = await dueIndex();
      const threads0 = threadCpuMs(stack.workerPid);
      const t0 = Date.now();
      process.kill(stack.workerPid, 'SIGCONT');
      await waitDelivered(receiver, known.size, 600_000);
      const delivered = (await receiver.dump()).filter((d) => roundIds.has(d.id));
      const deliverySeconds = (Math.max(...delivered.map((d) => d.at)) - t0) / 1000;
      for (let i = 0; ; i++) {
        const { n } = (await pg.query(`SELECT count(*)::int AS n FROM webhook_message WHERE status = 'Pending'`)).rows[0] as { n: number };
        if (n === 0) break;
        if (i > 1000) throw new Error(`${n} messages still Pending`);
        await sleep(20);
      }
      const { done } = (await pg.query(`SELECT (extract(epoch FROM max(last_attempt_at)) * 1000)::float8 AS done FROM webhook_message`)).rows[0] as { done: number };
      addCpu(cpu, await meter());
      for (const [k, v] of threadCpuMs(stack.workerPid)) threads.set(k, (threads.get(k) ?? 0) + v - (threads0.get(k) ?? 0));
      await sleep(1100); // backends publish their statistics at most once a second
      transactions += (await commits()) - commits0;
      const due1 = await dueIndex();
      dueScans += due1.scans - due0.scans;
      dueEntries += due1.entries - due0.entries;

      // Baseline: the same bodies and headers, plain POSTs at the worker's concurrency.
      const firstOf = new Map<string, ReceivedDelivery>();
      for (const d of delivered) if (!firstOf.has(d.id)) firstOf.set(d.id, d);
      const bodies = [...firstOf.values()];
      const baseMeter = await cpuMeter(pg, dbName, { receiver: receiver.pid });
      const client0 = process.cpuUsage();
      const base = await load(bodies.length, CONCURRENCY, postOf(bodies));
      const clientCpu = process.cpuUsage(client0);
      addCpu(baseCpu, { client: (clientCpu.user + clientCpu.system) / 1000, receiver: (await baseMeter())['receiver'] });
      rounds.push({ delivery: deliverySeconds, recorded: (done - t0) / 1000, baseline: base.seconds, baseP50: base.p50, baseP99: base.p99 });
      console.log(
        `  round ${round + 1}/${ROUNDS}: ${fmt(events)} delivered in ${fmt(deliverySeconds, 2)} s (${fmt(events / deliverySeconds)}/s); ` +
          `baseline ${fmt(bodies.length / base.seconds)} req/s; ratio ${fmt(base.seconds / deliverySeconds, 2)}`,
      );
    }
    agent.destroy();
    console.log(`  worker CPU by thread (ms): ${[...threads].filter(([, v]) => v > 0).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    // Claims read the due index in order: the leased messages at its front (in flight and buffered, up
    // to twice the concurrency), then the batch. More than that means a statement scans it needlessly.
    console.log(`  due index: ${fmt(dueScans)} scans, ${fmt(dueEntries / Math.max(1, dueScans), 1)} entries read per scan`);
    const deliverySeconds = rounds.reduce((n, r) => n + r.delivery, 0);
    const baselineSeconds = rounds.reduce((n, r) => n + r.baseline, 0);
    const roundRatios = rounds.map((r) => r.baseline / r.delivery).sort((x, y) => x - y);

    // Phase 2: open-loop emission at RATE while the worker delivers; latency from the event row.
    const l0 = Date.now();
    const emitted: Promise<unknown>[] = [];
    let inFlight = 0;
    for (let i = 0; i < LATENCY_EVENTS; ) {
      const due = Math.min(LATENCY_EVENTS, Math.floor(((Date.now() - l0) / 1000) * RATE) + 1);
      // At most MAX_IN_FLIGHT requests open: if the API falls behind, the achieved rate (printed) drops.
      for (; i < due && inFlight < MAX_IN_FLIGHT; i++) {
        inFlight++;
        emitted.push(stack.api('/companies', { method: 'POST', json: { name: `Latency ${i}` } }).finally(() => inFlight--));
      }
      await sleep(2);
    }
    await Promise.all(emitted);
    const emitRate = LATENCY_EVENTS / ((Date.now() - l0) / 1000);
    await waitDelivered(receiver, WARMUP_EVENTS + EVENTS + LATENCY_EVENTS, 600_000);
    for (let i = 0; ; i++) {
      const { n } = (await pg.query(`SELECT count(*)::int AS n FROM webhook_message WHERE status = 'Pending'`)).rows[0] as { n: number };
      if (n === 0) break;
      if (i > 1000) throw new Error(`${n} messages still Pending`);
      await sleep(20);
    }
    const messages = (
      await pg.query(
        `SELECT m.id::text AS id, m.status, m.attempt_count,
           (extract(epoch FROM e.created_at) * 1000)::float8 AS created_ms,
           (extract(epoch FROM m.last_attempt_at) * 1000)::float8 AS done_ms
         FROM webhook_message m JOIN webhook_event e ON e.id = m.event_id`,
      )
    ).rows as { id: string; status: string; attempt_count: number; created_ms: number; done_ms: number }[];
    const all = await receiver.dump();
    const receipt = new Map<string, number>();
    for (const d of all) if (!receipt.has(d.id)) receipt.set(d.id, d.at);
    const received: number[] = [];
    const recorded: number[] = [];
    for (const m of messages) {
      const id = hexId(m.id);
      if (backlogIds.has(id) || warmupIds.has(id)) continue;
      const at = receipt.get(id);
      if (at !== undefined) received.push(at - m.created_ms);
      recorded.push(m.done_ms - m.created_ms);
    }
    received.sort((a, b) => a - b);
    recorded.sort((a, b) => a - b);

    // Checks.
    const total = WARMUP_EVENTS + EVENTS + LATENCY_EVENTS;
    const { events } = (await pg.query(`SELECT count(*)::int AS events FROM webhook_event`)).rows[0] as { events: number };
    const ids = new Set(messages.map((m) => hexId(m.id)));
    const unknown = [...receipt.keys()].filter((id) => !ids.has(id)).length;
    const succeeded = messages.filter((m) => m.status === 'Succeeded').length;
    const extraAttempts = messages.reduce((n, m) => n + m.attempt_count - 1, 0);
    const wh = new Webhook(secret);
    let verified = 0;
    const step = Math.max(1, Math.floor(all.length / SIGNATURE_SAMPLE));
    const sample = all.filter((_, i) => i % step === 0).slice(0, SIGNATURE_SAMPLE);
    for (const d of sample) {
      try {
        wh.verify(d.body, { 'webhook-id': d.id, 'webhook-timestamp': d.timestamp, 'webhook-signature': d.signature });
        verified++;
      } catch {
        /* counted as a failure */
      }
    }

    const rate = EVENTS / deliverySeconds;
    const baseRate = EVENTS / baselineSeconds;
    const ratio = rate / baseRate;
    const p99 = percentile(received, 99);
    const recordedSeconds = rounds.reduce((n, r) => n + r.recorded, 0);
    rows.push(['events emitted (POST /companies)', `${fmt(EVENTS / emitSeconds)} ev/s`, `${fmt(EVENTS)} events in ${ROUNDS} rounds, ${EMIT_CONCURRENCY} clients, worker frozen`, '']);
    rows.push(['baseline: plain POSTs', `${fmt(baseRate)} req/s`, `${CONCURRENCY} concurrent, p50 ${rounds.map((r) => fmt(r.baseP50, 1)).join('/')} ms, p99 ${rounds.map((r) => fmt(r.baseP99, 1)).join('/')} ms`, '']);
    rows.push(['delivery: backlog → receiver', `${fmt(rate)} deliveries/s`, `${fmt(deliverySeconds, 2)} s; all attempts recorded after ${fmt(recordedSeconds, 2)} s`, '']);
    const perItem = (used: Record<string, number>, n: number) =>
      Object.entries(used)
        .map(([k, ms]) => `${k} ${fmt((ms * 1000) / n)}`)
        .join(', ');
    rows.push(['  CPU µs per request (baseline)', perItem(baseCpu, EVENTS), '', '']);
    rows.push(['  CPU µs per delivery', perItem(cpu, EVENTS), `total ${fmt((Object.values(cpu).reduce((a, b) => a + b, 0) * 1000) / EVENTS)}; ${fmt((transactions * 100) / EVENTS, 1)} PG transactions per 100`, '']);
    rows.push(['delivery / baseline', `${fmt(ratio, 2)}× throughput`, `rounds: ${roundRatios.map((r) => fmt(r, 2)).join(', ')}`, `≥ 0.5 ${ratio >= 0.5 ? 'PASS' : 'FAIL'}`]);
    rows.push([
      `latency at ${fmt(emitRate)} ev/s (event row → receipt)`,
      `p99 ${fmt(p99, 1)} ms`,
      `p50 ${fmt(percentile(received, 50), 1)} ms, max ${fmt(percentile(received, 100), 1)} ms`,
      `< 1000 ${p99 < 1000 ? 'PASS' : 'FAIL'}`,
    ]);
    rows.push(['latency (event row → attempt recorded)', `p99 ${fmt(percentile(recorded, 99), 1)} ms`, `p50 ${fmt(percentile(recorded, 50), 1)} ms`, '']);
    const exact = events === total && messages.length === total && receipt.size === total && unknown === 0 && succeeded === total;
    rows.push([
      'every event delivered',
      `${fmt(receipt.size)} / ${fmt(total)} webhook-ids`,
      `${fmt(all.length)} requests, ${fmt(succeeded)} Succeeded, ${fmt(extraAttempts)} retries`,
      exact ? 'PASS' : 'FAIL',
    ]);
    rows.push(['signatures (svix Webhook.verify)', `${verified} / ${sample.length} verified`, '', verified === sample.length && sample.length > 0 ? 'PASS' : 'FAIL']);
  } finally {
    try {
      process.kill(stack.workerPid, 'SIGCONT');
    } catch {
      /* gone already */
    }
    await pg.end();
    await stack.stop();
    receiver.stop();
  }
  const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
  return rows;
}
