import type { SyncSetting } from '../sync-settings/sync-settings.schemas';

/** Where a read starts: syncFromUtc, else syncFromWindow months back; none means everything. */
export function historyStart(setting: SyncSetting | undefined, now: Date): Date | undefined {
  if (!setting) return undefined;
  if (setting.syncFromUtc) return new Date(setting.syncFromUtc);
  if (setting.syncFromWindow) {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() - setting.syncFromWindow);
    return d;
  }
  return undefined;
}
