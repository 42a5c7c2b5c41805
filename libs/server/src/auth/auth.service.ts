import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../common/crypto/hashing';
import { ApiError, badRequest, conflict, notFound } from '../common/errors/api-error';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';
import { ApiKeyEntity } from './api-key.entity';
import { ClientEntity } from './client.entity';
import { PortalSessionEntity } from './portal-session.entity';
import { PortalUserEntity } from './portal-user.entity';

export const MAX_API_KEYS = 10;
const KEY_CACHE_MAX = 10_000;

export interface ApiKeyView {
  id: string;
  name?: string;
  apiKey?: string;
  createdDate: string;
}

export interface PortalIdentity {
  userId: string;
  clientId: string;
  email: string;
}

const toView = (k: ApiKeyEntity, plain?: string): ApiKeyView => ({
  id: k.id,
  ...(k.name ? { name: k.name } : {}),
  ...(plain ? { apiKey: plain } : {}),
  createdDate: k.createdAt.toISOString(),
});

/** Tenants, API keys, portal users and sessions. */
@Injectable()
export class AuthService {
  /** sha256(API key) → client, for API_KEY_CACHE_SECONDS. */
  private readonly keyCache = new Map<string, { clientId: string; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Resolves an API key to its client id, or undefined. Known keys are remembered briefly (API_KEY_CACHE_SECONDS). */
  async clientForApiKey(apiKey: string): Promise<string | undefined> {
    const keyHash = sha256Hex(apiKey);
    const now = this.clock.now().getTime();
    const hit = this.keyCache.get(keyHash);
    if (hit && hit.until > now) return hit.clientId;
    const row = await this.db.getRepository(ApiKeyEntity).findOne({ where: { keyHash }, select: { clientId: true } });
    const ttl = this.config.API_KEY_CACHE_SECONDS * 1000;
    if (row && ttl > 0) {
      if (this.keyCache.size >= KEY_CACHE_MAX) this.keyCache.delete(this.keyCache.keys().next().value as string);
      this.keyCache.set(keyHash, { clientId: row.clientId, until: now + ttl });
    } else this.keyCache.delete(keyHash);
    return row?.clientId;
  }

  async listApiKeys(clientId: string): Promise<ApiKeyView[]> {
    const rows = await this.db.getRepository(ApiKeyEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => toView(r));
  }

  async createApiKey(clientId: string, name?: string): Promise<ApiKeyView> {
    return this.db.transaction(async (tx) => {
      // Lock the tenant row so two concurrent creates cannot both pass the limit check.
      await tx.query('SELECT id FROM client WHERE id = $1 FOR UPDATE', [clientId]);
      const count = await tx.getRepository(ApiKeyEntity).count({ where: { clientId } });
      if (count >= MAX_API_KEYS) {
        throw conflict(`A client can have at most ${MAX_API_KEYS} API keys. Delete one before creating another.`, { code: 'apiKey.limit' });
      }
      const plain = randomToken('llk_');
      const row = await tx.getRepository(ApiKeyEntity).save({ clientId, name: name ?? null, keyHash: sha256Hex(plain) });
      return toView(row, plain);
    });
  }

  async deleteApiKey(clientId: string, id: string): Promise<void> {
    const keyHash = await this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM client WHERE id = $1 FOR UPDATE', [clientId]);
      const repo = tx.getRepository(ApiKeyEntity);
      const key = await repo.findOne({ where: { id, clientId } });
      if (!key) throw notFound(`API key ${id} not found`);
      if ((await repo.count({ where: { clientId } })) <= 1) {
        throw badRequest('The last API key of a client cannot be deleted. Create another key first.', { code: 'apiKey.last' });
      }
      await repo.delete({ id, clientId });
      return key.keyHash;
    });
    // After commit, so a request racing the delete cannot put the key back.
    this.keyCache.delete(keyHash);
  }

  /** Creates a tenant with an API key and, optionally, a portal user. Used by the admin CLI. */
  async createClient(input: { name: string; apiKey?: string; email?: string; password?: string }) {
    return this.db.transaction(async (tx) => {
      const client = await tx.getRepository(ClientEntity).save({ name: input.name });
      const apiKey = input.apiKey ?? randomToken('llk_');
      await tx.getRepository(ApiKeyEntity).save({ clientId: client.id, name: 'default', keyHash: sha256Hex(apiKey) });
      if (input.email && input.password) await this.addPortalUser(tx, client.id, input.email, input.password);
      return { clientId: client.id, apiKey };
    });
  }

  /**
   * Makes sure the configured bootstrap client (the launcher's dev credentials) exists.
   * Idempotent: a key or user that already exists is left alone.
   */
  async ensureBootstrap(): Promise<void> {
    const { BOOTSTRAP_API_KEY: key, BOOTSTRAP_PORTAL_EMAIL: email, BOOTSTRAP_PORTAL_PASSWORD: password, BOOTSTRAP_CLIENT_NAME: name } = this.config;
    if (!key) return;
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7234002)');
      let clientId = (await tx.getRepository(ApiKeyEntity).findOne({ where: { keyHash: sha256Hex(key) } }))?.clientId;
      if (!clientId) {
        clientId = (await tx.getRepository(ClientEntity).save({ name })).id;
        await tx.getRepository(ApiKeyEntity).save({ clientId, name: 'dev', keyHash: sha256Hex(key) });
      }
      if (email && password && !(await tx.getRepository(PortalUserEntity).findOne({ where: { email: email.toLowerCase() } }))) {
        await this.addPortalUser(tx, clientId, email, password);
      }
    });
  }

  private async addPortalUser(tx: EntityManager, clientId: string, email: string, password: string) {
    const repo = tx.getRepository(PortalUserEntity);
    if (await repo.findOne({ where: { email: email.toLowerCase() } })) throw conflict(`A portal user ${email} already exists`);
    await repo.save({ clientId, email: email.toLowerCase(), passwordHash: await hashPassword(password) });
  }

  /** Signs a portal user in: returns the session token for the cookie. */
  async signIn(email: string, password: string): Promise<{ token: string; expiresAt: Date; identity: PortalIdentity }> {
    const user = await this.db.getRepository(PortalUserEntity).findOne({ where: { email: email.trim().toLowerCase() } });
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new ApiError(401, 'Email or password is incorrect.', { code: 'auth.bad_credentials' });
    const token = randomToken('', 32);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.SESSION_TTL_HOURS * 3600_000);
    await this.db.getRepository(PortalSessionEntity).save({ userId: user.id, tokenHash: sha256Hex(token), expiresAt });
    return { token, expiresAt, identity: { userId: user.id, clientId: user.clientId, email: user.email } };
  }

  async identityForSession(token: string): Promise<PortalIdentity | undefined> {
    const session = await this.db.getRepository(PortalSessionEntity).findOne({ where: { tokenHash: sha256Hex(token) }, relations: { user: true } });
    if (!session?.user || session.expiresAt <= this.clock.now()) return undefined;
    return { userId: session.user.id, clientId: session.user.clientId, email: session.user.email };
  }

  async signOut(token: string): Promise<void> {
    await this.db.getRepository(PortalSessionEntity).delete({ tokenHash: sha256Hex(token) });
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');
