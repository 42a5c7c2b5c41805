import type { DataType } from '@ledgerlink/models';
import type { AppRouter } from '@ledgerlink/trpc';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** What the `data.*` procedures answer and take (type-only: no server code reaches the browser). */
type DataOutputs = inferRouterOutputs<AppRouter>['data'];
type DataInputs = inferRouterInputs<AppRouter>['data'];

export type DataStatuses = DataOutputs['status'];
export type DataStatusEntry = DataStatuses[string];
export type PullOperationPage = DataOutputs['history'];
export type PullOperation = PullOperationPage['results'][number];
export type ScheduleRow = DataOutputs['schedule'][number];
export type ClientSyncSettings = DataOutputs['clientSettings'];
export type CompanySyncSettings = DataOutputs['companySettings'];
export type SyncSetting = ClientSyncSettings['settings'][number];
export type SyncSettingInput = DataInputs['setClientSettings']['settings'][number];
export type CompanyScheduleInput = NonNullable<DataInputs['setCompanySettings']['schedule']>;
export type { DataType };
