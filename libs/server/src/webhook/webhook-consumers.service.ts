import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { badRequest, notFound } from '../common/errors/api-error';
import { isUuid } from '../common/http/params';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { WebhookConsumerEntity, type WebhookConsumerKind } from './webhook-consumer.entity';
import { type ConsumerSecrets, generateSecret, rotateSecrets } from './webhook-signing';
import { queryRows } from './webhook-sql';
import type { CreateConsumer, UpdateConsumer } from './webhook.schemas';

export interface NewConsumer {
  kind: WebhookConsumerKind;
  url: string | null;
  eventTypes: string[];
  companyTags?: string[];
  companyId?: string | null;
  ruleType?: string | null;
  emails?: string[];
  disabled?: boolean;
}

/** Disables a consumer once (so one notice), fails its pending messages, and optionally records a notice. */
const DISABLE_SQL = `
WITH c AS (
  UPDATE webhook_consumer SET disabled = true, disabled_reason = $2, disabled_at = $3, updated_at = now()
  WHERE id = $1 AND NOT disabled RETURNING id, client_id
), n AS (
  INSERT INTO webhook_notice (client_id, consumer_id, type, message, created_at)
  SELECT client_id, id, 'webhook.disabled', $2, $3 FROM c WHERE $4::boolean
), m AS (
  UPDATE webhook_message SET status = 'Failed', next_attempt_at = NULL, last_error = 'Consumer disabled'
  WHERE consumer_id IN (SELECT id FROM c) AND status = 'Pending'
)
SELECT id FROM c`;

/**
 * Webhook consumers (and legacy rules, which are consumers of one legacy event type): CRUD,
 * signing secrets (sealed at rest with SecretBox, bound to the consumer id) and enable/disable.
 * Every lookup is scoped to the client: another client's id answers like a missing one.
 */
