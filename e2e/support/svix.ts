export interface SvixWebhook {
  verify(payload: string, headers: Record<string, string>): unknown;
}

/** svix 2.x is ESM-only; load it through Node's own loader (Jest's registry cannot). */
export const loadSvix = () => process.getBuiltinModule('node:module').createRequire(__filename)('svix') as { Webhook: new (secret: string) => SvixWebhook };
