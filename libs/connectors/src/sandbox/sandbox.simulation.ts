import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectorUnavailableError } from '../connector';
import { hashString, mix, Rng, SALT } from './books/random';
import type { SandboxSettings } from './sandbox.settings';

/**
 * The sandbox's imitation of a remote system: latency per round trip, random failures and outages.
 * Failures are deterministic: the n-th read batch of a connector instance, and the n-th attempt of a
 * write key on it, always draw the same number for the same seed (a fresh instance retries afresh).
 */
export class Simulation {
  private readBatches = 0;
  private readonly writeAttempts = new Map<string, number>();

  constructor(
    private readonly settings: SandboxSettings,
    private readonly now: () => Date,
  ) {}

  /** Throws while the sandbox company is offline (`offline: true`, or before `offlineUntil`). */
  assertOnline(): void {
    const { offline, offlineUntil } = this.settings;
    if (offline) throw new ConnectorUnavailableError('The sandbox company is offline (setting offline=true)');
    if (offlineUntil && this.now().getTime() < Date.parse(offlineUntil)) {
      throw new ConnectorUnavailableError(`The sandbox company is offline until ${offlineUntil}`);
    }
  }

  /** One read round trip: online check, latency, then a failure with probability failureRate. */
  async readBatch(signal?: AbortSignal): Promise<void> {
    await this.roundTrip(signal);
    this.fail(new Rng(this.settings.seed, SALT.readFailure, this.readBatches++).next());
  }

  /** One write round trip, failing deterministically per operation key (and attempt on this instance). */
  async write(key: string): Promise<void> {
    await this.roundTrip();
    const attempt = this.writeAttempts.get(key) ?? 0;
    if (this.writeAttempts.size > 10_000) this.writeAttempts.clear();
    this.writeAttempts.set(key, attempt + 1);
    this.fail(new Rng(this.settings.seed, SALT.writeFailure, mix(hashString(key), attempt)).next());
  }

  private async roundTrip(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.assertOnline();
    if (this.settings.latencyMs > 0) await sleep(this.settings.latencyMs, undefined, { signal });
  }

  private fail(draw: number): void {
    if (draw < this.settings.failureRate) throw new ConnectorUnavailableError('Sandbox simulated failure');
  }
}
