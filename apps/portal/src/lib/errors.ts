/** What the portal knows of a tRPC client error, without importing server code. */
interface ErrorLike {
  message?: unknown;
  data?: { code?: unknown; httpStatus?: unknown } | null;
}

const FALLBACK = 'Something went wrong. Please try again.';

/**
 * A message fit to show a person. Zod validation errors arrive as a JSON array of issues in
 * `message`; they become their issue messages joined into one sentence list.
 */
export function errorMessage(err: unknown, fallback = FALLBACK): string {
  if (!err || typeof err !== 'object') return typeof err === 'string' && err ? err : fallback;
  const e = err as ErrorLike;
  const message = typeof e.message === 'string' ? e.message.trim() : '';
  if (!message) return fallback;
  if (message.startsWith('[')) {
    try {
      const issues = JSON.parse(message) as unknown;
      if (Array.isArray(issues)) {
        const texts = issues.map((i) => (i && typeof i === 'object' && typeof (i as { message?: unknown }).message === 'string' ? (i as { message: string }).message : '')).filter(Boolean);
        if (texts.length) return [...new Set(texts)].join(' ');
      }
    } catch {
      // not JSON: show as is
    }
  }
  if (message === 'Failed to fetch' || message.startsWith('NetworkError') || message === 'Load failed') {
    return 'Could not reach Ledgerlink. Check your connection and try again.';
  }
  return message;
}

export function errorCode(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const code = (err as ErrorLike).data?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUnauthorized = (err: unknown) => errorCode(err) === 'UNAUTHORIZED';
