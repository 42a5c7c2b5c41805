'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../../lib/errors';
import { formatDateTime, pageInfo } from '../../../../lib/format';
import { useTRPC } from '../../../../lib/trpc';
import { useNow } from '../../_sync/use-now';
import { When } from '../../_sync/when';
import { AttemptBadge, MessageStatusBadge } from '../../_webhooks/badges';
import { attemptDuration, attemptError, awaitingDelivery, excerpt, formatAttemptTime, logFingerprint, MESSAGE_STATUSES } from '../../_webhooks/format';
import type { WebhookAttempt, WebhookMessage, WebhookMessageStatus } from '../../_webhooks/types';
import { replaySinceIso, replaySinceProblem, toUtcInputValue } from '../../_webhooks/webhook-form';
import { Pager } from '../../pager';
import { LoadError } from '../../error-box';

export const LOG_PAGE_SIZE = 20;
/** While a message waits for an attempt that is due soon, the log is read this often. */
export const LOG_POLL_MS = 1_500;
/** Otherwise it is read this often, for new events. */
export const LOG_IDLE_MS = 15_000;
const DAY_MS = 24 * 3_600_000;

/**
 * The message log of one consumer: every event sent to it, newest first, with each attempt's
 * response code, duration, error and response excerpt; replay per message and "replay every
 * failed message since".
 */
