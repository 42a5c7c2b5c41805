/** Response schemas for the OpenAPI document (contract section 8). */
export const WEBHOOK_CONSUMER_SCHEMA = {
  type: 'object',
  required: ['id', 'url', 'disabled', 'eventTypes'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    url: { type: 'string', format: 'uri' },
    disabled: { type: 'boolean' },
    eventTypes: { type: 'array', items: { type: 'string' }, description: 'New-style (e.g. `company.created`) or legacy (e.g. `DataSyncCompleted`) event types.' },
    companyTags: { type: 'array', items: { type: 'string' }, maxItems: 10, description: 'Only events of companies carrying one of these `tagKey:tagValue` tags.' },
    disabledReason: { type: 'string', description: 'Ledgerlink extension: why the consumer is disabled.' },
  },
};

export const WEBHOOK_CONSUMERS_SCHEMA = { type: 'object', required: ['results'], properties: { results: { type: 'array', items: WEBHOOK_CONSUMER_SCHEMA } } };

export const WEBHOOK_SECRET_SCHEMA = {
  type: 'object',
  required: ['key'],
  properties: { key: { type: 'string', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Standard Webhooks / Svix signing secret.' } },
};

export const REPLAY_RESULT_SCHEMA = { type: 'object', required: ['messages'], properties: { messages: { type: 'integer', description: 'Messages queued for delivery.' } } };

export const RULE_SCHEMA = {
  type: 'object',
  required: ['id', 'type', 'notifiers'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', example: 'Push Operation Status Changed()' },
    companyId: { type: 'string', format: 'uuid' },
    notifiers: {
      type: 'object',
      properties: {
        emails: { type: 'array', items: { type: 'string', format: 'email' }, description: 'Stored and returned; Ledgerlink does not send emails.' },
        webhook: { type: 'string', format: 'uri' },
      },
    },
  },
};

export const DELIVERY_DESCRIPTION =
  'Deliveries are POSTed with Standard Webhooks / Svix headers (`webhook-id`, stable across retries; `webhook-timestamp`; ' +
  '`webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`), so `new Webhook(secret).verify(body, headers)` from the `svix` ' +
  'package verifies them. A 2xx within 15 s is success; network errors, timeouts, 429 and 5xx are retried (immediately, 5 s, 5 min, ' +
  '30 min, 2 h, 5 h, 10 h, 10 h, with jitter, honouring Retry-After); other 4xx are not retried. Redirects are followed only to the ' +
  'same host; a redirect to another host fails the delivery. A consumer failing continuously for 5 days is disabled. Delivery is ' +
  'at least once per consumer; order is not guaranteed.';
