export function models(): string {
  return 'models';
}
