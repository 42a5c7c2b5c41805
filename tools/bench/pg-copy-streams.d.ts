/** pg-copy-streams ships no types (and @types/pg-copy-streams is not installed): what pull.bench.ts uses. */
declare module 'pg-copy-streams' {
  import type { Submittable } from 'pg';
  import type { Duplex, Readable, Writable } from 'node:stream';
  export function from(sql: string): Submittable & Writable & Duplex;
  export function to(sql: string): Submittable & Readable;
}
