/**
 * Which step of the hosted link flow to show, from the link view and the URL:
 *   /link/<companyId>                      step 1, choose your software
 *   /link/<companyId>?platform=<key>       step 2, authorise that platform
 *   /link/<companyId>?connection=<id>      step 2 for that connection, or step 3 once it is Linked
 * `?connection=` is also the shape of a connection's own link URL.
 */
import type { LinkConnection, LinkIntegration, LinkView } from './link-types';

export interface LinkLocation {
  platform?: string;
  connection?: string;
}

export type FlowStep =
  | { step: 'choose'; notice?: string }
  | { step: 'authorize'; integration: LinkIntegration; connection?: LinkConnection }
  | { step: 'confirm'; integration?: LinkIntegration; connection: LinkConnection };

export const STEP_TITLES = ['Choose your software', 'Authorise access', 'Confirm'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** A query-string value as Next passes it (`string | string[] | undefined`) → one trimmed string. */
export function oneParam(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const t = v?.trim();
  return t ? t : undefined;
}

export function locationFromSearch(search: URLSearchParams | string): LinkLocation {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  return { platform: oneParam(p.get('platform') ?? undefined), connection: oneParam(p.get('connection') ?? undefined) };
}

/** `?connection=…` wins over `?platform=…`; an empty location is step 1. */
export function searchFor(loc: LinkLocation): string {
  const p = new URLSearchParams();
  if (loc.connection) p.set('connection', loc.connection);
  else if (loc.platform) p.set('platform', loc.platform);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function resolveStep(view: LinkView, loc: LinkLocation): FlowStep {
  const integrationOf = (key: string) => view.integrations.find((i) => i.key === key);
  if (loc.connection) {
    const connection = view.connections.find((c) => c.id.toLowerCase() === loc.connection?.toLowerCase());
    if (!connection) return { step: 'choose', notice: 'That connection link is no longer valid. Choose your accounting software below to start again.' };
    const integration = integrationOf(connection.platformKey);
    if (connection.status === 'Linked') return { step: 'confirm', integration, connection };
    if (!integration) return { step: 'choose', notice: `${connection.platformName} can no longer be connected here. Choose another option below.` };
    return { step: 'authorize', integration, connection };
  }
  if (loc.platform) {
    const integration = integrationOf(loc.platform);
    if (!integration) return { step: 'choose', notice: 'That accounting software is not available. Choose one of the options below.' };
    // The connection link.start would reuse, so its last error can be shown.
    const connection = view.connections.find((c) => c.platformKey === integration.key && c.status !== 'Linked');
    return { step: 'authorize', integration, connection };
  }
  return { step: 'choose' };
}

export function stepNumber(step: FlowStep['step']): 1 | 2 | 3 {
  return step === 'choose' ? 1 : step === 'authorize' ? 2 : 3;
}

/** Per integration: its linked connections, and the unfinished one (if any). */
export function connectionsByPlatform(view: LinkView): Map<string, { linked: LinkConnection[]; pending?: LinkConnection }> {
  const out = new Map<string, { linked: LinkConnection[]; pending?: LinkConnection }>();
  for (const c of view.connections) {
    const entry = out.get(c.platformKey) ?? { linked: [] };
    if (c.status === 'Linked') entry.linked.push(c);
    else if (!entry.pending) entry.pending = c;
    out.set(c.platformKey, entry);
  }
  return out;
}

/** Up to two letters standing in for a logo that cannot be loaded ("Ledgerlink Sandbox" → "LS"). */
export function monogram(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? words[0].slice(0, 2) : words[0][0] + words[1][0];
  return letters.toUpperCase();
}

/** The view with this connection added or updated (after link.start, before the refetch lands). */
export function withConnection(view: LinkView, conn: LinkConnection): LinkView {
  const known = view.connections.some((c) => c.id === conn.id);
  const connections = known ? view.connections.map((c) => (c.id === conn.id ? conn : c)) : [...view.connections, conn];
  return { ...view, connections };
}

/** The view after a successful authorise, before the refetch lands: that connection, and so the company, is Linked. */
export function withLinked(view: LinkView, linked: LinkConnection): LinkView {
  const clean: LinkConnection = { ...linked, status: 'Linked' };
  delete clean.error;
  const next = withConnection(view, clean);
  return { ...next, company: { ...next.company, status: 'Linked' } };
}

export const COMPANY_STATUS_TEXT: Record<string, string> = {
  Blank: 'No accounting software has been chosen yet.',
  PendingAuth: 'Accounting software chosen; access has not been authorised yet.',
  Linked: 'Accounting software linked: data can be read.',
  Deauthorised: 'Access was removed. Connect again to restore it.',
};
