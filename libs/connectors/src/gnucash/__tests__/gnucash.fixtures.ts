import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PushOptionProperty, SupportedDataType } from '@ledgerlink/models';
import { PEER_TOOLS_DIR, SYSTEM_PYTHON } from '@ledgerlink/testing-peers';
import type { Connector, ReadOptions, WriteOperation } from '../../connector';
import { gnucashDefinition } from '../gnucash.definition';

export const NOW = new Date('2026-11-22T09:00:00Z');

export const connect = (bookPath: string): Connector =>
  gnucashDefinition.create({ credentials: { bookPath }, connectionId: 'test-connection', now: () => NOW });

/** Every record of a data type, all batches joined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readAll(c: Connector, dataType: SupportedDataType, options?: ReadOptions): Promise<any[]> {
  const out: unknown[] = [];
  for await (const batch of c.read(dataType, options)) out.push(...batch);
  return out;
}

let keys = 0;
export const create = (dataType: SupportedDataType, record: Record<string, unknown>, key = `op-${++keys}`): WriteOperation => ({ key, type: 'Create', dataType, record });

/** Runs tools/peers/gnucash_book_edit.py: GnuCash itself edits the book (company options, payments). */
export function editBook(path: string, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) =>
    execFile(SYSTEM_PYTHON, [join(PEER_TOOLS_DIR, 'gnucash_book_edit.py'), path, ...args], (err, stdout, stderr) =>
      err ? fail(new Error(`gnucash_book_edit.py ${args.join(' ')} failed: ${stderr}`)) : ok(stdout),
    ),
  );
}

export const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Paths of PushOption properties that lack a description (the contract requires one everywhere). */
export function undescribed(props: Record<string, PushOptionProperty> | undefined, prefix = ''): string[] {
  return Object.entries(props ?? {}).flatMap(([name, p]) => [
    ...(p.description ? [] : [`${prefix}${name}`]),
    ...undescribed(p.properties, `${prefix}${name}.`),
  ]);
}

/** The values of a transaction's splits sum to zero. */
export const balanced = (splits: { value: string }[]) => splits.reduce((s, x) => s + Math.round(Number(x.value) * 100), 0) === 0;
