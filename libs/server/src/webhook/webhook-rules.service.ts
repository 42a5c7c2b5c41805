import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CompanyService } from '../company/company.service';
import { buildPage, inIdOrder, type Page, pageIds, type PagingParams } from '../common/paging';
import { columnSchema, compileQuery, parseOrderBy, parseQuery, SqlParams } from '../common/query';
import { WebhookConsumerEntity } from './webhook-consumer.entity';
import { WebhookConsumersService } from './webhook-consumers.service';
import { legacyEventTypeOf } from './webhook-event-types';
import { toRule, type WebhookRule } from './webhook.mapper';
import type { CreateRule } from './webhook.schemas';

const RULE_QUERY_SCHEMA = columnSchema('Rule', {
  id: { type: 'string', sql: 'w.id::text' },
  type: { type: 'string', sql: 'w.rule_type' },
  companyId: { type: 'string', sql: 'w.company_id::text' },
  'notifiers.webhook': { type: 'string', sql: 'w.url' },
});

/**
 * The legacy `/rules` API (contract 8.1) on top of the consumer machinery: a rule is a consumer of
 * one legacy event type, optionally limited to one company, posting the legacy PascalCase body to
 * `notifiers.webhook`. `notifiers.emails` are stored and returned; Ledgerlink sends no email.
 */
@Injectable()
export class WebhookRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consumers: WebhookConsumersService,
    private readonly companies: CompanyService,
  ) {}

  async list(clientId: string, p: PagingParams): Promise<Page<WebhookRule>> {
    const params = new SqlParams();
    const where = [`w.client_id = ${params.add(clientId)}`, `w.kind = 'rule'`];
    if (p.query) where.push(compileQuery(parseQuery(p.query), RULE_QUERY_SCHEMA, params));
    const order = p.orderBy ? parseOrderBy(p.orderBy, RULE_QUERY_SCHEMA, 'w.id').sql : 'ORDER BY w.created_at ASC, w.id ASC';
    const { ids, total } = await pageIds(this.db, { table: 'webhook_consumer', alias: 'w' }, where.join(' AND '), order, params, p);
    const rows = ids.length ? await this.db.getRepository(WebhookConsumerEntity).findBy({ id: In(ids) }) : [];
    const results = inIdOrder(ids, rows).map(toRule);
    return buildPage({ results, page: p.page, pageSize: p.pageSize, totalResults: total, path: '/rules', query: p.query, orderBy: p.orderBy });
  }

  async get(clientId: string, id: string): Promise<WebhookRule> {
    return toRule(await this.consumers.requireConsumer(clientId, id, 'rule'));
  }

  async create(clientId: string, input: CreateRule): Promise<WebhookRule> {
    const eventType = legacyEventTypeOf(input.type);
    if (!eventType) throw new Error('unreachable: the schema validated the rule type');
    const company = input.companyId ? await this.companies.requireCompany(clientId, input.companyId) : undefined;
    const row = await this.consumers.insert(clientId, {
      kind: 'rule',
      url: input.notifiers.webhook ?? null,
      eventTypes: [eventType],
      companyId: company?.id ?? null,
      ruleType: input.type,
      emails: input.notifiers.emails ?? [],
    });
    return toRule(row);
  }

  async remove(clientId: string, id: string): Promise<void> {
    await this.consumers.remove(clientId, id, 'rule');
  }
}
