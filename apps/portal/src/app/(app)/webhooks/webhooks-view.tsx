'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useTRPC } from '../../../lib/trpc';
import { ConsumerStateBadge } from '../_webhooks/badges';
import { DeliveryChart } from '../_webhooks/delivery-chart';
import { eventTypesSummary } from '../_webhooks/format';
import { WebhookNotices } from '../_webhooks/notices';
import type { WebhookConsumer } from '../_webhooks/types';
import { CreateWebhookForm } from './create-webhook-form';
import { LoadError } from '../error-box';

/** The chart is read again this often while the page is open. */
export const STATS_REFRESH_MS = 60_000;

/** /webhooks: disabled-webhook notices, deliveries of the last day, the client's consumers and the form to add one. */
export function WebhooksView() {
  const trpc = useTRPC();
  const list = useQuery(trpc.webhooks.list.queryOptions());
  const stats = useQuery({ ...trpc.webhooks.stats.queryOptions(), refetchInterval: STATS_REFRESH_MS });
  const [created, setCreated] = useState<Pick<WebhookConsumer, 'id' | 'url'> | null>(null);

  return (
    <>
      <div className="page-head">
        <h1>Webhooks</h1>
        <p className="muted">Endpoints that receive signed events when companies, connections and data change.</p>
      </div>

      <WebhookNotices />

      {created ? (
        <p className="success-box" role="status" data-testid="create-webhook-success">
          Added a webhook for{' '}
          <Link href={`/webhooks/${created.id}`} className="break">
            {created.url}
          </Link>
          . Open it to reveal its signing secret and send a test event.
        </p>
      ) : null}

      <section className="card" aria-labelledby="webhooks-list-heading">
        <div className="card-head">
          <h2 id="webhooks-list-heading">Your webhooks</h2>
        </div>
        {list.isError && !list.data ? (
          <LoadError what="the webhooks" error={list.error} onRetry={() => list.refetch()} />
        ) : null}
        {!list.data && list.isPending ? (
          <p role="status" className="muted">
            Loading webhooks…
          </p>
        ) : null}
        {list.data ? (
          list.data.length === 0 ? (
            <p className="empty" data-testid="webhooks-empty">
              No webhooks yet. Add the first one below.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="webhooks-table">
                <caption className="visually-hidden">Webhooks, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Status</th>
                    <th scope="col">Event types</th>
                    <th scope="col">Companies</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((c) => (
                    <ConsumerRow key={c.id} consumer={c} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </section>

      <section className="card" aria-labelledby="webhooks-chart-heading">
        <div className="card-head">
          <h2 id="webhooks-chart-heading">Deliveries in the last 24 hours</h2>
          <p className="hint">Delivery attempts to all your webhooks per hour, including retries.</p>
        </div>
        {stats.isError && !stats.data ? (
          <p className="inline-status inline-status-error" role="alert">
            Could not load the delivery statistics: {errorMessage(stats.error)}
          </p>
        ) : stats.data ? (
          <DeliveryChart stats={stats.data} label="Delivery attempts to all webhooks in the last 24 hours" testId="deliveries-chart" />
        ) : (
          <p role="status" className="muted">
            Loading delivery statistics…
          </p>
        )}
      </section>

      <CreateWebhookForm onCreated={(c) => setCreated({ id: c.id, url: c.url })} />
    </>
  );
}

function ConsumerRow({ consumer }: { consumer: WebhookConsumer }) {
  return (
    <tr data-testid="webhook-row" data-consumer-id={consumer.id}>
      <td>
        <Link href={`/webhooks/${consumer.id}`} className="strong-link break">
          {consumer.url || '(no URL: email rule)'}
        </Link>
        {consumer.kind === 'rule' ? <span className="source-tag">Legacy rule{consumer.ruleType ? `: ${consumer.ruleType}` : ''}</span> : null}
      </td>
      <td>
        <ConsumerStateBadge consumer={consumer} />
        {consumer.disabled && consumer.disabledReason ? <span className="source-tag">{consumer.disabledReason}</span> : null}
      </td>
      <td title={consumer.eventTypes.join(', ')}>{eventTypesSummary(consumer.eventTypes)}</td>
      <td>{consumer.companyTags?.length ? consumer.companyTags.join(', ') : consumer.companyId ? <code>{consumer.companyId}</code> : <span className="muted">All</span>}</td>
      <td className="nowrap">
        <time dateTime={consumer.createdDate}>{formatDateTime(consumer.createdDate)}</time>
      </td>
    </tr>
  );
}
