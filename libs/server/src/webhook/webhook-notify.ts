/**
 * Delivery wake-ups: whoever makes a message due (emitting an event, a replay) sends a NOTIFY on
 * this channel in the same transaction, so PostgreSQL delivers it only on commit and drops it on
 * rollback; the worker's pump LISTENs and claims at once. Notifications are only a hint: the pump
 * also polls, so a lost one delays a delivery, never loses it.
 */
export const WEBHOOK_CHANNEL = 'ledgerlink_webhooks';

/** `NOTIFY` as a function call, for use inside a statement. */
export const NOTIFY_DUE = `pg_notify('${WEBHOOK_CHANNEL}', '')`;
