import { SUPPORTED_DATA_TYPES } from '@ledgerlink/models';
import type { SyncSetting } from './sync-settings.schemas';

/** Built-in defaults: every supported type fetched on first link and daily, in the models' order (`company` first). */
export const DEFAULT_SYNC_SETTINGS: SyncSetting[] = SUPPORTED_DATA_TYPES.map((dataType, i) => ({
  dataType: dataType as SyncSetting['dataType'],
  fetchOnFirstLink: true,
  syncSchedule: 24,
  syncOrder: i,
}));
