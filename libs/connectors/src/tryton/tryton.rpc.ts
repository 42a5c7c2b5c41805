import { ConnectorAuthError, ConnectorUnavailableError } from '../connector';

const DEFAULT_TIMEOUT_MS = 60_000;

export interface TrytonCredentials {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
}

/** The server answered over HTTP, but not with a JSON-RPC result (401 without a session, 404, HTML, ...). */
export class TrytonHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TrytonHttpError';
  }
}

/**
 * A JSON-RPC `error` member. Tryton sends
 *   ["UserError", [message, description, domain]]    business rule (posted invoice, missing field, ...)
 *   ["UserWarning", [name, message, description]]    needs confirmation (res.user.warning) before retrying
 *   [text, ""]                                        anything else (unknown database, KeyError 'field', ...)
 */
export class TrytonFault extends Error {
  constructor(
    readonly kind: 'UserError' | 'UserWarning' | 'Other',
    message: string,
    /** UserWarning: the warning's name, to confirm it. */
    readonly warningName?: string,
  ) {
    super(message);
    this.name = 'TrytonFault';
  }

  static from(error: unknown): TrytonFault {
    if (Array.isArray(error) && Array.isArray(error[1])) {
      const [kind, args] = error as [string, unknown[]];
      if (kind === 'UserError') {
        const [message, description] = args.map((a) => (typeof a === 'string' ? a : ''));
        return new TrytonFault('UserError', description ? `${message} ${description}` : message);
      }
      if (kind === 'UserWarning') return new TrytonFault('UserWarning', String(args[1] ?? args[0]), String(args[0]));
    }
    const first = Array.isArray(error) ? error[0] : error;
    return new TrytonFault('Other', String(typeof first === 'string' ? first : JSON.stringify(first)).slice(0, 500));
  }
}

