import { deliveryChart, HOUR_MS, hourlyBuckets, niceMax } from '../src/app/(app)/_webhooks/chart';

const END = Date.parse('2026-03-05T14:00:00Z');
const hour = (offset: number) => new Date(END + offset * HOUR_MS).toISOString();

describe('hourlyBuckets', () => {
  it('fills missing hours with zeros, oldest first, ending with the given hour', () => {
    const rows = hourlyBuckets([{ hour: hour(-2), succeeded: 3, failed: 1 }], END);
    expect(rows).toHaveLength(24);
    expect(rows[0].hour).toBe(hour(-23));
    expect(rows[23]).toEqual({ hour: hour(0), succeeded: 0, failed: 0 });
    expect(rows[21]).toEqual({ hour: hour(-2), succeeded: 3, failed: 1 });
    expect(rows.reduce((n, r) => n + r.succeeded + r.failed, 0)).toBe(4);
  });

  it('adds up rows in the same hour, drops rows outside the window and bad values', () => {
    const rows = hourlyBuckets(
      [
        { hour: hour(-1), succeeded: 1, failed: 0 },
        { hour: new Date(END - HOUR_MS + 1_000).toISOString(), succeeded: 2, failed: 2 },
        { hour: hour(-24), succeeded: 50, failed: 50 },
        { hour: hour(1), succeeded: 50, failed: 50 },
        { hour: 'not a date', succeeded: 9, failed: 9 },
        { hour: hour(0), succeeded: -3, failed: Number.NaN },
      ],
      END + 30 * 60_000,
    );
    expect(rows[22]).toEqual({ hour: hour(-1), succeeded: 3, failed: 2 });
    expect(rows[23]).toEqual({ hour: hour(0), succeeded: 0, failed: 0 });
    expect(rows.reduce((n, r) => n + r.succeeded + r.failed, 0)).toBe(5);
  });

  it('takes another window length', () => {
    expect(hourlyBuckets([], END, 6).map((r) => r.hour)).toEqual([-5, -4, -3, -2, -1, 0].map(hour));
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 5, 6, 10, 11, 20, 21, 99, 101, 4999].map(niceMax)).toEqual([1, 1, 2, 5, 5, 10, 10, 20, 20, 50, 100, 200, 5000]);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe('deliveryChart', () => {
  it('ends with the newest hour the API reported, whatever the browser clock says', () => {
    const stats = Array.from({ length: 24 }, (_, i) => ({ hour: hour(i - 23), succeeded: i === 23 ? 4 : 0, failed: i === 20 ? 3 : 0 }));
    const chart = deliveryChart(stats, END + 5 * HOUR_MS);
    expect(chart.bars).toHaveLength(24);
    expect(chart.bars[23]).toMatchObject({ hour: hour(0), succeeded: 4, failed: 0, total: 4, label: '14:00', range: '5 Mar, 14:00–15:00 UTC' });
    expect(chart.bars[20].title).toBe('5 Mar, 11:00–12:00 UTC: 0 succeeded, 3 failed');
    expect(chart).toMatchObject({ succeeded: 4, failed: 3, total: 7, max: 5 });
    expect(chart.summary).toBe('7 delivery attempts in the last 24 hours: 4 succeeded, 3 failed.');
  });

  it('spans midnight with the right day in each title', () => {
    const chart = deliveryChart([{ hour: '2026-03-06T01:00:00.000Z', succeeded: 1, failed: 0 }]);
    expect(chart.bars[0].range).toBe('5 Mar, 02:00–03:00 UTC');
    expect(chart.bars[21].range).toBe('5 Mar, 23:00–00:00 UTC');
    expect(chart.bars[22].range).toBe('6 Mar, 00:00–01:00 UTC');
    expect(chart.summary).toBe('1 delivery attempt in the last 24 hours: 1 succeeded, 0 failed.');
  });

  it('without data: the last 24 hours up to now, all zero, a scale of 1', () => {
    const chart = deliveryChart(undefined, END + 10 * 60_000);
    expect(chart.bars[23].hour).toBe(hour(0));
    expect(chart).toMatchObject({ total: 0, max: 1, summary: 'No delivery attempts in the last 24 hours.' });
  });
});
