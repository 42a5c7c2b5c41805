import { attemptOutcome, CONSUMER_STATE_LABELS, consumerState, messageStatusTone } from './format';
import type { WebhookAttempt, WebhookConsumer } from './types';
import '../_sync/sync.css';
import './webhooks.css';

/** Enabled, Failing (enabled, every recent attempt failed) or Disabled. */
export function ConsumerStateBadge({ consumer, testId }: { consumer: Pick<WebhookConsumer, 'disabled' | 'failingSince'>; testId?: string }) {
  const state = consumerState(consumer);
  return (
    <span className={`badge badge-webhook-${state}`} data-testid={testId} data-state={state}>
      {CONSUMER_STATE_LABELS[state]}
    </span>
  );
}

export function MessageStatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge badge-msg-${messageStatusTone(status)}`} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}

export function AttemptBadge({ attempt }: { attempt: Pick<WebhookAttempt, 'statusCode' | 'succeeded'> }) {
  return <span className={`badge badge-attempt-${attempt.succeeded ? 'ok' : 'error'}`}>{attemptOutcome(attempt)}</span>;
}
