import { ConnectorAuthError } from '../connector';

/** Sandbox settings, all optional: `{}` links a small default company. */
export interface SandboxSettings {
  seed: number;
  companyName: string;
  /** Records per transactional data type (invoices, bills, ...). */
  volume: number;
  latencyMs: number;
  failureRate: number;
  offline: boolean;
  /** ISO-8601 instant: the company is offline until then (an outage that ends by itself). */
  offlineUntil?: string;
}

export const SANDBOX_DEFAULTS: SandboxSettings = { seed: 1, companyName: 'Sandbox Trading Ltd', volume: 50, latencyMs: 0, failureRate: 0, offline: false };

const int = (field: string, v: string, min: number, max: number) => {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new ConnectorAuthError(`${field} must be a whole number from ${min} to ${max}`, field);
  return Number(v);
};

/** Parses the credential map into settings, naming the field that is wrong. */
export function parseSandboxSettings(credentials: Record<string, string>): SandboxSettings {
  const s = { ...SANDBOX_DEFAULTS };
  for (const [key, value] of Object.entries(credentials)) {
    switch (key) {
      case 'seed':
        s.seed = int(key, value, 0, 2_147_483_647);
        break;
      case 'companyName':
        if (!value.trim() || value.length > 200) throw new ConnectorAuthError('companyName must be 1 to 200 characters', key);
        s.companyName = value.trim();
        break;
      case 'volume':
        s.volume = int(key, value, 0, 5_000_000);
        break;
      case 'latencyMs':
        s.latencyMs = int(key, value, 0, 60_000);
        break;
      case 'failureRate': {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new ConnectorAuthError('failureRate must be a number from 0 to 1', key);
        s.failureRate = n;
        break;
      }
      case 'offline':
        if (value !== 'true' && value !== 'false') throw new ConnectorAuthError('offline must be "true" or "false"', key);
        s.offline = value === 'true';
        break;
      case 'offlineUntil': {
        const t = Date.parse(value);
        if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new ConnectorAuthError('offlineUntil must be an ISO-8601 date', key);
        s.offlineUntil = new Date(t).toISOString();
        break;
      }
      default:
        throw new ConnectorAuthError(`Unknown sandbox setting ${key}`, key);
    }
  }
  return s;
}
