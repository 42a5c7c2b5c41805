import { clampProgress, datasetStatusLabel, statusTone } from './dataset-status';
import './sync.css';

/** A DatasetStatus (Queued, Fetching, Complete, FetchError, …) as a coloured badge. */
export function DatasetStatusBadge({ status, testId }: { status: string | undefined; testId?: string }) {
  if (!status) {
    return (
      <span className="badge badge-sync-none" data-testid={testId} data-status="">
        Never synced
      </span>
    );
  }
  return (
    <span className={`badge badge-sync-${statusTone(status)}`} data-testid={testId} data-status={status}>
      {datasetStatusLabel(status)}
    </span>
  );
}

/**
 * How far an unfinished sync has got. Without a known percentage (the history entry is not
 * loaded yet) it is an indeterminate bar: no aria-valuenow.
 */
export function SyncProgress({ progress, label, testId }: { progress: number | undefined; label: string; testId?: string }) {
  const value = clampProgress(progress);
  return (
    <div className="sync-progress">
      <div
        className={`progress${value === undefined ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={value === undefined ? 'In progress' : `${value}%`}
        data-testid={testId}
      >
        <div className="progress-fill" style={value === undefined ? undefined : { width: `${value}%` }} />
      </div>
      <span className="progress-text muted" aria-hidden="true">
        {value === undefined ? '…' : `${value}%`}
      </span>
    </div>
  );
}
