/** Texts and small decisions for the webhook screens (pure: no React). */
import { formatDuration } from '../_sync/time';
import type { EventGroup, EventTypeInfo, WebhookAttempt, WebhookConsumer, WebhookMessage, WebhookMessageStatus, WebhookNotice } from './types';

// ---- consumers ----------------------------------------------------------------------------------

export type ConsumerState = 'enabled' | 'failing' | 'disabled';

export function consumerState(c: Pick<WebhookConsumer, 'disabled' | 'failingSince'>): ConsumerState {
  if (c.disabled) return 'disabled';
  return c.failingSince ? 'failing' : 'enabled';
}

export const CONSUMER_STATE_LABELS: Record<ConsumerState, string> = { enabled: 'Enabled', failing: 'Failing', disabled: 'Disabled' };

/** "company.created, connection.connected and 4 more" */
export function eventTypesSummary(types: readonly string[], shown = 3): string {
  if (types.length === 0) return 'None';
  if (types.length <= shown) return types.join(', ');
  return `${types.slice(0, shown).join(', ')} and ${types.length - shown} more`;
}

/** The URL without its query string, for headings and titles ("hooks.example.com/ledgerlink"). */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return `${u.host}${path}`;
  } catch {
    return url;
  }
}

// ---- the catalogue --------------------------------------------------------------------------------

export interface CatalogueGroup {
  group: EventGroup;
  label: string;
  hint?: string;
  /** Long groups (the write events: two per data type) start folded. */
  folded: boolean;
  events: EventTypeInfo[];
}

/** Groups longer than this start folded; the legacy group (13) stays open, the write group (36) folds. */
export const FOLD_OVER = 16;

const GROUP_ORDER: EventGroup[] = ['Company', 'Connection', 'Read', 'Write', 'Client', 'Legacy'];
const GROUP_LABELS: Record<EventGroup, string> = {
  Company: 'Company events',
  Connection: 'Connection events',
  Read: 'Read (data sync) events',
  Write: 'Write events',
  Client: 'Client events',
  Legacy: 'Legacy event types',
};
const GROUP_HINTS: Partial<Record<EventGroup, string>> = {
  Write: 'One pair per data type: the write succeeded, or failed or timed out.',
  Legacy: 'Deprecated names of the old rules API. They deliver the PascalCase legacy body; prefer the new-style type named under each.',
};

/** The catalogue in picker order: new-style groups first, legacy last; unknown groups are kept after them. */
export function catalogueGroups(catalogue: readonly EventTypeInfo[]): CatalogueGroup[] {
  const byGroup = new Map<EventGroup, EventTypeInfo[]>();
  for (const e of catalogue) {
    const list = byGroup.get(e.group) ?? [];
    list.push(e);
    byGroup.set(e.group, list);
  }
  const order = [...GROUP_ORDER, ...[...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g))];
  return order
    .filter((g) => byGroup.has(g))
    .map((g) => {
      const events = byGroup.get(g) as EventTypeInfo[];
      return { group: g, label: GROUP_LABELS[g] ?? `${g} events`, ...(GROUP_HINTS[g] ? { hint: GROUP_HINTS[g] } : {}), folded: events.length > FOLD_OVER, events };
    });
}

/** Selection after ticking or clearing a whole group; keeps the catalogue order. */
export function toggleGroup(selected: readonly string[], group: readonly EventTypeInfo[], on: boolean, catalogue: readonly EventTypeInfo[]): string[] {
  const groupTypes = new Set(group.map((e) => e.eventType));
  const next = new Set(selected.filter((t) => !groupTypes.has(t)));
  if (on) for (const t of groupTypes) next.add(t);
  return inCatalogueOrder([...next], catalogue);
}

export function toggleEventType(selected: readonly string[], eventType: string, on: boolean, catalogue: readonly EventTypeInfo[]): string[] {
  const next = new Set(selected);
  if (on) next.add(eventType);
  else next.delete(eventType);
  return inCatalogueOrder([...next], catalogue);
}

function inCatalogueOrder(types: string[], catalogue: readonly EventTypeInfo[]): string[] {
  const index = new Map(catalogue.map((e, i) => [e.eventType, i]));
  return [...types].sort((a, b) => (index.get(a) ?? Number.MAX_SAFE_INTEGER) - (index.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b));
}

// ---- messages and attempts ------------------------------------------------------------------------

export const MESSAGE_STATUSES: WebhookMessageStatus[] = ['Pending', 'Succeeded', 'Failed'];

export const messageStatusTone = (status: string) => (status === 'Succeeded' ? 'ok' : status === 'Failed' ? 'error' : 'pending');

/** "HTTP 200", or "No response" when the request never got one (refused, timed out). */
export const attemptOutcome = (a: Pick<WebhookAttempt, 'statusCode'>) => (a.statusCode === undefined ? 'No response' : `HTTP ${a.statusCode}`);

/** An attempt's error, unless it only repeats the status code the badge already shows ("HTTP 500"). */
export function attemptError(a: Pick<WebhookAttempt, 'statusCode' | 'error'>): string {
  const text = excerpt(a.error);
  return a.statusCode !== undefined && text === `HTTP ${a.statusCode}` ? '' : text;
}

/** "38 ms", "1.2 s", "15 s". */
export function attemptDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return formatDuration(ms);
}

/** The first `max` characters of a response body or error, on one line. */
export function excerpt(text: string | undefined, max = 200): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Within this much of now, a pending message's next attempt is worth watching closely. */
export const SOON_MS = 90_000;

/** Whether the log should be read again soon: a message is waiting for an attempt that is due shortly. */
export function awaitingDelivery(messages: readonly Pick<WebhookMessage, 'status' | 'nextAttemptDate'>[] | undefined, now: number): boolean {
  return (messages ?? []).some((m) => {
    if (m.status !== 'Pending') return false;
    if (!m.nextAttemptDate) return true;
    const t = new Date(m.nextAttemptDate).getTime();
    return Number.isNaN(t) || t - now <= SOON_MS;
  });
}

/** Changes whenever a message's status or attempts change: the chart is read again then. */
export const logFingerprint = (messages: readonly Pick<WebhookMessage, 'id' | 'status' | 'attemptCount'>[] | undefined) =>
  (messages ?? []).map((m) => `${m.id}:${m.status}:${m.attemptCount}`).join('|');

// ---- notices --------------------------------------------------------------------------------------

/**
 * Notices for the banner: `webhook.disabled` notices whose consumer is still disabled, the newest
 * per consumer. The rest (re-enabled since, or older repeats) are `earlier`.
 */
export function splitNotices(notices: readonly WebhookNotice[] | undefined): { active: WebhookNotice[]; earlier: WebhookNotice[] } {
  const active: WebhookNotice[] = [];
  const earlier: WebhookNotice[] = [];
  const seen = new Set<string>();
  const sorted = [...(notices ?? [])].sort((a, b) => b.createdDate.localeCompare(a.createdDate));
  for (const n of sorted) {
    if (n.type === 'webhook.disabled' && n.stillDisabled && !seen.has(n.consumerId)) {
      seen.add(n.consumerId);
      active.push(n);
    } else {
      earlier.push(n);
    }
  }
  return { active, earlier };
}

const ATTEMPT_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "5 Mar, 10:00:03 UTC": attempts are seconds apart, so the seconds are shown. */
export function formatAttemptTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${ATTEMPT_TIME.format(d)} UTC`;
}
