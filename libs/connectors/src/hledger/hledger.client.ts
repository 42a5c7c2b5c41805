import { ConnectorAuthError, ConnectorUnavailableError, ConnectorValidationError } from '../connector';
import type { HledgerAccount, HledgerTransaction } from './hledger.types';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The server answered, but not like hledger-web's JSON API. */
export class HledgerProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HledgerProtocolError';
  }
}

export interface HledgerEndpoint {
  /** Always ends with "/"; paths are resolved relative to it, so a reverse-proxy prefix is kept. */
  base: URL;
  /** From user:password in the URL (a reverse proxy in front of hledger-web); fetch refuses URLs with credentials. */
  authorization?: string;
}

/** Validates the `baseUrl` credential. Throws ConnectorAuthError naming `baseUrl`. */
export function parseBaseUrl(raw: string | undefined): HledgerEndpoint {
  const text = (raw ?? '').trim();
  if (!text) throw new ConnectorAuthError('The hledger-web URL is required.', 'baseUrl');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectorAuthError(`"${text}" is not a valid URL.`, 'baseUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorAuthError('The hledger-web URL must start with http:// or https://.', 'baseUrl');
  }
  let authorization: string | undefined;
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return { base: url, authorization };
}

export interface HledgerClientOptions {
  timeoutMs?: number;
}

/** A thin client for hledger-web's JSON API (`--serve-api`), using Node's global fetch. */
export class HledgerClient {
  private readonly timeoutMs: number;

  constructor(
    readonly endpoint: HledgerEndpoint,
    opts: HledgerClientOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** For messages: the host, never credentials. */
  get host(): string {
    return this.endpoint.base.host;
  }

  async version(signal?: AbortSignal): Promise<string> {
    const v = await this.getJson('version', signal);
    if (typeof v !== 'string' || !/^\d+(\.\d+)*/.test(v)) {
      throw new HledgerProtocolError('GET /version did not return an hledger version string.');
    }
    return v;
  }

  async accountNames(signal?: AbortSignal): Promise<string[]> {
    const names = await this.getJson('accountnames', signal);
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
      throw new HledgerProtocolError('GET /accountnames did not return a list of account names.');
    }
    return names as string[];
  }

  async commodities(signal?: AbortSignal): Promise<string[]> {
    const list = await this.getJson('commodities', signal);
    if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) {
      throw new HledgerProtocolError('GET /commodities did not return a list of commodities.');
    }
    // AUTO is hledger's placeholder for amount-less postings and "" comes from a bare zero ("0"):
    // neither is a real commodity.
    return (list as string[]).filter((c) => c !== 'AUTO' && c !== '');
  }

  async accounts(signal?: AbortSignal): Promise<HledgerAccount[]> {
    const list = await this.getJson('accounts', signal);
    if (!Array.isArray(list) || !list.every((a) => a && typeof a === 'object' && typeof a.aname === 'string')) {
      throw new HledgerProtocolError('GET /accounts did not return hledger accounts.');
    }
    return list as HledgerAccount[];
  }

  async transactions(signal?: AbortSignal): Promise<HledgerTransaction[]> {
    const list = await this.getJson('transactions', signal);
    if (
      !Array.isArray(list) ||
      !list.every((t) => t && typeof t === 'object' && typeof t.tdate === 'string' && Array.isArray(t.tpostings))
    ) {
      throw new HledgerProtocolError('GET /transactions did not return hledger transactions.');
    }
    return list as HledgerTransaction[];
  }

  /**
   * Whether `PUT /add` is allowed, found without writing anything: an empty object can never parse
   * as a transaction, so a server with the `add` capability answers 400 and one without answers 403.
   */
  async canAdd(signal?: AbortSignal): Promise<boolean> {
    const res = await this.request('add', { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } }, signal);
    await res.text().catch(() => undefined);
    return res.status !== 403 && res.status !== 401 && res.status !== 405;
  }

  /** `PUT /add`: appends the transaction to the journal (hledger-web answers 201, empty body). */
  async add(transaction: unknown, signal?: AbortSignal): Promise<void> {
    const res = await this.request(
      'add',
      { method: 'PUT', body: JSON.stringify(transaction), headers: { 'Content-Type': 'application/json' } },
      signal,
    );
    const text = await res.text().catch(() => '');
    if (res.ok) return;
    if (res.status === 403 || res.status === 401) {
      throw new ConnectorAuthError(
        `hledger-web refused to add the transaction (${res.status}): it must run with the "add" capability (--capabilities=view,add).`,
        'baseUrl',
      );
    }
    if (res.status === 400) {
      throw new ConnectorValidationError(`hledger-web rejected the transaction: ${unquote(text)}`, [
        { message: unquote(text) || 'Bad request' },
      ]);
    }
    throw new ConnectorUnavailableError(`hledger-web answered ${res.status} to PUT /add: ${unquote(text)}`);
  }

  private async getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const res = await this.request(path, { method: 'GET', headers: { Accept: 'application/json' } }, signal);
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new ConnectorAuthError(`hledger-web at ${this.host} refused GET /${path} (${res.status}).`, 'baseUrl');
    }
    if (res.status >= 500 || res.status === 429) {
      throw new ConnectorUnavailableError(`hledger-web at ${this.host} answered ${res.status} to GET /${path}.`);
    }
    if (!res.ok) throw new HledgerProtocolError(`GET /${path} answered ${res.status}; is this hledger-web with --serve-api?`);
    try {
      return JSON.parse(text);
    } catch {
      throw new HledgerProtocolError(`GET /${path} did not return JSON; is this hledger-web with --serve-api?`);
    }
  }

  private async request(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const url = new URL(path, this.endpoint.base);
    const headers = new Headers(init.headers);
    if (this.endpoint.authorization) headers.set('Authorization', this.endpoint.authorization);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      return await fetch(url, {
        ...init,
        headers,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      const reason = timeout.aborted ? `no answer within ${this.timeoutMs} ms` : describeFetchError(e);
      throw new ConnectorUnavailableError(`hledger-web at ${this.host} is unreachable: ${reason}`);
    }
  }
}

function describeFetchError(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return e.message;
  }
  return String(e);
}

/** hledger-web's error bodies are JSON strings ("could not parse json: …"). */
function unquote(text: string): string {
  try {
    const v = JSON.parse(text);
    if (typeof v === 'string') return v;
  } catch {
    // not JSON: use as is
  }
  return text.trim().slice(0, 500);
}
