import { formatInZone, relativeTime } from './time';

/** A time as "5 minutes ago" with the absolute time (in `timeZone`, default UTC) under it. */
export function When({ iso, now, timeZone, testId, empty }: { iso: string | undefined | null; now: number; timeZone?: string; testId?: string; empty: string }) {
  if (!iso) {
    return (
      <span className="muted" data-testid={testId}>
        {empty}
      </span>
    );
  }
  const absolute = formatInZone(iso, timeZone);
  return (
    <time className="when" dateTime={iso} title={absolute} data-testid={testId}>
      <span className="when-relative">{relativeTime(iso, now)}</span>
      <span className="when-absolute">{absolute}</span>
    </time>
  );
}
