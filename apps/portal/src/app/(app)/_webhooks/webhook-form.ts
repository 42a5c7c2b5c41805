/**
 * The create-webhook form and the "replay failed since" form as plain data: checks before
 * sending, conversion to the API's input, and the API's validation errors mapped back onto the
 * fields. The API validates again (libs/server/src/webhook/webhook.schemas.ts); these checks only
 * save a round trip and say what is wrong in plainer words.
 */
import { errorMessage } from '../../../lib/errors';
import type { CreateWebhookInput } from './types';

export const URL_MAX = 2048;
export const EVENT_TYPES_MAX = 100;
export const COMPANY_TAGS_MAX = 10;
export const COMPANY_TAG_MAX_LENGTH = 128;

export interface WebhookFormValues {
  url: string;
  eventTypes: string[];
  /** `key:value` tags, comma- or newline-separated. */
  companyTags: string;
  startDisabled: boolean;
}

export type WebhookField = 'url' | 'eventTypes' | 'companyTags';
export type WebhookFormErrors = Partial<Record<WebhookField, string>>;

export const EMPTY_WEBHOOK_FORM: WebhookFormValues = { url: '', eventTypes: [], companyTags: '', startDisabled: false };

/** What is wrong with a receiver URL, or undefined: absolute http(s), a host, no credentials. */
export function webhookUrlProblem(value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'Enter the URL that should receive the webhooks.';
  if (text.length > URL_MAX) return `The URL must be ${URL_MAX.toLocaleString('en-GB')} characters or fewer.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full URL starting with http:// or https://, for example https://example.com/webhooks.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The URL must start with http:// or https:// (not ${url.protocol}).`;
  if (url.username || url.password) return 'Remove the user name and password from the URL: credentials in a webhook URL would be stored and shown in logs.';
  if (!url.hostname) return 'The URL must include a host name.';
  return undefined;
}

/** The typed company tags as a list: split on commas and new lines, trimmed, empty entries and repeats dropped. */
export function parseCompanyTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function companyTagsProblem(text: string): string | undefined {
  const tags = parseCompanyTags(text);
  if (tags.length > COMPANY_TAGS_MAX) return `Enter at most ${COMPANY_TAGS_MAX} company tags (there are ${tags.length}).`;
  const malformed = tags.find((t) => !/^[^:]+:/.test(t));
  if (malformed) return `“${malformed}” is not a company tag: write each tag as key:value, for example region:uk.`;
  const long = tags.find((t) => t.length > COMPANY_TAG_MAX_LENGTH);
  if (long) return `Company tags must be ${COMPANY_TAG_MAX_LENGTH} characters or fewer (“${long.slice(0, 24)}…” is longer).`;
  return undefined;
}

export function validateWebhookForm(values: WebhookFormValues): WebhookFormErrors {
  const errors: WebhookFormErrors = {};
  const url = webhookUrlProblem(values.url);
  if (url) errors.url = url;
  if (values.eventTypes.length === 0) errors.eventTypes = 'Choose at least one event type.';
  else if (values.eventTypes.length > EVENT_TYPES_MAX) errors.eventTypes = `Choose at most ${EVENT_TYPES_MAX} event types.`;
  const tags = companyTagsProblem(values.companyTags);
  if (tags) errors.companyTags = tags;
  return errors;
}

export const hasWebhookErrors = (errors: WebhookFormErrors) => Object.values(errors).some(Boolean);

export function toCreateWebhookInput(values: WebhookFormValues): CreateWebhookInput {
  const tags = parseCompanyTags(values.companyTags);
  return {
    url: values.url.trim(),
    eventTypes: [...new Set(values.eventTypes)],
    ...(tags.length ? { companyTags: tags } : {}),
    ...(values.startDisabled ? { disabled: true } : {}),
  };
}

interface Issue {
  message?: unknown;
  path?: unknown;
}

export interface ServerWebhookErrors {
  fields: WebhookFormErrors;
  general: string[];
}

const FIELDS: Record<string, WebhookField> = { url: 'url', eventTypes: 'eventTypes', companyTags: 'companyTags' };

/** "url must use http or https" → "The URL must use http or https." */
function sentence(text: string): string {
  const t = text
    .trim()
    .replace(/^url\b/, 'The URL')
    .replace(/^eventTypes\b/, 'The event types');
  if (!t) return t;
  const cap = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

/**
 * The API's BAD_REQUEST for a create, on the fields it is about. tRPC input errors carry zod
 * issues (JSON in the message) with a path such as ['url'] or ['companyTags', 0]; domain errors
 * ("A client can have at most 50 webhook consumers.") are plain text and stay general.
 */
export function serverWebhookErrors(err: unknown): ServerWebhookErrors {
  const out: ServerWebhookErrors = { fields: {}, general: [] };
  const message = err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string' ? (err as { message: string }).message.trim() : '';
  let issues: Issue[] | undefined;
  if (message.startsWith('[')) {
    try {
      const parsed = JSON.parse(message) as unknown;
      if (Array.isArray(parsed)) issues = parsed as Issue[];
    } catch {
      issues = undefined;
    }
  }
  if (!issues) {
    out.general.push(errorMessage(err));
    return out;
  }
  for (const issue of issues) {
    const text = typeof issue.message === 'string' ? sentence(issue.message) : 'Invalid value.';
    const path = Array.isArray(issue.path) ? issue.path : [];
    const field = FIELDS[String(path[0])];
    if (field) out.fields[field] ??= text;
    else if (!out.general.includes(text)) out.general.push(text);
  }
  if (!out.general.length && !hasWebhookErrors(out.fields)) out.general.push(errorMessage(err));
  return out;
}

// ---- replay failed messages since a time -----------------------------------------------------

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** A `datetime-local` input's value (read as UTC) as an instant, or undefined when it is not a real time. */
export function parseUtcInput(value: string): Date | undefined {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const exact = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi;
  return exact ? date : undefined;
}

/** An instant as a `datetime-local` value in UTC: "2026-03-05T14:30". */
export function toUtcInputValue(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 16);
}

export function replaySinceProblem(value: string, now: number): string | undefined {
  if (!value.trim()) return 'Enter the date and time (UTC) to replay failed messages from.';
  const date = parseUtcInput(value);
  if (!date) return 'Enter a real date and time, for example 2026-03-05 09:00.';
  if (date.getTime() > now) return 'Choose a time in the past: only messages that already failed are replayed.';
  return undefined;
}

/** The `since` the API takes: ISO-8601 with an offset. */
export function replaySinceIso(value: string): string {
  const date = parseUtcInput(value);
  if (!date) throw new Error(`Not a date and time: ${value}`);
  return date.toISOString();
}
