import { describe, expect, it } from '@jest/globals';
import { createConsumerSchema, createRuleSchema, replaySchema, webhookUrlProblem } from '../webhook.schemas';

describe('webhook input schemas', () => {
  it.each([
    ['https://example.com/hooks', undefined],
    ['http://127.0.0.1:8080/x?y=1', undefined],
    ['ftp://example.com/x', 'url must use http or https'],
    ['/relative', 'url must be an absolute http or https URL'],
    ['https://user:pw@example.com/', 'url must not contain credentials (user:password@)'],
    ['https://token@example.com/', 'url must not contain credentials (user:password@)'],
    ['javascript:alert(1)', 'url must use http or https'],
  ])('url %j → %j', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('accepts the SDK body and canonicalises legacy labels', () => {
    const parsed = createConsumerSchema.parse({ url: 'https://example.com', eventTypes: ['company.created', 'Dataset data changed', 'DatasetDataChanged'], disabled: false });
    expect(parsed.eventTypes).toEqual(['company.created', 'DatasetDataChanged']);
  });

  it('rejects bad consumers', () => {
    const bad = (body: unknown) => createConsumerSchema.safeParse(body).success;
    expect(bad({ url: 'https://a.example', eventTypes: [] })).toBe(false);
    expect(bad({ url: 'https://a.example' })).toBe(false);
    expect(bad({ url: 'https://a.example', eventTypes: ['x'], companyTags: ['nocolon'] })).toBe(false);
    expect(bad({ url: 'https://a.example', eventTypes: ['x'], companyTags: Array.from({ length: 11 }, (_, i) => `k${i}:v`) })).toBe(false);
    expect(bad({ url: 'https://a.example', eventTypes: ['x'], companyTags: [`k:${'v'.repeat(127)}`] })).toBe(false);
    expect(bad({ url: 'https://a.example', eventTypes: ['x'], companyTags: ['region:uk', 'team:'] })).toBe(true);
  });

  it('replay takes exactly one of messageId and since', () => {
    expect(replaySchema.safeParse({ messageId: 'msg_x' }).success).toBe(true);
    expect(replaySchema.safeParse({ since: '2030-01-01T00:00:00Z' }).success).toBe(true);
    expect(replaySchema.safeParse({}).success).toBe(false);
    expect(replaySchema.safeParse({ messageId: 'x', since: '2030-01-01' }).success).toBe(false);
    expect(replaySchema.safeParse({ since: 'yesterday' }).success).toBe(false);
  });

  it('rules need a known type and valid notifiers', () => {
    expect(createRuleSchema.safeParse({ type: 'Push Operation Status Changed()', notifiers: { webhook: 'https://a.example', emails: ['a@b.example'] } }).success).toBe(true);
    expect(createRuleSchema.safeParse({ type: 'Nope', notifiers: {} }).success).toBe(false);
    expect(createRuleSchema.safeParse({ type: 'Data sync completed' }).success).toBe(false);
    expect(createRuleSchema.safeParse({ type: 'Data sync completed', notifiers: { emails: ['not-an-email'] } }).success).toBe(false);
    expect(createRuleSchema.safeParse({ type: 'Data sync completed', companyId: 'x', notifiers: {} }).success).toBe(false);
  });
});