/** Validates `serverUrl`: http(s), no trailing slash. Throws ConnectorAuthError naming the field. */
export function parseServerUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (!value) throw new ConnectorAuthError('The Tryton server URL is required.', 'serverUrl');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectorAuthError(`"${value}" is not a valid URL.`, 'serverUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorAuthError('The Tryton server URL must start with http:// or https://.', 'serverUrl');
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

export interface TrytonClientOptions {
  timeoutMs?: number;
}

let nextRequestId = 1;

/**
 * Tryton 6.0 JSON-RPC over HTTP (Node's global fetch). Logs in lazily, appends the user context to
 * model calls, and logs in again once when the session expired (Tryton drops idle sessions after
 * 5 minutes, and `post` / wizards want a fresh one).
 */
export class TrytonClient {
  readonly baseUrl: string;
  private session?: { userId: number; key: string };
  private ctx?: Record<string, unknown>;
  private readonly timeoutMs: number;

  constructor(
    private readonly creds: TrytonCredentials,
    opts: TrytonClientOptions = {},
  ) {
    this.baseUrl = parseServerUrl(creds.serverUrl);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get userId(): number | undefined {
    return this.session?.userId;
  }

  /** The user's preferences (company, language, ...), passed as the last parameter of model calls. */
  async context(): Promise<Record<string, unknown>> {
    if (!this.ctx) await this.login();
    return this.ctx as Record<string, unknown>;
  }

  /** `common.server.version`, a server-level call (no database, no session). */
  async version(signal?: AbortSignal): Promise<string> {
    const v = await this.post('', 'common.server.version', [], signal);
    if (typeof v !== 'string') throw new TrytonHttpError(200, 'common.server.version did not return a version.');
    return v;
  }

  /** Logs in; a wrong database or login becomes a ConnectorAuthError naming `database` or `password`. */
  async login(signal?: AbortSignal): Promise<void> {
    const { username, password, database } = this.creds;
    if (!database?.trim()) throw new ConnectorAuthError('The Tryton database name is required.', 'database');
    if (!username?.trim()) throw new ConnectorAuthError('The Tryton username is required.', 'username');
    if (!password) throw new ConnectorAuthError('The Tryton password is required.', 'password');
    this.session = undefined;
    let result: unknown;
    try {
      result = await this.post(database, 'common.db.login', [username, { password }, 'en'], signal);
    } catch (e) {
      if (e instanceof TrytonHttpError && e.status === 401) {
        throw new ConnectorAuthError('Tryton rejected the username or password.', 'password');
      }
      if ((e instanceof TrytonFault && /database|exist/i.test(e.message)) || (e instanceof TrytonHttpError && e.status === 404)) {
        throw new ConnectorAuthError(`Tryton has no database "${database}".`, 'database');
      }
      throw e;
    }
    if (!Array.isArray(result) || typeof result[0] !== 'number') {
      throw new TrytonHttpError(200, 'common.db.login did not return a session.');
    }
    this.session = { userId: result[0], key: String(result[1]) };
    this.ctx = (await this.post(database, 'model.res.user.get_preferences', [true, {}], signal)) as Record<string, unknown>;
  }

  async logout(): Promise<void> {
    if (!this.session) return;
    await this.post(this.creds.database, 'common.db.logout', []).catch(() => undefined);
    this.session = undefined;
    this.ctx = undefined;
  }

  /** `model.<model>.<method>(...args, context)`; `extraContext` is merged into the user context. */
  async model<T = unknown>(model: string, method: string, args: unknown[], extraContext?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    return this.withSession(async () => {
      const ctx = { ...(await this.context()), ...extraContext };
      return (await this.post(this.creds.database, `model.${model}.${method}`, [...args, ctx], signal)) as T;
    });
  }

  /** `wizard.<name>.<method>(...args)`; the caller supplies the context (it carries active_id). */
  async wizard<T = unknown>(name: string, method: string, args: unknown[]): Promise<T> {
    return this.withSession(async () => (await this.post(this.creds.database, `wizard.${name}.${method}`, args)) as T);
  }

  search(model: string, domain: unknown[], offset: number, limit: number | null, order: [string, string][] | null, signal?: AbortSignal) {
    return this.model<number[]>(model, 'search', [domain, offset, limit, order], undefined, signal);
  }

  read<T = Record<string, unknown>>(model: string, ids: number[], fields: string[], signal?: AbortSignal): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model<T[]>(model, 'read', [ids, fields], undefined, signal);
  }

  searchRead<T = Record<string, unknown>>(model: string, domain: unknown[], fields: string[], opts: { limit?: number; order?: [string, string][]; signal?: AbortSignal } = {}) {
    return this.model<T[]>(model, 'search_read', [domain, 0, opts.limit ?? null, opts.order ?? null, fields], undefined, opts.signal);
  }

  async create(model: string, values: Record<string, unknown>): Promise<number> {
    const [id] = await this.model<number[]>(model, 'create', [[values]]);
    return id;
  }

  write(model: string, ids: number[], values: Record<string, unknown>) {
    return this.model<null>(model, 'write', [ids, values]);
  }

  delete(model: string, ids: number[]) {
    return this.model<null>(model, 'delete', [ids]);
  }

  /**
   * Runs `fn`, confirming Tryton's UserWarnings (e.g. "generates a payment date in the past") the way
   * the desktop client does: a one-shot res.user.warning, then the call again. At most `max` times.
   */
  async confirmingWarnings<T>(fn: () => Promise<T>, max = 3): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!(e instanceof TrytonFault) || e.kind !== 'UserWarning' || !e.warningName || attempt >= max) throw e;
        await this.create('res.user.warning', { user: this.userId, name: e.warningName, always: false });
      }
    }
  }

  private async withSession<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.session) await this.login();
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof TrytonHttpError) || e.status !== 401) throw e;
      await this.login(); // expired or not fresh enough: one new session, one retry
      try {
        return await fn();
      } catch (again) {
        if (again instanceof TrytonHttpError && again.status === 401) {
          throw new ConnectorAuthError('Tryton refused a fresh session: check the username and password.', 'password');
        }
        throw again;
      }
    }
  }

  private async post(database: string, method: string, params: unknown[], signal?: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.session && database) {
      const token = Buffer.from(`${this.creds.username}:${this.session.userId}:${this.session.key}`).toString('base64');
      headers['Authorization'] = `Session ${token}`;
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/${database ? `${encodeURIComponent(database)}/` : ''}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: nextRequestId++, method, params }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      const why = timeout.aborted ? `no answer within ${this.timeoutMs / 1000} s` : (cause ?? (e as Error).message);
      throw new ConnectorUnavailableError(`Tryton at ${this.baseUrl} is unreachable (${why}).`);
    }
    if (res.status === 429) throw new ConnectorUnavailableError('Tryton refuses logins for a while after too many failed attempts; try again later.');
    if (res.status === 403) throw new ConnectorAuthError(`The Tryton user "${this.creds.username}" may not call ${method}.`, 'username');
    if (res.status >= 500) throw new ConnectorUnavailableError(`Tryton answered HTTP ${res.status} to ${method}.`);
    let body: { result?: unknown; error?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new TrytonHttpError(res.status, `${method}: HTTP ${res.status}, not a JSON-RPC answer.`);
    }
    if (!res.ok) throw new TrytonHttpError(res.status, `${method}: HTTP ${res.status}.`);
    if (body === null || typeof body !== 'object') throw new TrytonHttpError(res.status, `${method}: not a JSON-RPC answer.`);
    if (body.error !== undefined && body.error !== null) throw TrytonFault.from(body.error);
    return body.result;
  }
}
