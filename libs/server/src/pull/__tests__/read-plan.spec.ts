import { planRead, type ReadPlanInput } from '../read-plan';

const H = 3600_000;
const now = new Date('2026-06-10T12:00:00Z');
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * H);
const base: ReadPlanInput = {
  incremental: true,
  lastRead: { started: at(1), mode: 'incremental', from: null },
  lastFullRead: { started: at(5), mode: 'full', from: null },
  from: null,
  now,
  fullReadEveryMs: 24 * H,
  overlapMs: 5 * 60_000,
};

describe('planRead', () => {
  it('reads incrementally from the last read, less the overlap', () => {
    expect(planRead(base)).toEqual({ mode: 'incremental', modifiedSince: new Date(at(1).getTime() - 5 * 60_000) });
  });

  it('reads in full when the connector cannot report changes and deletions', () => {
    expect(planRead({ ...base, incremental: false })).toEqual({ mode: 'full' });
  });

  it('reads in full the first time', () => {
    expect(planRead({ ...base, lastRead: undefined, lastFullRead: undefined })).toEqual({ mode: 'full' });
    expect(planRead({ ...base, lastFullRead: undefined })).toEqual({ mode: 'full' });
  });

  it('reads in full when the last full read is older than the interval', () => {
    expect(planRead({ ...base, lastFullRead: { started: at(24), mode: 'full', from: null } })).toEqual({ mode: 'full' });
    expect(planRead({ ...base, lastFullRead: { started: at(23.9), mode: 'full', from: null } }).mode).toBe('incremental');
    expect(planRead({ ...base, fullReadEveryMs: 0 })).toEqual({ mode: 'full' });
  });

  it('reads in full when the window now starts earlier than the last full read covered', () => {
    const full = { started: at(5), mode: 'full' as const, from: new Date('2025-01-01T00:00:00Z') };
    expect(planRead({ ...base, lastFullRead: full, from: new Date('2024-06-01T00:00:00Z') })).toEqual({ mode: 'full' });
    expect(planRead({ ...base, lastFullRead: full, from: null })).toEqual({ mode: 'full' });
    expect(planRead({ ...base, lastFullRead: full, from: new Date('2025-01-01T00:00:00Z') }).mode).toBe('incremental');
    expect(planRead({ ...base, lastFullRead: full, from: new Date('2025-03-01T00:00:00Z') }).mode).toBe('incremental');
  });
});
