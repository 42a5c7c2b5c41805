import { FREQUENCIES, frequencyForHours, frequencyLabel, frequencyOptions, hoursForFrequency } from '../src/app/(app)/_sync/frequency';

describe('frequency ⇄ syncSchedule hours', () => {
  it.each([
    ['hourly', 1],
    ['daily', 24],
    ['weekly', 168],
    ['monthly', 720],
    ['never', 0],
  ] as const)('%s is %i hours, and back', (key, hours) => {
    expect(hoursForFrequency(key)).toBe(hours);
    expect(frequencyForHours(hours)).toBe(key);
  });

  it('has no name for other intervals', () => {
    expect(frequencyForHours(12)).toBeUndefined();
    expect(frequencyForHours(48)).toBeUndefined();
  });

  it('labels the named frequencies and any other interval', () => {
    expect(frequencyLabel(168)).toBe('Weekly');
    expect(frequencyLabel(0)).toBe('Never (kept alive monthly)');
    expect(frequencyLabel(12)).toBe('Every 12 hours');
  });

  it('rejects an unknown key', () => {
    expect(() => hoursForFrequency('fortnightly' as never)).toThrow(/Unknown frequency/);
  });

  it('offers the five frequencies as hours, in order', () => {
    expect(frequencyOptions()).toEqual([
      { value: '1', label: 'Hourly' },
      { value: '24', label: 'Daily' },
      { value: '168', label: 'Weekly' },
      { value: '720', label: 'Monthly' },
      { value: '0', label: 'Never (kept alive monthly)' },
    ]);
    expect(FREQUENCIES).toHaveLength(5);
  });

  it('keeps an interval set through the API as an extra option, so saving does not change it', () => {
    const options = frequencyOptions(12);
    expect(options).toHaveLength(6);
    expect(options[5]).toEqual({ value: '12', label: 'Every 12 hours' });
    expect(frequencyOptions(24)).toHaveLength(5);
  });
});
