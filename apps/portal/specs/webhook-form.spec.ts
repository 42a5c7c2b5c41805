import {
  companyTagsProblem,
  parseCompanyTags,
  parseUtcInput,
  replaySinceIso,
  replaySinceProblem,
  serverWebhookErrors,
  toCreateWebhookInput,
  toUtcInputValue,
  validateWebhookForm,
  webhookUrlProblem,
  type WebhookFormValues,
} from '../src/app/(app)/_webhooks/webhook-form';

const form = (patch: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  url: 'https://hooks.example.com/ll',
  eventTypes: ['company.created'],
  companyTags: '',
  startDisabled: false,
  ...patch,
});

describe('webhookUrlProblem', () => {
  it('accepts absolute http and https URLs, with ports, paths and queries', () => {
    for (const url of ['https://hooks.example.com/ll', 'http://127.0.0.1:4010/receiver', 'https://example.com:8443/a/b?x=1#f', '  https://example.com  ']) {
      expect(webhookUrlProblem(url)).toBeUndefined();
    }
  });

  it('requires a URL', () => {
    expect(webhookUrlProblem('')).toBe('Enter the URL that should receive the webhooks.');
    expect(webhookUrlProblem('   ')).toBe('Enter the URL that should receive the webhooks.');
  });

  it('rejects relative URLs and other schemes', () => {
    expect(webhookUrlProblem('example.com/hooks')).toMatch(/^Enter a full URL starting with http:\/\/ or https:\/\//);
    expect(webhookUrlProblem('/hooks')).toMatch(/full URL/);
    expect(webhookUrlProblem('ftp://example.com/x')).toBe('The URL must start with http:// or https:// (not ftp:).');
    expect(webhookUrlProblem('javascript:alert(1)')).toMatch(/must start with http/);
  });

  it('rejects credentials in the URL', () => {
    expect(webhookUrlProblem('https://user:secret@example.com/hooks')).toMatch(/^Remove the user name and password/);
    expect(webhookUrlProblem('https://user@example.com/hooks')).toMatch(/^Remove the user name and password/);
  });

  it('rejects URLs longer than the API accepts', () => {
    expect(webhookUrlProblem(`https://example.com/${'a'.repeat(2048)}`)).toBe('The URL must be 2,048 characters or fewer.');
  });
});

describe('company tags', () => {
  it('splits on commas and new lines, trims, and drops empties and repeats', () => {
    expect(parseCompanyTags(' region:uk, tier:gold\n\nregion:uk ,')).toEqual(['region:uk', 'tier:gold']);
    expect(parseCompanyTags('')).toEqual([]);
  });

  it('requires key:value, at most 10 tags of at most 128 characters', () => {
    expect(companyTagsProblem('region:uk, tier:')).toBeUndefined();
    expect(companyTagsProblem('region:uk, gold')).toBe('“gold” is not a company tag: write each tag as key:value, for example region:uk.');
    expect(companyTagsProblem(':uk')).toMatch(/not a company tag/);
    expect(companyTagsProblem(Array.from({ length: 11 }, (_, i) => `k${i}:v`).join(','))).toBe('Enter at most 10 company tags (there are 11).');
    expect(companyTagsProblem(`k:${'v'.repeat(127)}`)).toMatch(/128 characters or fewer/);
  });
});

describe('validateWebhookForm', () => {
  it('accepts a URL with one event type', () => {
    expect(validateWebhookForm(form())).toEqual({});
  });

  it('reports every field at once', () => {
    expect(validateWebhookForm(form({ url: 'ftp://x', eventTypes: [], companyTags: 'nope' }))).toEqual({
      url: 'The URL must start with http:// or https:// (not ftp:).',
      eventTypes: 'Choose at least one event type.',
      companyTags: '“nope” is not a company tag: write each tag as key:value, for example region:uk.',
    });
  });

  it('limits the event types to 100', () => {
    expect(validateWebhookForm(form({ eventTypes: Array.from({ length: 101 }, (_, i) => `t${i}.x`) })).eventTypes).toBe('Choose at most 100 event types.');
  });
});

describe('toCreateWebhookInput', () => {
  it('trims the URL and leaves out empty tags and the default enabled state', () => {
    expect(toCreateWebhookInput(form({ url: '  https://example.com/h ', eventTypes: ['company.created', 'company.created', 'DataSyncCompleted'] }))).toEqual({
      url: 'https://example.com/h',
      eventTypes: ['company.created', 'DataSyncCompleted'],
    });
  });

  it('sends tags and disabled when given', () => {
    expect(toCreateWebhookInput(form({ companyTags: 'region:uk\ntier:gold', startDisabled: true }))).toEqual({
      url: 'https://hooks.example.com/ll',
      eventTypes: ['company.created'],
      companyTags: ['region:uk', 'tier:gold'],
      disabled: true,
    });
  });
});

describe('serverWebhookErrors', () => {
  const zod = (issues: unknown[]) => ({ message: JSON.stringify(issues, null, 2), data: { code: 'BAD_REQUEST' } });

  it('puts zod issues on their fields in plain sentences', () => {
    const found = serverWebhookErrors(
      zod([
        { code: 'custom', path: ['url'], message: 'url must not contain credentials (user:password@)' },
        { code: 'too_small', path: ['eventTypes'], message: 'eventTypes must list at least one event type' },
        { code: 'invalid_format', path: ['companyTags', 1], message: 'company tags must look like tagKey:tagValue' },
      ]),
    );
    expect(found.fields).toEqual({
      url: 'The URL must not contain credentials (user:password@).',
      eventTypes: 'The event types must list at least one event type.',
      companyTags: 'Company tags must look like tagKey:tagValue.',
    });
    expect(found.general).toEqual([]);
  });

  it('keeps domain errors and unknown paths general', () => {
    expect(serverWebhookErrors({ message: 'A client can have at most 50 webhook consumers.', data: { code: 'BAD_REQUEST' } })).toEqual({
      fields: {},
      general: ['A client can have at most 50 webhook consumers.'],
    });
    expect(serverWebhookErrors(zod([{ path: ['disabled'], message: 'Expected boolean' }])).general).toEqual(['Expected boolean.']);
    expect(serverWebhookErrors({ message: 'Failed to fetch' }).general).toEqual(['Could not reach Ledgerlink. Check your connection and try again.']);
  });
});

describe('replay since', () => {
  const now = Date.parse('2026-03-05T12:00:00Z');

  it('reads a datetime-local value as UTC', () => {
    expect(parseUtcInput('2026-03-05T09:30')?.toISOString()).toBe('2026-03-05T09:30:00.000Z');
    expect(parseUtcInput('2026-03-05T09:30:15')?.toISOString()).toBe('2026-03-05T09:30:15.000Z');
    expect(parseUtcInput('2026-02-30T09:30')).toBeUndefined();
    expect(parseUtcInput('2026-03-05 09:30')).toBeUndefined();
    expect(replaySinceIso('2026-03-05T09:30')).toBe('2026-03-05T09:30:00.000Z');
    expect(() => replaySinceIso('nope')).toThrow();
  });

  it('writes an instant as a UTC datetime-local value', () => {
    expect(toUtcInputValue(Date.parse('2026-03-04T12:00:59.999Z'))).toBe('2026-03-04T12:00');
  });

  it('requires a real time in the past', () => {
    expect(replaySinceProblem('2026-03-04T12:00', now)).toBeUndefined();
    expect(replaySinceProblem('', now)).toMatch(/^Enter the date and time/);
    expect(replaySinceProblem('2026-13-01T00:00', now)).toMatch(/^Enter a real date and time/);
    expect(replaySinceProblem('2026-03-05T12:01', now)).toMatch(/^Choose a time in the past/);
  });
});
