/**
 * The API origin, read on every call (never at build time): the launcher starts `next start`
 * with API_URL pointing at an API whose port it picked at run time.
 */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env['API_URL'] || 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
