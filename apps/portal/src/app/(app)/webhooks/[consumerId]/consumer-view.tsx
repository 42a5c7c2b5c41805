'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '../../../../lib/errors';
import { formatDateTime } from '../../../../lib/format';
import { useTRPC } from '../../../../lib/trpc';
import { CopyButton } from '../../../link/copy-button';
import { ConsumerStateBadge } from '../../_webhooks/badges';
import { DeliveryChart } from '../../_webhooks/delivery-chart';
import { shortUrl } from '../../_webhooks/format';
import type { WebhookConsumer } from '../../_webhooks/types';
import { LOG_POLL_MS, MessageLog } from './message-log';
import { LoadError } from '../../error-box';

/** The chart is read again this often, and whenever the message log changes. */
const STATS_REFRESH_MS = 60_000;

/**
 * /webhooks/[consumerId]: a consumer's details and disabled reason, its signing secret (reveal,
 * copy, rotate), enable/disable, a test event, delete, its deliveries chart and message log.
 */
export function ConsumerView({ consumerId, initial, pollMs = LOG_POLL_MS }: { consumerId: string; initial?: WebhookConsumer; pollMs?: number }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.webhooks.list.queryOptions());
  const [deleted, setDeleted] = useState(false);
  const consumer = list.data ? list.data.find((c) => c.id.toLowerCase() === consumerId.toLowerCase()) : initial;

  if (deleted) {
    return (
      <p className="success-box" role="status" data-testid="webhook-deleted">
        Deleted the webhook. <Link href="/webhooks">Back to webhooks</Link>
      </p>
    );
  }
  if (!consumer) {
    if (list.isError) {
      return (
        <LoadError what="the webhook" error={list.error} onRetry={() => list.refetch()} />
      );
    }
    if (list.isPending) {
      return (
        <p role="status" className="muted">
          Loading the webhook…
        </p>
      );
    }
    return (
      <div className="card" data-testid="webhook-missing">
        <h1>Webhook not found</h1>
        <p>It may have been deleted.</p>
        <Link href="/webhooks">Back to webhooks</Link>
      </div>
    );
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/webhooks">Webhooks</Link>
          </li>
          <li aria-current="page">{shortUrl(consumer.url) || consumer.id}</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1 className="webhook-title" data-testid="webhook-url">
          {consumer.url || '(no URL)'}
        </h1>
        <ConsumerStateBadge consumer={consumer} testId="webhook-state" />
      </div>

      <StateNotice consumer={consumer} />
      <DetailsCard consumer={consumer} />
      <ManageCard consumer={consumer} onDeleted={() => setDeleted(true)} />
      <SecretCard consumerId={consumer.id} />

      <section className="card" aria-labelledby="consumer-chart-heading">
        <div className="card-head">
          <h2 id="consumer-chart-heading">Deliveries in the last 24 hours</h2>
        </div>
        <ConsumerChart consumerId={consumer.id} />
      </section>

      <MessageLog consumerId={consumer.id} consumerDisabled={consumer.disabled} pollMs={pollMs} />
    </>
  );
}

function StateNotice({ consumer }: { consumer: WebhookConsumer }) {
  if (consumer.disabled) {
    return (
      <div className="warning-box" data-testid="webhook-disabled-notice">
        <p>
          <strong>Disabled</strong>
          {consumer.disabledDate ? (
            <>
              {' '}
              on <time dateTime={consumer.disabledDate}>{formatDateTime(consumer.disabledDate)}</time>
            </>
          ) : null}
          : <span data-testid="webhook-disabled-reason">{consumer.disabledReason ?? 'no reason was recorded'}</span>
        </p>
        <p className="hint">Nothing is delivered while it is disabled, and its pending messages were marked failed. Enable it, then replay the failed messages.</p>
      </div>
    );
  }
  if (consumer.failingSince) {
    return (
      <div className="warning-box" data-testid="webhook-failing-notice">
        <p>
          Every delivery has failed since <time dateTime={consumer.failingSince}>{formatDateTime(consumer.failingSince)}</time>. A webhook that keeps failing for 5 days is
          disabled.
        </p>
      </div>
    );
  }
  return null;
}

