export function optionsSchema(): string {
  return 'options-schema';
}