@Injectable()
export class WebhookConsumersService {
  private readonly secretCache = new Map<string, { sealed: Buffer; secrets: ConsumerSecrets }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.db.getRepository(WebhookConsumerEntity);
  }

  /** The tenancy gate for consumer ids. `kind` limits it to consumers or rules. */
  async requireConsumer(clientId: string, id: string, kind?: WebhookConsumerKind): Promise<WebhookConsumerEntity> {
    const row = isUuid(id) ? await this.repo.findOne({ where: { id: id.toLowerCase(), clientId, ...(kind ? { kind } : {}) } }) : null;
    if (!row) throw kind === 'rule' ? notFound(`No rule was found with ID ${id}`, { code: 'rule.not_found' }) : notFound(`No webhook consumer was found with ID ${id}`, { code: 'webhook.not_found' });
    return row;
  }

  list(clientId: string, kind?: WebhookConsumerKind): Promise<WebhookConsumerEntity[]> {
    return this.repo.find({ where: { clientId, ...(kind ? { kind } : {}) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  create(clientId: string, input: CreateConsumer): Promise<WebhookConsumerEntity> {
    return this.insert(clientId, { kind: 'consumer', url: input.url, eventTypes: input.eventTypes, companyTags: input.companyTags ?? [], disabled: input.disabled ?? false });
  }

  async insert(clientId: string, c: NewConsumer): Promise<WebhookConsumerEntity> {
    const count = await this.repo.count({ where: { clientId, kind: c.kind } });
    if (count >= this.config.WEBHOOK_MAX_CONSUMERS) {
      throw badRequest(`A client can have at most ${this.config.WEBHOOK_MAX_CONSUMERS} ${c.kind === 'rule' ? 'rules' : 'webhook consumers'}.`, { code: 'webhook.limit' });
    }
    const id = randomUUID();
    const row = this.repo.create({
      id,
      clientId,
      kind: c.kind,
      url: c.url,
      eventTypes: c.eventTypes,
      companyTags: c.companyTags ?? [],
      companyId: c.companyId ?? null,
      ruleType: c.ruleType ?? null,
      emails: c.emails ?? [],
      disabled: c.disabled ?? false,
      disabledReason: c.disabled ? 'Created disabled' : null,
      disabledAt: c.disabled ? this.clock.now() : null,
      failingSince: null,
      secretsEnc: this.seal(id, { current: generateSecret(), previous: [] }),
    });
    return this.repo.save(row);
  }

  async update(clientId: string, id: string, patch: UpdateConsumer): Promise<WebhookConsumerEntity> {
    const row = await this.requireConsumer(clientId, id, 'consumer');
    const changes: Partial<WebhookConsumerEntity> = {};
    if (patch.url !== undefined) changes.url = patch.url;
    if (patch.eventTypes !== undefined) changes.eventTypes = patch.eventTypes;
    if (patch.companyTags !== undefined) changes.companyTags = patch.companyTags ?? [];
    if (Object.keys(changes).length) await this.repo.update({ id: row.id, clientId }, changes);
    if (patch.disabled !== undefined) await this.setDisabled(clientId, row.id, patch.disabled);
    return this.repo.findOneByOrFail({ id: row.id });
  }

  async remove(clientId: string, id: string, kind?: WebhookConsumerKind): Promise<void> {
    const row = await this.requireConsumer(clientId, id, kind);
    await this.repo.delete({ id: row.id, clientId });
    this.secretCache.delete(row.id);
  }

  /**
   * Enabling clears the failure streak. Disabling by hand fails the pending messages (they can be
   * replayed with `since` after enabling again); no notice is recorded for a manual disable.
   */
  async setDisabled(clientId: string, id: string, disabled: boolean): Promise<WebhookConsumerEntity> {
    const row = await this.requireConsumer(clientId, id);
    if (disabled) await this.disable(row.id, 'Disabled by the user', false);
    else if (row.disabled) {
      await this.repo.update({ id: row.id, clientId }, { disabled: false, disabledReason: null, disabledAt: null, failingSince: null });
    }
    return this.repo.findOneByOrFail({ id: row.id });
  }

  /** Returns true when this call disabled it (false: it already was). */
  async disable(consumerId: string, reason: string, notice: boolean, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await queryRows(manager, DISABLE_SQL, [consumerId, reason, this.clock.now(), notice]);
    return rows.length > 0;
  }

  async getSecret(clientId: string, id: string, kind?: WebhookConsumerKind): Promise<{ key: string }> {
    const row = await this.requireConsumer(clientId, id, kind);
    return { key: this.openSecrets(row.id, row.secretsEnc).current };
  }

  /** A new secret signs from now on; the old one keeps signing too for the grace period. */
  async rotateSecret(clientId: string, id: string, kind?: WebhookConsumerKind): Promise<{ key: string }> {
    const row = await this.requireConsumer(clientId, id, kind);
    return this.db.transaction(async (manager) => {
      const [locked] = (await manager.query('SELECT secrets_enc FROM webhook_consumer WHERE id = $1 FOR UPDATE', [row.id])) as { secrets_enc: Buffer }[];
      const next = rotateSecrets(this.openSecrets(row.id, locked.secrets_enc), generateSecret(), this.clock.now(), this.config.WEBHOOK_SECRET_GRACE_MS);
      await manager.update(WebhookConsumerEntity, { id: row.id }, { secretsEnc: this.seal(row.id, next) });
      return { key: next.current };
    });
  }

  /** Decrypts a consumer's secrets; cached per consumer while the sealed value is unchanged. */
  openSecrets(consumerId: string, sealed: Buffer): ConsumerSecrets {
    const hit = this.secretCache.get(consumerId);
    if (hit && hit.sealed.equals(sealed)) return hit.secrets;
    const secrets = JSON.parse(this.box.open(sealed, `webhook:${consumerId}`)) as ConsumerSecrets;
    if (this.secretCache.size > 10_000) this.secretCache.clear();
    this.secretCache.set(consumerId, { sealed: Buffer.from(sealed), secrets });
    return secrets;
  }

  private seal(consumerId: string, secrets: ConsumerSecrets): Buffer {
    return this.box.seal(JSON.stringify(secrets), `webhook:${consumerId}`);
  }
}