function DetailsCard({ consumer }: { consumer: WebhookConsumer }) {
  return (
    <section className="card" aria-labelledby="consumer-details-heading">
      <h2 id="consumer-details-heading">Details</h2>
      <dl className="details" data-testid="webhook-details">
        <dt>ID</dt>
        <dd>
          <code data-testid="webhook-id">{consumer.id}</code>
        </dd>
        <dt>Endpoint URL</dt>
        <dd className="break">{consumer.url || <span className="muted">None (email-only rule)</span>}</dd>
        {consumer.kind === 'rule' ? (
          <>
            <dt>Kind</dt>
            <dd>Legacy rule{consumer.ruleType ? <>: {consumer.ruleType}</> : null}</dd>
          </>
        ) : null}
        <dt>Event types</dt>
        <dd>
          <ul className="event-codes" aria-label="Event types" data-testid="webhook-event-types">
            {consumer.eventTypes.map((t) => (
              <li key={t}>
                <code>{t}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Companies</dt>
        <dd>
          {consumer.companyTags?.length ? (
            <>
              Tagged{' '}
              <ul className="event-codes event-codes-inline" aria-label="Company tags" data-testid="webhook-company-tags">
                {consumer.companyTags.map((t) => (
                  <li key={t}>
                    <code>{t}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : consumer.companyId ? (
            <code>{consumer.companyId}</code>
          ) : (
            <span className="muted">All companies</span>
          )}
        </dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={consumer.createdDate}>{formatDateTime(consumer.createdDate)}</time>
        </dd>
      </dl>
    </section>
  );
}

function ManageCard({ consumer, onDeleted }: { consumer: WebhookConsumer; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const consumerId = consumer.id;

  const setDisabled = useMutation(
    trpc.webhooks.setDisabled.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.webhooks.list.queryKey(), (old) => old?.map((c) => (c.id === updated.id ? updated : c)));
        await Promise.all([
          queryClient.invalidateQueries(trpc.webhooks.list.queryFilter()),
          queryClient.invalidateQueries(trpc.webhooks.notices.queryFilter()),
          // Disabling fails the pending messages.
          queryClient.invalidateQueries(trpc.webhooks.messages.pathFilter()),
        ]);
      },
    }),
  );
  const sendTest = useMutation(trpc.webhooks.sendTest.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.webhooks.messages.pathFilter()) }));
  const remove = useMutation(
    trpc.webhooks.delete.mutationOptions({
      onSuccess: async () => {
        onDeleted();
        queryClient.setQueryData(trpc.webhooks.list.queryKey(), (old) => old?.filter((c) => c.id !== consumerId));
        router.replace('/webhooks');
        await queryClient.invalidateQueries(trpc.webhooks.list.queryFilter());
      },
    }),
  );

  const canTest = !consumer.disabled && Boolean(consumer.url);

  return (
    <section className="card" aria-labelledby="consumer-manage-heading">
      <div className="card-head">
        <h2 id="consumer-manage-heading">Manage</h2>
        <p className="hint">
          A test event (<code>webhook.test</code>) goes only to this webhook, through the normal delivery and retries. Disabling stops deliveries and fails pending messages.
        </p>
      </div>
      <div className="card-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setDisabled.reset();
            sendTest.reset();
            setDisabled.mutate({ consumerId, disabled: !consumer.disabled });
          }}
          disabled={setDisabled.isPending}
          data-testid="toggle-disabled"
        >
          {setDisabled.isPending ? (consumer.disabled ? 'Enabling…' : 'Disabling…') : consumer.disabled ? 'Enable webhook' : 'Disable webhook'}
        </button>
        <button type="button" className="button button-primary" onClick={() => sendTest.mutate({ consumerId })} disabled={sendTest.isPending || !canTest} data-testid="send-test">
          {sendTest.isPending ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" className="button" onClick={() => setConfirmDelete(true)} disabled={remove.isPending || confirmDelete} data-testid="delete-webhook">
          Delete webhook
        </button>
      </div>
      {confirmDelete ? (
        <div className="confirm-box" role="group" aria-labelledby="confirm-delete-text" data-testid="confirm-delete">
          <p id="confirm-delete-text">Delete this webhook? Nothing more is delivered to it, and its message log and secret are deleted too. This cannot be undone.</p>
          <button type="button" className="button button-danger" onClick={() => remove.mutate({ consumerId })} disabled={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Yes, delete it'}
          </button>
          <button type="button" className="button" onClick={() => setConfirmDelete(false)} disabled={remove.isPending}>
            Cancel
          </button>
        </div>
      ) : null}
      <div className="action-results" aria-live="polite">
        {sendTest.isSuccess ? (
          <p className="inline-status inline-status-ok" role="status" data-testid="send-test-result">
            Sent a test event (<code>{sendTest.data.webhookId}</code>). It appears in the message log below.
          </p>
        ) : null}
        {setDisabled.isSuccess ? (
          <p className="inline-status inline-status-ok" role="status" data-testid="toggle-disabled-result">
            {setDisabled.data.disabled ? 'Disabled the webhook.' : 'Enabled the webhook.'}
          </p>
        ) : null}
        {!canTest && !consumer.disabled ? <p className="hint">This rule has no URL, so there is nothing to send a test event to.</p> : null}
        {consumer.disabled ? <p className="hint">Enable the webhook to send a test event.</p> : null}
      </div>
      {sendTest.isError ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="send-test-error">
          Could not send a test event: {errorMessage(sendTest.error)}
        </p>
      ) : null}
      {setDisabled.isError ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="toggle-disabled-error">
          Could not {setDisabled.variables?.disabled ? 'disable' : 'enable'} the webhook: {errorMessage(setDisabled.error)}
        </p>
      ) : null}
      {remove.isError ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="delete-webhook-error">
          Could not delete the webhook: {errorMessage(remove.error)}
        </p>
      ) : null}
    </section>
  );
}

