import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook pump's three hot statements become functions, so each is one round trip instead
 * of three (BEGIN + settings, the statement, COMMIT):
 *
 * - The planner settings (no sequential or bitmap scans, no sorts) are the functions' own `SET`
 *   clauses: they hold while the function runs and nowhere else, whatever pool or pooler the
 *   connection comes from. The delivery tables grow in bursts faster than statistics follow; left
 *   to estimates the planner was seen to scan every due message or the whole outbox per batch.
 * - `synchronous_commit = off` is set for the calling transaction (the pump calls each function as
 *   a statement of its own): losing the last claims or records to a crash of PostgreSQL itself
 *   leaves those messages Pending and leased, so they are attempted again (at-least-once).
 *
 * The statements are the ones the pump ran before (webhook-delivery.service.ts describes them),
 * but for the record: the update checks each message's fencing token itself instead of locking
 * the messages in a pass of its own first. The messages are reached by primary key (`id = ANY`),
 * never through the partial due index (see the comment in `webhook_record`).
 */
/** The planner settings every pump function runs with (a function's SET clause holds only while it runs). */
const INDEX_PATHS_ONLY = 'SET enable_seqscan = off SET enable_bitmapscan = off SET enable_sort = off';
/** For the calling transaction: claims and records do not wait for the WAL flush. */
const ASYNC_COMMIT = "PERFORM set_config('synchronous_commit', 'off', true);";

export class WebhookDeliveryFunctions1795350000000 implements MigrationInterface {
  name = 'WebhookDeliveryFunctions1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION webhook_claim_due(p_now timestamptz, p_lease timestamptz, p_limit int)
RETURNS TABLE (id uuid, attempt_count int, retry_base int, client_id uuid, client_name varchar, event_id uuid,
  event_type varchar, payload jsonb, company_id uuid, connection_id uuid, generated_at timestamptz,
  consumer_id uuid, url varchar, secrets_enc bytea, disabled boolean, rule_type varchar)
LANGUAGE plpgsql
${INDEX_PATHS_ONLY}
AS $fn$
#variable_conflict use_column
BEGIN
  ${ASYNC_COMMIT}
  RETURN QUERY
  WITH claimed AS (
    SELECT w.id FROM webhook_message w
    WHERE w.status = 'Pending' AND w.next_attempt_at <= p_now AND (w.leased_until IS NULL OR w.leased_until <= p_now)
    ORDER BY w.next_attempt_at
    LIMIT p_limit
    FOR UPDATE SKIP LOCKED
  ), leased AS (
    UPDATE webhook_message m
    SET attempt_count = m.attempt_count + 1, leased_until = p_lease
    FROM webhook_event e, webhook_consumer c, client cl
    WHERE m.id = ANY (ARRAY(SELECT claimed.id FROM claimed)) AND e.id = m.event_id AND c.id = m.consumer_id AND cl.id = m.client_id
    RETURNING m.id, m.attempt_count, m.retry_base, m.client_id, cl.name,
      e.id, e.event_type, e.payload, e.company_id, e.connection_id, e.created_at,
      c.id, c.url, c.secrets_enc, c.disabled, c.rule_type
  )
  SELECT * FROM leased;
END
$fn$`);
    await q.query(`
CREATE FUNCTION webhook_next_due(p_now timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE
${INDEX_PATHS_ONLY}
AS $fn$
BEGIN
  RETURN (SELECT w.next_attempt_at FROM webhook_message w
    WHERE w.status = 'Pending' AND (w.leased_until IS NULL OR w.leased_until <= p_now)
    ORDER BY w.next_attempt_at LIMIT 1);
END
$fn$`);
    await q.query(`
CREATE FUNCTION webhook_record(p_rows jsonb)
RETURNS TABLE (id uuid, failing_since timestamptz, disabled boolean)
LANGUAGE plpgsql
${INDEX_PATHS_ONLY}
AS $fn$
#variable_conflict use_column
BEGIN
  ${ASYNC_COMMIT}
  RETURN QUERY
  WITH r AS (
    SELECT * FROM jsonb_to_recordset(p_rows) AS x(
      message_id uuid, consumer_id uuid, client_id uuid, attempted_at timestamptz, succeeded boolean, status_code int,
      duration_ms int, response_body text, error text, status text, next_attempt_at timestamptz, token int)
  ), a AS (
    INSERT INTO webhook_attempt (message_id, consumer_id, client_id, attempted_at, succeeded, status_code, duration_ms, response_body, error)
    SELECT r.message_id, r.consumer_id, r.client_id, r.attempted_at, r.succeeded, r.status_code, r.duration_ms, r.response_body, r.error FROM r
  ), m AS (
    UPDATE webhook_message w SET status = r.status, next_attempt_at = r.next_attempt_at, leased_until = NULL,
      last_attempt_at = r.attempted_at, last_status_code = r.status_code, last_error = r.error
    FROM r
    -- IS NOT DISTINCT FROM (status is never null) rather than =, so that this condition does not
    -- make the partial due index (WHERE status = 'Pending') usable here: the messages are reached
    -- by primary key only. With = and no statistics, the planner was seen to scan the whole due
    -- index for every batch.
    WHERE w.id = ANY (ARRAY(SELECT r.message_id FROM r)) AND w.id = r.message_id AND w.attempt_count = r.token
      AND w.status IS NOT DISTINCT FROM 'Pending'
  ), streak AS (
    SELECT r.consumer_id, bool_or(r.succeeded) AS any_ok, min(r.attempted_at) AS first_at FROM r GROUP BY r.consumer_id
  ), c AS (
    UPDATE webhook_consumer wc SET failing_since = CASE WHEN s.any_ok THEN NULL ELSE coalesce(wc.failing_since, s.first_at) END
    FROM streak s
    WHERE wc.id = s.consumer_id AND (CASE WHEN s.any_ok THEN wc.failing_since IS NOT NULL ELSE wc.failing_since IS NULL END)
  )
  SELECT wc.id, wc.failing_since, wc.disabled FROM webhook_consumer wc WHERE wc.id IN (SELECT streak.consumer_id FROM streak);
END
$fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION webhook_record(jsonb)`);
    await q.query(`DROP FUNCTION webhook_next_due(timestamptz)`);
    await q.query(`DROP FUNCTION webhook_claim_due(timestamptz, timestamptz, int)`);
  }
}
