import {
  attemptDuration,
  attemptError,
  attemptOutcome,
  awaitingDelivery,
  catalogueGroups,
  consumerState,
  eventTypesSummary,
  excerpt,
  formatAttemptTime,
  shortUrl,
  splitNotices,
  toggleEventType,
  toggleGroup,
} from '../src/app/(app)/_webhooks/format';
import type { EventTypeInfo, WebhookNotice } from '../src/app/(app)/_webhooks/types';

const ev = (eventType: string, group: EventTypeInfo['group'], extra: Partial<EventTypeInfo> = {}): EventTypeInfo => ({
  eventType,
  group,
  description: eventType,
  legacy: group === 'Legacy',
  ...extra,
});

const CATALOGUE: EventTypeInfo[] = [
  ev('company.created', 'Company'),
  ev('company.deleted', 'Company'),
  ...Array.from({ length: 17 }, (_, i) => ev(`type${i}.write.successful`, 'Write')),
  ...Array.from({ length: 15 }, (_, i) => ev(`Legacy${i}`, 'Legacy')),
  ev('read.completed', 'Read'),
  ev('DataSyncCompleted', 'Legacy', { replacedBy: 'read.completed' }),
];

describe('catalogue', () => {
  it('groups new-style types first in a fixed order, legacy last, long groups folded', () => {
    const groups = catalogueGroups(CATALOGUE);
    expect(groups.map((g) => [g.group, g.events.length, g.folded])).toEqual([
      ['Company', 2, false],
      ['Read', 1, false],
      ['Write', 17, true],
      ['Legacy', 16, false],
    ]);
    expect(groups[3].label).toBe('Legacy event types');
    expect(groups[3].hint).toMatch(/PascalCase/);
  });

  it('ticks and clears single types and whole groups, in catalogue order', () => {
    let sel = toggleEventType([], 'DataSyncCompleted', true, CATALOGUE);
    sel = toggleEventType(sel, 'company.deleted', true, CATALOGUE);
    expect(sel).toEqual(['company.deleted', 'DataSyncCompleted']);
    sel = toggleGroup(sel, CATALOGUE.slice(0, 2), true, CATALOGUE);
    expect(sel).toEqual(['company.created', 'company.deleted', 'DataSyncCompleted']);
    sel = toggleGroup(sel, CATALOGUE.slice(0, 2), false, CATALOGUE);
    expect(sel).toEqual(['DataSyncCompleted']);
    expect(toggleEventType(sel, 'DataSyncCompleted', false, CATALOGUE)).toEqual([]);
  });
});

describe('consumers', () => {
  it('is disabled, failing or enabled', () => {
    expect(consumerState({ disabled: true, failingSince: '2026-03-01T00:00:00Z' })).toBe('disabled');
    expect(consumerState({ disabled: false, failingSince: '2026-03-01T00:00:00Z' })).toBe('failing');
    expect(consumerState({ disabled: false })).toBe('enabled');
  });

  it('summarises event types and URLs', () => {
    expect(eventTypesSummary([])).toBe('None');
    expect(eventTypesSummary(['a.b', 'c.d'])).toBe('a.b, c.d');
    expect(eventTypesSummary(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
    expect(shortUrl('https://hooks.example.com/ll?token=1')).toBe('hooks.example.com/ll');
    expect(shortUrl('http://127.0.0.1:4000/')).toBe('127.0.0.1:4000');
    expect(shortUrl('nope')).toBe('nope');
  });
});

describe('attempts', () => {
  it('says what came back and how long it took', () => {
    expect(attemptOutcome({ statusCode: 200 })).toBe('HTTP 200');
    expect(attemptOutcome({})).toBe('No response');
    expect(attemptDuration(0)).toBe('0 ms');
    expect(attemptDuration(38.4)).toBe('38 ms');
    expect(attemptDuration(1234)).toBe('1.2 s');
    expect(attemptDuration(15_000)).toBe('15 s');
    expect(attemptDuration(-1)).toBe('—');
    expect(formatAttemptTime('2026-03-05T10:00:03.250Z')).toBe('5 Mar, 10:00:03 UTC');
  });

  it('leaves out an error that only repeats the status code', () => {
    expect(attemptError({ statusCode: 500, error: 'HTTP 500' })).toBe('');
    expect(attemptError({ statusCode: 307, error: 'Redirect to another host (other.example.com) not followed' })).toBe('Redirect to another host (other.example.com) not followed');
    expect(attemptError({ error: 'connect ECONNREFUSED 127.0.0.1:9' })).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(attemptError({ statusCode: 200 })).toBe('');
  });

  it('shortens responses to one line', () => {
    expect(excerpt(undefined)).toBe('');
    expect(excerpt('  {"ok":\n  true}  ')).toBe('{"ok": true}');
    expect(excerpt('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('polls while a pending message is due soon', () => {
    const now = Date.parse('2026-03-05T10:00:00Z');
    expect(awaitingDelivery(undefined, now)).toBe(false);
    expect(awaitingDelivery([{ status: 'Succeeded' }, { status: 'Failed' }], now)).toBe(false);
    expect(awaitingDelivery([{ status: 'Pending' }], now)).toBe(true);
    expect(awaitingDelivery([{ status: 'Pending', nextAttemptDate: '2026-03-05T10:00:05Z' }], now)).toBe(true);
    expect(awaitingDelivery([{ status: 'Pending', nextAttemptDate: '2026-03-05T10:05:00Z' }], now)).toBe(false);
  });
});

describe('splitNotices', () => {
  const notice = (id: string, consumerId: string, createdDate: string, stillDisabled: boolean): WebhookNotice => ({
    id,
    type: 'webhook.disabled',
    consumerId,
    url: `https://${consumerId}.example.com`,
    message: 'Every delivery failed for 5 days',
    createdDate,
    stillDisabled,
  });

  it('shows the newest notice of each still-disabled consumer; the rest are earlier', () => {
    const { active, earlier } = splitNotices([
      notice('n1', 'a', '2026-03-01T00:00:00Z', true),
      notice('n2', 'a', '2026-03-04T00:00:00Z', true),
      notice('n3', 'b', '2026-03-03T00:00:00Z', false),
      notice('n4', 'c', '2026-03-02T00:00:00Z', true),
    ]);
    expect(active.map((n) => n.id)).toEqual(['n2', 'n4']);
    expect(earlier.map((n) => n.id)).toEqual(['n3', 'n1']);
    expect(splitNotices(undefined)).toEqual({ active: [], earlier: [] });
  });
});
