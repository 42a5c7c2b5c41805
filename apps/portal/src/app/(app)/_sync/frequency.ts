/** syncSchedule is in hours (contract section 7); the portal offers the seed's frequencies. */
export const FREQUENCIES = [
  { key: 'hourly', label: 'Hourly', hours: 1 },
  { key: 'daily', label: 'Daily', hours: 24 },
  { key: 'weekly', label: 'Weekly', hours: 168 },
  { key: 'monthly', label: 'Monthly', hours: 720 },
  { key: 'never', label: 'Never (kept alive monthly)', hours: 0 },
] as const;

export type FrequencyKey = (typeof FREQUENCIES)[number]['key'];

export function hoursForFrequency(key: FrequencyKey): number {
  const found = FREQUENCIES.find((f) => f.key === key);
  if (!found) throw new Error(`Unknown frequency ${String(key)}`);
  return found.hours;
}

/** The named frequency for a schedule, or undefined for any other number of hours (e.g. 12). */
export function frequencyForHours(hours: number): FrequencyKey | undefined {
  return FREQUENCIES.find((f) => f.hours === hours)?.key;
}

export function frequencyLabel(hours: number): string {
  const named = FREQUENCIES.find((f) => f.hours === hours);
  if (named) return named.label;
  return hours === 1 ? 'Every hour' : `Every ${hours} hours`;
}

/**
 * Options for a frequency select whose value is the hours as text. A schedule set through the
 * API to some other interval keeps an option of its own, so saving never changes it silently.
 */
export function frequencyOptions(currentHours?: number): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = FREQUENCIES.map((f) => ({ value: String(f.hours), label: f.label }));
  if (currentHours !== undefined && Number.isInteger(currentHours) && frequencyForHours(currentHours) === undefined) {
    options.push({ value: String(currentHours), label: frequencyLabel(currentHours) });
  }
  return options;
}
