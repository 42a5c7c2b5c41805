'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatDateTime } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import { splitNotices } from './format';
import type { WebhookNotice } from './types';
import '../_sync/sync.css';
import './webhooks.css';

/**
 * `webhook.disabled` notices: a banner naming every consumer that was disabled after failing
 * continuously and is still disabled; earlier notices folded under it.
 */
export function WebhookNotices() {
  const trpc = useTRPC();
  const notices = useQuery(trpc.webhooks.notices.queryOptions());
  const { active, earlier } = splitNotices(notices.data);
  if (!active.length && !earlier.length) return null;
  return (
    <>
      {active.length ? (
        <section className="warning-box" aria-labelledby="webhook-notices-heading" data-testid="webhook-notices">
          <h2 id="webhook-notices-heading">{active.length === 1 ? 'A webhook was disabled' : `${active.length} webhooks were disabled`}</h2>
          <ul>
            {active.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
          <p className="hint">Nothing is delivered to a disabled webhook. Fix the endpoint, enable it, then replay the failed messages.</p>
        </section>
      ) : null}
      {earlier.length ? (
        <details className="notices-earlier" data-testid="webhook-notices-earlier">
          <summary>Earlier notices ({earlier.length})</summary>
          <ul>
            {earlier.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function NoticeItem({ notice }: { notice: WebhookNotice }) {
  return (
    <li data-testid="webhook-notice" data-consumer-id={notice.consumerId}>
      <Link href={`/webhooks/${notice.consumerId}`}>{notice.url || 'A webhook'}</Link> was disabled on{' '}
      <time dateTime={notice.createdDate}>{formatDateTime(notice.createdDate)}</time>: {notice.message}
      {notice.stillDisabled ? null : <span className="muted"> (enabled again since)</span>}
    </li>
  );
}
