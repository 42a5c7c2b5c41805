import type { DatasetEntity } from './dataset.entity';
import { isErrored, isUnfinished } from './dataset-status';

/** Dataset → the contract's PullOperation. Optional fields are omitted, never null. */
export function toPullOperation(d: DatasetEntity) {
  return {
    id: d.id,
    companyId: d.companyId,
    connectionId: d.connectionId,
    dataType: d.dataType,
    status: d.status,
    ...(d.statusDescription ? { statusDescription: d.statusDescription } : {}),
    ...(d.errorMessage ? { errorMessage: d.errorMessage } : {}),
    requested: d.requested.toISOString(),
    ...(d.completed ? { completed: d.completed.toISOString() } : {}),
    progress: d.progress,
    isCompleted: !isUnfinished(d.status),
    isErrored: isErrored(d.status),
  };
}
export type PullOperation = ReturnType<typeof toPullOperation>;
