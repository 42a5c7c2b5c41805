import { statusLabel } from '../../lib/format';
import { COMPANY_STATUS_TEXT } from './flow';

/** Company status (Blank, PendingAuth, Linked, Deauthorised) with what it means, for the person linking. */
export function CompanyStatusBadge({ status }: { status: string }) {
  return (
    <span className="link-status" data-testid="company-status" data-status={status}>
      <span className={`badge badge-${status.toLowerCase()}`}>{statusLabel(status)}</span>
      {COMPANY_STATUS_TEXT[status] ? <span className="muted link-status-text">{COMPANY_STATUS_TEXT[status]}</span> : null}
    </span>
  );
}

/** A connection's status (PendingAuth, Linked, Unlinked, Deauthorized). */
export function ConnectionBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{statusLabel(status)}</span>;
}
