import { SUPPORTED_DATA_TYPES } from '@ledgerlink/models';
import type { SyncSetting } from './sync-settings.schemas';

/** Built-in defaults: every supported type fetched on first link and daily; `company` first. */
export const DEFAULT_SYNC_SETTINGS: SyncSetting[] = ['company', ...SUPPORTED_DATA_TYPES.filter((t) => t !== 'company')].map((dataType, i) => ({
  dataType: dataType as SyncSetting['dataType'],
  fetchOnFirstLink: true,
  syncSchedule: 24,
  syncOrder: i,
}));
