import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorRegistry, stableUuid, type ConnectorMetadata } from '@ledgerlink/connectors';
import { FEATURE_TYPES, type Branding, type DataType, type Integration, type Paged } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/api-error';
import { buildPage, type PagingParams } from '../common/paging';
import { compileQuery, jsonbSchema, parseOrderBy, parseQuery, SqlParams } from '../common/query';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';

/** Serves the connector registry as the contract's integrations (section 4). */
@Injectable()
export class IntegrationService {
  constructor(
    private readonly registry: ConnectorRegistry,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  logoUrl(key: string) {
    return `${this.config.PUBLIC_API_URL.replace(/\/$/, '')}/integrations/${key}/logo.svg`;
  }

  toIntegration(m: ConnectorMetadata): Integration {
    return {
      key: m.key,
      logoUrl: this.logoUrl(m.key),
      name: m.name,
      enabled: true,
      sourceId: stableUuid(`source:${m.key}`),
      sourceType: m.sourceType,
      integrationId: stableUuid(`integration:${m.key}`),
      isOfflineConnector: m.isOfflineConnector,
      isBeta: m.isBeta,
      dataProvidedBy: m.dataProvidedBy,
      datatypeFeatures: Object.entries(m.features).map(([dataType, states]) => ({
        dataType: dataType as DataType,
        datatype: dataType as DataType,
        supportedFeatures: FEATURE_TYPES.flatMap((t) => {
          const featureState = states?.[t];
          return featureState ? [{ featureType: t, featureState }] : [];
        }),
      })),
    };
  }

  /** Paging, `query` and `orderBy` over the registry, evaluated by the same SQL compiler as everything else. */
  async list(p: PagingParams): Promise<Paged<Integration>> {
    const all = this.registry.list().map((d) => this.toIntegration(d.metadata));
    const schema = jsonbSchema('Integration', 'i.doc');
    const params = new SqlParams();
    const docs = params.add(JSON.stringify(all));
    const where = p.query ? compileQuery(parseQuery(p.query), schema, params) : 'TRUE';
    const order = p.orderBy ? parseOrderBy(p.orderBy, schema, "i.doc->>'key'").sql : "ORDER BY i.doc->>'name', i.doc->>'key'";
    const rows: { key: string }[] = await this.db.query(
      `SELECT i.doc->>'key' AS key FROM jsonb_array_elements(${docs}::jsonb) AS i(doc) WHERE ${where} ${order}`,
      params.values,
    );
    const byKey = new Map(all.map((i) => [i.key, i]));
    const results = rows.slice(p.offset, p.offset + p.pageSize).flatMap((r) => byKey.get(r.key) ?? []);
    return buildPage({ results, page: p.page, pageSize: p.pageSize, totalResults: rows.length, path: '/integrations', query: p.query, orderBy: p.orderBy });
  }

  require(key: string): ConnectorMetadata {
    const def = this.registry.get(key);
    if (!def) throw notFound(`Integration ${key} not found`, { code: 'integration.not_found' });
    return def.metadata;
  }

  get(key: string): Integration {
    return this.toIntegration(this.require(key));
  }

  branding(key: string): Branding {
    const m = this.require(key);
    const image = { src: this.logoUrl(m.key), alt: m.name };
    return {
      logo: { full: { image }, square: { image } },
      button: { default: { image }, hover: { image } },
      sourceId: stableUuid(`source:${m.key}`),
    };
  }
}
