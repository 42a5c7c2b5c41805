'use client';
import type { PageInfo } from '../../lib/format';

interface PagerProps {
  /** The nav's accessible name, e.g. "Sync history pages". */
  label: string;
  info: PageInfo;
  /** While a page loads, both buttons are disabled. */
  busy: boolean;
  onPage: (page: number) => void;
  /** Test ids of the "Page 2 of 5" text and of the total. */
  pageTextTestId: string;
  totalTestId: string;
}

/** Previous / Next for a paged list, with "Page N of M" and the total. */
export function Pager({ label, info, busy, onPage, pageTextTestId, totalTestId }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" onClick={() => onPage(info.page - 1)} disabled={!info.hasPrevious || busy}>
        Previous
      </button>
      <span data-testid={pageTextTestId} aria-live="polite">
        {info.pageText}
      </span>
      <button type="button" className="button" onClick={() => onPage(info.page + 1)} disabled={!info.hasNext || busy}>
        Next
      </button>
      <span className="muted pager-total" data-testid={totalTestId}>
        {info.totalText}
      </span>
    </nav>
  );
}