export function MessageLog({ consumerId, consumerDisabled, pollMs = LOG_POLL_MS }: { consumerId: string; consumerDisabled: boolean; pollMs?: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filterId = useId();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<WebhookMessageStatus | ''>('');

  const log = useQuery({
    ...trpc.webhooks.messages.queryOptions({ consumerId, page, pageSize: LOG_PAGE_SIZE, ...(status ? { status } : {}) }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (awaitingDelivery(query.state.data?.results, Date.now()) ? pollMs : LOG_IDLE_MS),
  });
  const data = log.data;
  const info = data ? pageInfo({ pageNumber: data.page, pageSize: data.pageSize, totalResults: data.totalResults }, ['message', 'messages']) : null;

  // New attempts change the chart: it is read again whenever the log changes (not on its first load).
  const fingerprint = logFingerprint(data?.results);
  const loaded = data !== undefined;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!loaded) return;
    const before = seen.current;
    seen.current = fingerprint;
    if (before !== undefined && before !== fingerprint) void queryClient.invalidateQueries(trpc.webhooks.stats.pathFilter());
  }, [loaded, fingerprint, queryClient, trpc]);

  const now = Math.max(useNow(), log.dataUpdatedAt || 0);
  const onReplayed = () => queryClient.invalidateQueries(trpc.webhooks.messages.pathFilter());

  return (
    <section className="card" aria-labelledby="message-log-heading">
      <div className="card-head">
        <h2 id="message-log-heading">Message log</h2>
        <button type="button" className="button button-small" onClick={() => log.refetch()} disabled={log.isFetching} data-testid="message-log-refresh">
          {log.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
        <p className="hint">
          Every event sent to this webhook, newest first. Failed deliveries (no answer, 429 or 5xx) are retried automatically; other 4xx answers fail at once. Replaying keeps the
          message&apos;s webhook-id, so your receiver can recognise a repeat.
        </p>
      </div>

      <div className="log-toolbar">
        <div className="field">
          <label htmlFor={filterId}>Show</label>
          <select
            id={filterId}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as WebhookMessageStatus | '');
              setPage(1);
            }}
            data-testid="message-status-filter"
          >
            <option value="">All messages</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s} only
              </option>
            ))}
          </select>
        </div>
        <ReplayFailedForm consumerId={consumerId} consumerDisabled={consumerDisabled} onReplayed={onReplayed} />
      </div>

      {log.isError && !data ? (
        <LoadError what="the message log" error={log.error} onRetry={() => log.refetch()} />
      ) : null}
      {!data && log.isPending ? (
        <p role="status" className="muted">
          Loading messages…
        </p>
      ) : null}
      {data && info ? (
        <>
          {data.results.length === 0 ? (
            <p className="empty" data-testid="message-log-empty">
              {status ? `No ${status.toLowerCase()} messages.` : 'No messages yet. Send a test event to try the endpoint.'}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table sync-table" data-testid="message-log" aria-busy={log.isFetching && log.isPlaceholderData}>
                <caption className="visually-hidden">Messages sent to this webhook, newest first, {info.pageText.toLowerCase()}</caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.results.map((m) => (
                    <MessageRow key={m.id} consumerId={consumerId} message={m} now={now} consumerDisabled={consumerDisabled} onReplayed={onReplayed} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager label="Message log pages" info={info} busy={log.isFetching} onPage={setPage} pageTextTestId="message-log-paging-text" totalTestId="message-log-total" />
        </>
      ) : null}
    </section>
  );
}

function ReplayFailedForm({ consumerId, consumerDisabled, onReplayed }: { consumerId: string; consumerDisabled: boolean; onReplayed: () => Promise<void> }) {
  const trpc = useTRPC();
  const [since, setSince] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [sentSince, setSentSince] = useState('');
  const replay = useMutation(trpc.webhooks.replayFailed.mutationOptions({ onSuccess: onReplayed }));

  // A day ago, set in the browser (not during server rendering, whose clock would differ).
  useEffect(() => setSince((s) => s || toUtcInputValue(Date.now() - DAY_MS)), []);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = replaySinceProblem(since, Date.now());
    setProblem(found);
    if (found) return;
    const iso = replaySinceIso(since);
    setSentSince(iso);
    replay.mutate({ consumerId, since: iso });
  };

  return (
    <form className="replay-since" onSubmit={onSubmit} noValidate aria-label="Replay failed messages" data-testid="replay-failed-form">
      <div className="field">
        <label htmlFor="replay-since">Replay failed messages since (UTC)</label>
        <input
          id="replay-since"
          type="datetime-local"
          value={since}
          onChange={(e) => {
            setSince(e.target.value);
            setProblem(undefined);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'replay-since-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={replay.isPending || consumerDisabled} data-testid="replay-failed">
        {replay.isPending ? 'Replaying…' : 'Replay failed'}
      </button>
      <div aria-live="polite" className="replay-status">
        {problem ? (
          <p id="replay-since-error" className="field-error">
            {problem}
          </p>
        ) : null}
        {replay.isSuccess ? (
          <p className="inline-status inline-status-ok" role="status" data-testid="replay-failed-result">
            {replay.data.messages === 0
              ? `No failed messages since ${formatDateTime(sentSince)}.`
              : `Queued ${replay.data.messages} failed ${replay.data.messages === 1 ? 'message' : 'messages'} for delivery again.`}
          </p>
        ) : null}
        {replay.isError ? (
          <p className="inline-status inline-status-error" role="alert" data-testid="replay-failed-error">
            Could not replay: {errorMessage(replay.error)}
          </p>
        ) : null}
        {consumerDisabled ? <p className="hint">Enable the webhook to replay messages.</p> : null}
      </div>
    </form>
  );
}

function MessageRow({
  consumerId,
  message: m,
  now,
  consumerDisabled,
  onReplayed,
}: {
  consumerId: string;
  message: WebhookMessage;
  now: number;
  consumerDisabled: boolean;
  onReplayed: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [showBody, setShowBody] = useState(false);
  const replay = useMutation(trpc.webhooks.replay.mutationOptions({ onSuccess: onReplayed }));
  const bodyId = `message-body-${m.id}`;
  const errorId = `replay-error-${m.id}`;

  return (
    <>
      <tr data-testid="message-row" data-message-id={m.id} data-webhook-id={m.webhookId} data-status={m.status} data-event-type={m.eventType}>
        <td>
          <code>{m.eventType}</code>
          <code className="type-key" title="webhook-id">
            {m.webhookId}
          </code>
        </td>
        <td>
          <MessageStatusBadge status={m.status} testId="message-status" />
          {m.status === 'Pending' && m.nextAttemptDate ? (
            <span className="source-tag">
              Next attempt <When iso={m.nextAttemptDate} now={now} empty="" />
            </span>
          ) : null}
        </td>
        <td className="nowrap">
          <When iso={m.createdDate} now={now} empty="—" />
        </td>
        <td>
          <Attempts attempts={m.attempts} />
        </td>
        <td>
          <div className="card-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => replay.mutate({ consumerId, messageId: m.id })}
              disabled={replay.isPending || consumerDisabled}
              aria-label={`Replay ${m.eventType} message ${m.webhookId}`}
              aria-describedby={replay.isError ? errorId : undefined}
              data-testid="replay-message"
            >
              {replay.isPending ? 'Replaying…' : 'Replay'}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setShowBody((v) => !v)}
              aria-expanded={showBody}
              aria-controls={showBody ? bodyId : undefined}
              aria-label={`${showBody ? 'Hide' : 'Show'} the body of ${m.webhookId}`}
            >
              {showBody ? 'Hide body' : 'Body'}
            </button>
          </div>
          {replay.isSuccess ? (
            <p className="inline-status inline-status-ok" role="status" data-testid="replay-message-result">
              Queued again.
            </p>
          ) : null}
          {replay.isError ? (
            <p id={errorId} className="row-error" role="alert" data-testid="replay-message-error">
              {errorMessage(replay.error)}
            </p>
          ) : null}
        </td>
      </tr>
      {showBody ? (
        <tr className="body-row">
          <td colSpan={5} id={bodyId}>
            <MessageBody consumerId={consumerId} messageId={m.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function Attempts({ attempts }: { attempts: WebhookAttempt[] }) {
  if (!attempts.length) return <span className="muted">None yet</span>;
  return (
    <ol className="attempts" aria-label={`${attempts.length} ${attempts.length === 1 ? 'attempt' : 'attempts'}`}>
      {attempts.map((a) => {
        const error = attemptError(a);
        return (
          <li key={a.id} className="attempt" data-testid="attempt" data-status-code={a.statusCode ?? ''} data-succeeded={String(a.succeeded)}>
            <AttemptBadge attempt={a} />
            <span className="num">{attemptDuration(a.durationMs)}</span>
            <time className="muted" dateTime={a.attemptedDate}>
              {formatAttemptTime(a.attemptedDate)}
            </time>
            {error ? (
              <span className="attempt-detail error-text" data-testid="attempt-error">
                {error}
              </span>
            ) : null}
            {a.response ? (
              <details className="attempt-detail">
                <summary>Response: {excerpt(a.response, 60)}</summary>
                <pre className="excerpt" data-testid="attempt-response">
                  {a.response}
                </pre>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function MessageBody({ consumerId, messageId }: { consumerId: string; messageId: string }) {
  const trpc = useTRPC();
  const message = useQuery({ ...trpc.webhooks.message.queryOptions({ consumerId, messageId }), staleTime: Infinity });
  if (message.isError) {
    return (
      <p className="inline-status inline-status-error" role="alert">
        Could not load the body: {errorMessage(message.error)}
      </p>
    );
  }
  if (!message.data) {
    return (
      <p role="status" className="muted">
        Loading the body…
      </p>
    );
  }
  return (
    <>
      <p className="hint">The exact JSON body that is signed and POSTed.</p>
      <pre className="body-json" data-testid="message-body">
        {JSON.stringify(message.data.body, null, 2)}
      </pre>
    </>
  );
}
