/**
 * Collects bind parameters. Every user-supplied value goes through `add`, so it only ever
 * reaches PostgreSQL as `$n`, never as SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** @param startIndex number of the first placeholder (use it to append to an existing parameter list). */
  constructor(private readonly startIndex = 1) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.startIndex + this.values.length - 1}`;
  }
}
