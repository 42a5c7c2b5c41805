/** How a dataset reads its source. */
export type ReadPlan = { mode: 'full' } | { mode: 'incremental'; modifiedSince: Date };

/** A completed earlier read of the same connection and data type. */
export interface PastRead {
  started: Date;
  mode: 'full' | 'incremental';
  from: Date | null;
}

export interface ReadPlanInput {
  /** The connector honours modifiedSince and reports deletions (ConnectorMetadata.incrementalReads). */
  incremental: boolean;
  /** The newest completed read of any mode, and the newest completed full read. */
  lastRead?: PastRead;
  lastFullRead?: PastRead;
  /** The history window's start for this read (null: everything). */
  from: Date | null;
  now: Date;
  /** A full read at least this often (PULL_FULL_READ_EVERY_HOURS), as a safety net. */
  fullReadEveryMs: number;
  /** Incremental reads start this long before the last read started, for clock skew and commit lag. */
  overlapMs: number;
}

/**
 * Full unless every condition for an incremental read holds: the connector supports it, a full
 * read has completed recently enough, and that read covered at least the current window (a
 * window moved earlier needs the older records).
 */
export function planRead(p: ReadPlanInput): ReadPlan {
  const { lastRead, lastFullRead } = p;
  if (!p.incremental || !lastRead || !lastFullRead) return { mode: 'full' };
  if (p.now.getTime() - lastFullRead.started.getTime() >= p.fullReadEveryMs) return { mode: 'full' };
  if (lastFullRead.from && (!p.from || p.from < lastFullRead.from)) return { mode: 'full' };
  return { mode: 'incremental', modifiedSince: new Date(lastRead.started.getTime() - p.overlapMs) };
}
