'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../../lib/errors';
import { formatDateTime, pageInfo } from '../../../../lib/format';
import { useTRPC } from '../../../../lib/trpc';
import { dataTypeLabel, orderDataTypes } from '../../_sync/data-types';
import { anyUnfinished, isUnfinishedStatus, refreshErrorText } from '../../_sync/dataset-status';
import { nextRunsByType, progressEntry, type TypeSchedule } from '../../_sync/schedule';
import { displayTimeZone } from '../../_sync/settings-form';
import { DatasetStatusBadge, SyncProgress } from '../../_sync/sync-badges';
import { datasetDuration } from '../../_sync/time';
import type { DataStatusEntry, PullOperation, PullOperationPage } from '../../_sync/types';
import { useNow } from '../../_sync/use-now';
import { When } from '../../_sync/when';
import { Pager } from '../../pager';
import { LoadError } from '../../error-box';

/** How often the page asks again while a sync is under way. */
export const POLL_MS = 1_500;
export const HISTORY_PAGE_SIZE = 10;
/** Recent datasets read for the progress bars (the status map has no progress). */
const RECENT_SIZE = 50;

/** The company page's data status table and sync history, polling while any sync is unfinished. */
export function DataSync({ companyId, pollMs = POLL_MS }: { companyId: string; pollMs?: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);

  const status = useQuery(trpc.data.status.queryOptions({ companyId }));
  const active = anyUnfinished(status.data);
  const recent = useQuery({ ...trpc.data.history.queryOptions({ companyId, page: 1, pageSize: RECENT_SIZE }), enabled: active });
  const history = useQuery({ ...trpc.data.history.queryOptions({ companyId, page, pageSize: HISTORY_PAGE_SIZE }), placeholderData: keepPreviousData });
  const schedule = useQuery(trpc.data.schedule.queryOptions({ companyId }));
  const settings = useQuery(trpc.data.companySettings.queryOptions({ companyId }));

  // While a sync is unfinished: status and history are read again together (one batched request),
  // so the two tables never disagree about a sync that just finished.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      void queryClient.refetchQueries({ ...trpc.data.status.queryFilter({ companyId }), type: 'active' });
      void queryClient.refetchQueries({ ...trpc.data.history.queryFilter({ companyId }), type: 'active' });
    }, pollMs);
    return () => clearInterval(timer);
  }, [active, companyId, pollMs, queryClient, trpc]);

  // When the last sync finishes, the schedule (last runs) is read again too.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void queryClient.invalidateQueries(trpc.data.schedule.queryFilter({ companyId }));
    wasActive.current = active;
  }, [active, companyId, queryClient, trpc]);

  const onQueued = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.data.status.queryFilter({ companyId })),
      queryClient.invalidateQueries(trpc.data.history.queryFilter({ companyId })),
    ]);
  };

  const tick = useNow();
  const now = Math.max(tick, status.dataUpdatedAt || 0, history.dataUpdatedAt || 0);
  const timeZone = displayTimeZone(settings.data?.schedule?.timeZone as string | undefined);

  return (
    <>
      <DataStatusCard
        companyId={companyId}
        statuses={status.data}
        statusError={status.isError && !status.data ? status.error : null}
        onRetry={() => status.refetch()}
        loading={status.isPending}
        recent={recent.data?.results}
        nextRuns={nextRunsByType(schedule.data)}
        timeZone={timeZone}
        now={now}
        onQueued={onQueued}
      />
      <HistoryCard history={history} page={page} setPage={setPage} now={now} />
    </>
  );
}

