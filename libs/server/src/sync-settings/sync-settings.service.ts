import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badRequest } from '../common/errors/api-error';
import { CompanyService } from '../company/company.service';
import { DEFAULT_SYNC_SETTINGS } from './sync-settings.defaults';
import { SyncSettingsEntity } from './sync-settings.entity';
import type { CompanySchedule, SyncSetting } from './sync-settings.schemas';

/** The contract's SyncSetting: optional fields omitted, never null. */
function view(s: SyncSetting) {
  return {
    dataType: s.dataType,
    fetchOnFirstLink: s.fetchOnFirstLink,
    syncSchedule: s.syncSchedule,
    syncOrder: s.syncOrder,
    ...(s.syncFromUtc ? { syncFromUtc: s.syncFromUtc } : {}),
    ...(s.syncFromWindow ? { syncFromWindow: s.syncFromWindow } : {}),
    ...(s.monthsToSync ? { monthsToSync: s.monthsToSync } : {}),
    ...(s.isLocked != null ? { isLocked: s.isLocked } : {}),
  };
}

const merge = (base: SyncSetting[], over: SyncSetting[]) => {
  const byType = new Map(base.map((s) => [s.dataType, s]));
  for (const s of over) byType.set(s.dataType, s);
  return [...byType.values()].sort((a, b) => a.syncOrder - b.syncOrder || a.dataType.localeCompare(b.dataType));
};

export interface EffectiveSettings {
  settings: SyncSetting[];
  schedule: CompanySchedule | null;
}

@Injectable()
export class SyncSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompanyService,
  ) {}

  private doc(clientId: string, scope: string) {
    return this.db.getRepository(SyncSettingsEntity).findOne({ where: { clientId, scope } });
  }

  /** The client's defaults: stored ones merged over the built-in defaults. */
  async clientSettings(clientId: string) {
    const doc = await this.doc(clientId, 'client');
    const settings = merge(DEFAULT_SYNC_SETTINGS, doc?.settings ?? []);
    return { clientId, settings: settings.map(view), overridesDefaults: doc?.overridesDefaults ?? true };
  }

  async setClientSettings(clientId: string, body: { clientId: string; settings: SyncSetting[]; overridesDefaults: boolean }) {
    if (body.clientId.toLowerCase() !== clientId) throw badRequest('clientId does not match the client of this API key', { validation: { errors: [{ itemId: 'clientId', message: 'must be your client id', validatorName: 'SyncSettings' }], warnings: [] } });
    await this.upsert(clientId, 'client', body.settings, body.overridesDefaults, null);
  }

  async companySettings(clientId: string, companyId: string) {
    const company = await this.companies.requireCompany(clientId, companyId);
    const eff = await this.effective(clientId, company.id);
    const doc = await this.doc(clientId, company.id);
    return {
      companyId: company.id,
      settings: eff.settings.map(view),
      overridesDefaults: doc?.overridesDefaults ?? true,
      ...(eff.schedule ? { schedule: Object.fromEntries(Object.entries(eff.schedule).filter(([, v]) => v != null)) } : {}),
    };
  }

  async setCompanySettings(clientId: string, companyId: string, body: { companyId: string; settings: SyncSetting[]; overridesDefaults: boolean; schedule?: CompanySchedule | null }) {
    const company = await this.companies.requireCompany(clientId, companyId);
    if (body.companyId.toLowerCase() !== company.id) throw badRequest('companyId in the body does not match the path', { validation: { errors: [{ itemId: 'companyId', message: 'must match the path', validatorName: 'SyncSettings' }], warnings: [] } });
    const client = await this.clientSettings(clientId);
    const locked = client.settings.filter((s) => s.isLocked).map((s) => s.dataType);
    const violating = body.settings.find((s) => locked.includes(s.dataType));
    if (violating) throw badRequest(`The ${violating.dataType} setting is locked by the client defaults`, { validation: { errors: [{ itemId: violating.dataType, message: 'locked', validatorName: 'SyncSettings' }], warnings: [] } });
    await this.upsert(clientId, company.id, body.settings, body.overridesDefaults, body.schedule ?? null);
  }

  /** What applies to a company: company overrides over client defaults over built-in defaults. */
  async effective(clientId: string, companyId: string): Promise<EffectiveSettings> {
    const [client, company] = await Promise.all([this.doc(clientId, 'client'), this.doc(clientId, companyId)]);
    const base = merge(DEFAULT_SYNC_SETTINGS, client?.settings ?? []);
    return { settings: company ? merge(base, company.settings) : base, schedule: company?.schedule ?? null };
  }

  private async upsert(clientId: string, scope: string, settings: SyncSetting[], overridesDefaults: boolean, schedule: CompanySchedule | null) {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(SyncSettingsEntity)
      .values({ clientId, scope, settings, overridesDefaults, schedule })
      .orUpdate(['settings', 'overrides_defaults', 'schedule', 'updated_at'], ['client_id', 'scope'])
      .execute();
  }
}
