import type { AuthService, PortalIdentity } from '@ledgerlink/server';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'll_session';

export interface TrpcContext {
  identity?: PortalIdentity;
  sessionToken?: string;
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
}

export function readCookie(
  header: string | undefined,
  name: string,
): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function createContextFactory(
  auth: AuthService,
  secureCookie: (req: Request) => boolean,
) {
  return async ({
    req,
    res,
  }: {
    req: Request;
    res: Response;
  }): Promise<TrpcContext> => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const identity =
      token && /^[A-Za-z0-9_-]{20,100}$/.test(token)
        ? await auth.identityForSession(token)
        : undefined;
    const base = {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: secureCookie(req),
    };
    return {
      identity,
      sessionToken: identity ? token : undefined,
      setSession: (value, expiresAt) =>
        res.cookie(SESSION_COOKIE, value, { ...base, expires: expiresAt }),
      clearSession: () => res.clearCookie(SESSION_COOKIE, base),
    };
  };
}
