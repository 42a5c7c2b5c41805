export function trpc(): string {
  return 'trpc';
}
