import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConnectorRegistry } from '@ledgerlink/connectors';
import type { CompanyStatus, Connection, SourceType } from '@ledgerlink/models';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { CompanyEntity } from '../company/company.entity';
import { CompanyService } from '../company/company.service';
import { ConnectionService } from '../connection/connection.service';
import { IntegrationService } from '../integration/integration.service';

export interface LinkIntegration {
  key: string;
  name: string;
  logoUrl: string;
  sourceType: SourceType;
  isOfflineConnector: boolean;
  credentialFields: { name: string; label: string; type: string; required: boolean; description?: string }[];
  dataAccessNotes: string[];
  setupNotes: string[];
}

export interface LinkConnection {
  id: string;
  platformKey: string;
  platformName: string;
  status: Connection['status'];
  companyName?: string;
  error?: string;
}

export interface LinkView {
  company: { id: string; name: string; status: CompanyStatus };
  integrations: LinkIntegration[];
  connections: LinkConnection[];
}

/**
 * The hosted link flow (seed 003). The company id in the link URL is the capability, as with
 * Codat's link URLs: no operator login. Everything else reuses the tenant-scoped services.
 */
@Injectable()
export class LinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompanyService,
    private readonly connections: ConnectionService,
    private readonly integrations: IntegrationService,
    private readonly registry: ConnectorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async clientOf(companyId: string): Promise<string> {
    const row = isUuid(companyId) ? await this.db.getRepository(CompanyEntity).findOne({ where: { id: companyId.toLowerCase() }, select: { clientId: true } }) : null;
    if (!row) throw notFound('This link is not valid. Ask for a new link.', { code: 'link.not_found' });
    return row.clientId;
  }

  async view(companyId: string): Promise<LinkView> {
    const clientId = await this.clientOf(companyId);
    const company = await this.companies.get(clientId, companyId);
    return {
      company: { id: company.id, name: company.name, status: company.status },
      integrations: this.registry.list().map(({ metadata: m }) => ({
        key: m.key,
        name: m.name,
        logoUrl: this.integrations.logoUrl(m.key),
        sourceType: m.sourceType,
        isOfflineConnector: m.isOfflineConnector,
        credentialFields: m.credentialFields,
        dataAccessNotes: m.dataAccessNotes,
        setupNotes: m.setupNotes ?? [],
      })),
      connections: company.dataConnections.map((c) => ({
        id: c.id,
        platformKey: c.integrationKey,
        platformName: c.platformName,
        status: c.status,
        ...(typeof c.connectionInfo?.['companyName'] === 'string' ? { companyName: c.connectionInfo['companyName'] } : {}),
        ...(c.dataConnectionErrors?.[0]?.errorMessage ? { error: c.dataConnectionErrors[0].errorMessage } : {}),
      })),
    };
  }

  /** Step 2: picks a platform. Reuses the company's unlinked connection to it, if any. */
  async start(companyId: string, platformKey: string): Promise<LinkConnection> {
    const clientId = await this.clientOf(companyId);
    const company = await this.companies.get(clientId, companyId);
    const existing = company.dataConnections.find((c) => c.integrationKey === platformKey && c.status !== 'Linked');
    const conn = existing ?? (await this.connections.create(clientId, companyId, platformKey));
    return { id: conn.id, platformKey: conn.integrationKey, platformName: conn.platformName, status: conn.status };
  }

  /** Step 2 → 3: authorises through the connector; returns the company name the books report. */
  async authorize(companyId: string, connectionId: string, credentials: Record<string, string>): Promise<LinkConnection> {
    const clientId = await this.clientOf(companyId);
    const conn = await this.connections.authorize(clientId, companyId, connectionId, credentials);
    const companyName = conn.connectionInfo?.['companyName'];
    return {
      id: conn.id,
      platformKey: conn.integrationKey,
      platformName: conn.platformName,
      status: conn.status,
      ...(typeof companyName === 'string' ? { companyName } : {}),
    };
  }

  portalLink(companyId: string) {
    return `${this.config.PORTAL_URL.replace(/\/$/, '')}/link/${companyId}`;
  }
}
