/**
 * Pure helpers for the credentials form of the hosted link page: how each connector credential
 * field renders, the client-side checks, and what is sent to `link.authorize`. The connector
 * validates again (and names the wrong field in its error message).
 */
import type { CredentialField } from './link-types';

export type CredentialValues = Record<string, string>;
export type CredentialErrors = Record<string, string>;

/** The API's limit for one credential value (libs/trpc link.router). */
export const CREDENTIAL_MAX = 4096;

export interface FieldInputProps {
  id: string;
  name: string;
  type: 'text' | 'password' | 'url';
  inputMode?: 'numeric' | 'url';
  autoComplete: string;
  spellCheck: boolean;
  maxLength: number;
  'aria-required'?: true;
}

/** A DOM id for a credential field: field names come from connector metadata, not from users. */
export function fieldId(name: string): string {
  return `credential-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export const hintId = (name: string) => `${fieldId(name)}-hint`;
export const errorId = (name: string) => `${fieldId(name)}-error`;

/**
 * Input attributes for a field. Numbers render as text with a numeric keyboard (as GOV.UK
 * advises): `type=number` silently drops what it cannot parse, so the connector's own message
 * about a bad value would never be seen.
 */
export function inputProps(field: CredentialField): FieldInputProps {
  const base = {
    id: fieldId(field.name),
    name: field.name,
    maxLength: CREDENTIAL_MAX,
    ...(field.required ? { 'aria-required': true as const } : {}),
  };
  switch (field.type) {
    case 'password':
      // Credentials for another system: never offer to save them as this site's password.
      return { ...base, type: 'password', autoComplete: 'new-password', spellCheck: false };
    case 'url':
      return { ...base, type: 'url', inputMode: 'url', autoComplete: 'off', spellCheck: false };
    case 'number':
      return { ...base, type: 'text', inputMode: 'numeric', autoComplete: 'off', spellCheck: false };
    default:
      return { ...base, type: 'text', autoComplete: 'off', spellCheck: false };
  }
}

/** ids for aria-describedby: the error first (read first), then the description. */
export function describedBy(field: CredentialField, hasError: boolean): string | undefined {
  const ids = [hasError ? errorId(field.name) : '', field.description ? hintId(field.name) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function emptyValues(fields: CredentialField[]): CredentialValues {
  return Object.fromEntries(fields.map((f) => [f.name, '']));
}

/** Required fields must be filled; nothing may exceed the API's length limit. Keyed by field name. */
export function validateCredentials(fields: CredentialField[], values: CredentialValues): CredentialErrors {
  const errors: CredentialErrors = {};
  for (const f of fields) {
    const value = values[f.name] ?? '';
    if (f.required && !value.trim()) errors[f.name] = `Enter ${lowerFirst(f.label)}.`;
    else if (value.length > CREDENTIAL_MAX) errors[f.name] = `${f.label} must be ${CREDENTIAL_MAX} characters or fewer.`;
  }
  return errors;
}

/** The first field (in form order) that has an error, for focusing. */
export function firstInvalid(fields: CredentialField[], errors: CredentialErrors): CredentialField | undefined {
  return fields.find((f) => errors[f.name]);
}

/**
 * What `link.authorize` receives: the known fields that were filled in. Empty optional fields are
 * left out (the connector then uses its default); passwords are sent exactly as typed, other
 * values trimmed.
 */
export function toCredentials(fields: CredentialField[], values: CredentialValues): CredentialValues {
  const out: CredentialValues = {};
  for (const f of fields) {
    const raw = values[f.name] ?? '';
    const value = f.type === 'password' ? raw : raw.trim();
    if (value.trim()) out[f.name] = value;
  }
  return out;
}

const AUTH_PREFIX = /^Authorization failed:\s*/i;

/**
 * Connectors name the offending field at the start of their message ("volume must be a whole
 * number…", behind the API's "Authorization failed: "). Finds that field, and says the same
 * thing with the field's label, to show beside the input.
 */
export function fieldErrorFromMessage(message: string, fields: CredentialField[]): { field: string; message: string } | undefined {
  const text = message.replace(AUTH_PREFIX, '').trim();
  // Longest names first, so "bookPathBackup" wins over "bookPath".
  const byLength = [...fields].sort((a, b) => b.name.length - a.name.length);
  for (const f of byLength) {
    for (const lead of [f.name, f.label]) {
      if (text.length > lead.length && text.slice(0, lead.length).toLowerCase() === lead.toLowerCase() && /\s/.test(text[lead.length])) {
        return { field: f.name, message: `${f.label}${text.slice(lead.length)}` };
      }
    }
  }
  return undefined;
}

function lowerFirst(label: string): string {
  // Keep acronyms and product names ("URL", "GnuCash book") as they are.
  const first = label.split(/\s/)[0];
  return /^[A-Z][a-z]*$/.test(first) && first.length > 1 ? label[0].toLowerCase() + label.slice(1) : label;
}