function SecretCard({ consumerId }: { consumerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const secretKey = trpc.webhooks.revealSecret.queryKey({ consumerId });
  const secret = useQuery({ ...trpc.webhooks.revealSecret.queryOptions({ consumerId }), enabled: revealed, staleTime: Infinity, gcTime: 0 });
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(secretKey, next);
        setRevealed(true);
        setConfirmRotate(false);
      },
    }),
  );
  const key = revealed ? secret.data?.key : undefined;

  return (
    <section className="card" aria-labelledby="consumer-secret-heading">
      <div className="card-head">
        <h2 id="consumer-secret-heading">Signing secret</h2>
        <p className="hint">
          Verify the <code>webhook-signature</code> header of each delivery with this secret, for example with the <code>svix</code> or <code>standardwebhooks</code> libraries.
          Keep it private.
        </p>
      </div>
      <div className="secret-row">
        {key ? (
          <code className="secret-value" data-testid="webhook-secret">
            {key}
          </code>
        ) : (
          <span className="secret-value secret-hidden" data-testid="webhook-secret-hidden">
            <span aria-hidden="true">whsec_••••••••••••••••</span>
            <span className="visually-hidden">{revealed && secret.isPending ? 'Loading the secret' : 'Secret hidden'}</span>
          </span>
        )}
        <button type="button" className="button" onClick={() => setRevealed((v) => !v)} disabled={revealed && secret.isFetching} data-testid="toggle-secret">
          {revealed ? (secret.isFetching ? 'Revealing…' : 'Hide secret') : 'Reveal secret'}
        </button>
        {key ? <CopyButton text={key} label="Copy secret" testId="copy-secret" /> : null}
        <button type="button" className="button" onClick={() => setConfirmRotate(true)} disabled={rotate.isPending || confirmRotate} data-testid="rotate-secret">
          Rotate secret
        </button>
      </div>
      {confirmRotate ? (
        <div className="confirm-box" role="group" aria-labelledby="confirm-rotate-text" data-testid="confirm-rotate">
          <p id="confirm-rotate-text">
            Rotate the signing secret? A new secret signs every delivery from now on. The current one keeps signing alongside it for 24 hours, so your receiver has a day to switch.
          </p>
          <button type="button" className="button button-primary" onClick={() => rotate.mutate({ consumerId })} disabled={rotate.isPending}>
            {rotate.isPending ? 'Rotating…' : 'Yes, rotate it'}
          </button>
          <button type="button" className="button" onClick={() => setConfirmRotate(false)} disabled={rotate.isPending}>
            Cancel
          </button>
        </div>
      ) : null}
      <div className="action-results" aria-live="polite">
        {rotate.isSuccess ? (
          <p className="inline-status inline-status-ok" role="status" data-testid="rotate-secret-result">
            Rotated. The new secret is shown above; the previous one keeps signing for 24 hours.
          </p>
        ) : null}
      </div>
      {secret.isError && revealed ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="secret-error">
          Could not reveal the secret: {errorMessage(secret.error)}
        </p>
      ) : null}
      {rotate.isError ? (
        <p className="inline-status inline-status-error" role="alert" data-testid="rotate-secret-error">
          Could not rotate the secret: {errorMessage(rotate.error)}
        </p>
      ) : null}
    </section>
  );
}

function ConsumerChart({ consumerId }: { consumerId: string }) {
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.webhooks.stats.queryOptions({ consumerId }), refetchInterval: STATS_REFRESH_MS });
  if (stats.isError && !stats.data) {
    return (
      <p className="inline-status inline-status-error" role="alert">
        Could not load the delivery statistics: {errorMessage(stats.error)}
      </p>
    );
  }
  if (!stats.data) {
    return (
      <p role="status" className="muted">
        Loading delivery statistics…
      </p>
    );
  }
  return <DeliveryChart stats={stats.data} label="Delivery attempts to this webhook in the last 24 hours" testId="consumer-deliveries-chart" />;
}
