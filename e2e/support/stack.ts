import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the launcher printed: the running stack's URLs and dev credentials. */
export interface Stack {
  apiUrl: string;
  portalUrl: string;
  apiKey: string;
  portalEmail: string;
  portalPassword: string;
  dataDir: string;
  pid: number;
}

export const STACK_FILE = join(__dirname, '..', '..', 'tmp', 'e2e-stack.json');

export function getStack(): Stack {
  return JSON.parse(readFileSync(STACK_FILE, 'utf8')) as Stack;
}

export const basicAuth = (key: string) => `Basic ${Buffer.from(key).toString('base64')}`;