function DataStatusCard({
  companyId,
  statuses,
  statusError,
  onRetry,
  loading,
  recent,
  nextRuns,
  timeZone,
  now,
  onQueued,
}: {
  companyId: string;
  statuses: Record<string, DataStatusEntry> | undefined;
  statusError: unknown;
  onRetry: () => void;
  loading: boolean;
  recent: PullOperation[] | undefined;
  nextRuns: Map<string, TypeSchedule>;
  timeZone: string;
  now: number;
  onQueued: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const refreshAll = useMutation(trpc.data.refreshAll.mutationOptions({ onSuccess: onQueued }));
  const types = orderDataTypes(Object.keys(statuses ?? {}));

  return (
    <section className="card" aria-labelledby="data-status-heading">
      <div className="card-head">
        <h2 id="data-status-heading">Data status</h2>
        <div className="card-actions">
          <Link href={`/companies/${companyId}/sync-settings`} data-testid="company-sync-settings-link">
            Company sync settings
          </Link>
          <button type="button" className="button" onClick={() => refreshAll.mutate({ companyId })} disabled={refreshAll.isPending} data-testid="refresh-all">
            {refreshAll.isPending ? 'Queuing…' : 'Refresh all'}
          </button>
        </div>
        <p className="hint">
          The latest sync of each data type. Refresh all queues every type set to fetch on first link. Next runs are shown in {timeZone}.
        </p>
      </div>
      <div aria-live="polite">
        {refreshAll.isSuccess ? (
          <p className="inline-status inline-status-ok" role="status" data-testid="refresh-all-result">
            {refreshAll.data.queued === 0
              ? 'Nothing new was queued: there is no linked connection, or every data type is already syncing.'
              : `Queued ${refreshAll.data.queued} ${refreshAll.data.queued === 1 ? 'sync' : 'syncs'}.`}
          </p>
        ) : null}
      </div>
      {refreshAll.isError ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="refresh-all-error">
          Could not refresh: {refreshErrorText(errorMessage(refreshAll.error))}
        </p>
      ) : null}

      {statusError ? (
        <LoadError what="the data status" error={statusError} onRetry={onRetry} />
      ) : null}
      {!statuses && loading ? (
        <p role="status" className="muted">
          Loading data status…
        </p>
      ) : null}
      {statuses ? (
        <div className="table-wrap">
          <table className="table sync-table" data-testid="data-status-table">
            <caption className="visually-hidden">Data status by data type</caption>
            <thead>
              <tr>
                <th scope="col">Data type</th>
                <th scope="col">Status</th>
                <th scope="col">Last successful sync</th>
                <th scope="col">Next scheduled run</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((t) => (
                <StatusRow
                  key={t}
                  companyId={companyId}
                  dataType={t}
                  entry={statuses[t]}
                  progress={progressEntry(t, statuses[t]?.latestSyncId, recent)}
                  next={nextRuns.get(t)}
                  timeZone={timeZone}
                  now={now}
                  onQueued={onQueued}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function StatusRow({
  companyId,
  dataType,
  entry,
  progress,
  next,
  timeZone,
  now,
  onQueued,
}: {
  companyId: string;
  dataType: string;
  entry: DataStatusEntry | undefined;
  progress: PullOperation | undefined;
  next: TypeSchedule | undefined;
  timeZone: string;
  now: number;
  onQueued: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const refresh = useMutation(trpc.data.refresh.mutationOptions({ onSuccess: onQueued }));
  const label = dataTypeLabel(dataType);
  const running = isUnfinishedStatus(entry?.currentStatus);
  const errorId = `refresh-error-${dataType}`;
  const buttonText = refresh.isPending ? 'Queuing…' : running ? 'Syncing…' : 'Refresh';

  return (
    <tr data-testid={`status-row-${dataType}`} data-status={entry?.currentStatus ?? ''} data-latest-sync-id={entry?.latestSyncId ?? ''}>
      <th scope="row">
        {label}
        <code className="type-key">{dataType}</code>
      </th>
      <td>
        <DatasetStatusBadge status={entry?.currentStatus} testId={`status-${dataType}`} />
        {running ? <SyncProgress progress={progress?.progress} label={`${label} sync progress`} testId={`progress-${dataType}`} /> : null}
      </td>
      <td>
        <When iso={entry?.lastSuccessfulSync} now={now} testId={`last-sync-${dataType}`} empty="Never" />
      </td>
      <td>
        <When iso={next?.nextRunAt} now={now} timeZone={timeZone} testId={`next-run-${dataType}`} empty="Not scheduled" />
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          onClick={() => refresh.mutate({ companyId, dataType })}
          disabled={refresh.isPending || running}
          aria-label={`${buttonText} ${label}`}
          aria-describedby={refresh.isError ? errorId : undefined}
          data-testid={`refresh-${dataType}`}
        >
          {buttonText}
        </button>
        {refresh.isError ? (
          <p id={errorId} className="row-error" role="alert" data-testid={errorId}>
            {refreshErrorText(errorMessage(refresh.error))}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

type HistoryQuery = UseQueryResult<PullOperationPage, unknown>;

function HistoryCard({ history, page, setPage, now }: { history: HistoryQuery; page: number; setPage: (p: number) => void; now: number }) {
  const data = history.data;
  const info = data ? pageInfo(data, ['sync', 'syncs']) : null;
  return (
    <section className="card" aria-labelledby="history-heading">
      <div className="card-head">
        <h2 id="history-heading">Sync history</h2>
      </div>
      {history.isError && !data ? (
        <LoadError what="the sync history" error={history.error} onRetry={() => history.refetch()} />
      ) : null}
      {!data && history.isPending ? (
        <p role="status" className="muted">
          Loading sync history…
        </p>
      ) : null}
      {data && info ? (
        <>
          {data.results.length === 0 ? (
            <p className="empty" data-testid="history-empty">
              No syncs yet. They start when a connection is linked, on schedule, or with Refresh.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table sync-table" data-testid="history-table" aria-busy={history.isFetching && history.isPlaceholderData}>
                <caption className="visually-hidden">Sync history, newest first, {info.pageText.toLowerCase()}</caption>
                <thead>
                  <tr>
                    <th scope="col">Data type</th>
                    <th scope="col">Status</th>
                    <th scope="col">Requested</th>
                    <th scope="col">Completed</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Error</th>
                  </tr>
                </thead>
                <tbody>
                  {data.results.map((op) => (
                    <HistoryRow key={op.id} op={op} now={now} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager label="Sync history pages" info={info} busy={history.isFetching} onPage={setPage} pageTextTestId="history-paging-text" totalTestId="history-total" />
        </>
      ) : null}
      {page > 1 && data && data.results.length === 0 ? (
        <button type="button" className="button" onClick={() => setPage(1)}>
          Back to the first page
        </button>
      ) : null}
    </section>
  );
}

function HistoryRow({ op, now }: { op: PullOperation; now: number }) {
  const label = dataTypeLabel(op.dataType);
  const running = isUnfinishedStatus(op.status);
  const duration = datasetDuration(op.requested, op.completed);
  return (
    <tr data-testid="history-row" data-dataset-id={op.id} data-data-type={op.dataType} data-status={op.status}>
      <td>
        {label}
        <code className="type-key">{op.dataType}</code>
      </td>
      <td>
        <DatasetStatusBadge status={op.status} />
        {running ? <SyncProgress progress={op.progress} label={`${label} sync progress`} /> : null}
      </td>
      <td className="nowrap">
        <When iso={op.requested} now={now} empty="—" />
      </td>
      <td className="nowrap">{op.completed ? <time dateTime={op.completed}>{formatDateTime(op.completed)}</time> : <span className="muted">{running ? 'Not yet' : '—'}</span>}</td>
      <td className="num nowrap">{duration ?? <span className="muted">{running ? 'Running…' : '—'}</span>}</td>
      <td>{op.errorMessage ? <span className="error-text">{op.errorMessage}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}
