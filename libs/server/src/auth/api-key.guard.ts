import { type CanActivate, type ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { unauthorized } from '../common/errors/api-error';
import { IS_PUBLIC } from '../common/http/public.decorator';
import { AuthService } from './auth.service';

interface TenantRequest extends Request {
  clientId?: string;
}

/** `Authorization: Basic <base64(apiKey)>` (contract 1.1). Every REST route needs it unless @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<TenantRequest>();
    const key = parseBasicKey(req.header('authorization'));
    const clientId = key ? await this.auth.clientForApiKey(key) : undefined;
    if (!clientId) throw unauthorized();
    req.clientId = clientId;
    return true;
  }
}

/** The API key inside a Basic header. Codat's clients send base64(key); a raw key is accepted too. */
export function parseBasicKey(header: string | undefined): string | undefined {
  const m = header?.match(/^Basic\s+(\S+)\s*$/i);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  // base64 that does not round-trip was not base64: treat it as the key itself.
  const key = Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') === m[1].replace(/=+$/, '') ? decoded : m[1];
  return key.length >= 8 && key.length <= 200 ? key.replace(/:$/, '') : undefined;
}

/** The authenticated tenant of a REST request: the one place controllers get it from. */
export const ClientId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const id = ctx.switchToHttp().getRequest<TenantRequest>().clientId;
  if (!id) throw unauthorized();
  return id;
});
