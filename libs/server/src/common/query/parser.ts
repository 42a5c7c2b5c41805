import type { ComparisonNode, ComparisonOp, LogicalNode, QueryNode } from './ast';
import { malformedQuery, queryError } from './errors';

export interface QueryLimits {
  /** Maximum query length in characters (contract: 2048). */
  maxLength: number;
  /** Maximum `{ }` nesting depth; deeper input is rejected instead of recursing. */
  maxDepth: number;
  /** Maximum number of `property<op>value` comparisons. */
  maxComparisons: number;
}

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = { maxLength: 2048, maxDepth: 32, maxComparisons: 100 };

/** Longest operators first, so `!=`, `>=`, `<=` win over `=`, `>`, `<`. */
const OPERATORS: readonly ComparisonOp[] = ['!=', '>=', '<=', '=', '~', '>', '<'];
const PROPERTY_PATH = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const WHITESPACE = /\s/;

/**
 * Parses a `query=` string into an AST. Grammar (`&&` binds tighter than `||`):
 *
 *   or         := and ('||' and)*
 *   and        := atom ('&&' atom)*
 *   atom       := '{' or '}' | comparison
 *   comparison := path op value
 *   value      := '"' chars '"'  (with \" and \\ escapes)
 *               | anything up to the next '&&', '||', '}' or the end, trimmed and non-empty
 *
 * Throws a 400 `ApiError` for malformed input or input over the limits.
 */
export function parseQuery(text: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS): QueryNode {
  if (text.length > limits.maxLength) {
    throw queryError(`Query exceeds the maximum length of ${limits.maxLength} characters.`);
  }
  if (text.includes('\u0000')) throw malformedQuery();
  return new Parser(text, limits).parse();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private comparisons = 0;

  constructor(
    private readonly text: string,
    private readonly limits: QueryLimits,
  ) {}

  parse(): QueryNode {
    const node = this.parseChain('||');
    this.skipWhitespace();
    if (this.pos < this.text.length) throw malformedQuery();
    return node;
  }

  /** `||` chains of `&&` chains of atoms; same-kind children are flattened. */
  private parseChain(operator: '||' | '&&'): QueryNode {
    const kind: LogicalNode['kind'] = operator === '||' ? 'or' : 'and';
    const next = () => (operator === '||' ? this.parseChain('&&') : this.parseAtom());
    const children: QueryNode[] = [];
    do {
      const child = next();
      if (child.kind === kind) children.push(...child.children);
      else children.push(child);
    } while (this.eat(operator));
    return children.length === 1 ? children[0] : { kind, children };
  }

  private parseAtom(): QueryNode {
    if (!this.eat('{')) return this.parseComparison();
    if (++this.depth > this.limits.maxDepth) {
      throw queryError(`Query is nested too deeply (maximum depth is ${this.limits.maxDepth}).`);
    }
    const node = this.parseChain('||');
    if (!this.eat('}')) throw malformedQuery();
    this.depth--;
    return node;
  }

  private parseComparison(): ComparisonNode {
    this.skipWhitespace();
    PROPERTY_PATH.lastIndex = this.pos;
    const property = PROPERTY_PATH.exec(this.text)?.[0];
    if (!property) throw malformedQuery();
    this.pos += property.length;
    this.skipWhitespace();
    const op = OPERATORS.find((candidate) => this.text.startsWith(candidate, this.pos));
    if (!op) throw malformedQuery();
    this.pos += op.length;
    if (++this.comparisons > this.limits.maxComparisons) {
      throw queryError(`Query has too many conditions (maximum is ${this.limits.maxComparisons}).`);
    }
    this.skipWhitespace();
    const quoted = this.text[this.pos] === '"';
    const value = quoted ? this.parseQuotedValue() : this.parseBareValue();
    return { kind: 'comparison', path: property.split('.'), op, value, quoted };
  }

  private parseBareValue(): string {
    let end = this.pos;
    while (end < this.text.length && !this.isValueTerminator(end)) end++;
    const value = this.text.slice(this.pos, end).trim();
    if (!value) throw malformedQuery();
    this.pos = end;
    return value;
  }

  private parseQuotedValue(): string {
    let value = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const char = this.text[i];
      if (char === '"') {
        this.pos = i + 1;
        this.skipWhitespace();
        if (this.pos < this.text.length && !this.isValueTerminator(this.pos)) throw malformedQuery();
        return value;
      }
      if (char === '\\' && i + 1 < this.text.length) i++;
      value += this.text[i];
    }
    throw malformedQuery(); // unterminated quote
  }

  private isValueTerminator(index: number): boolean {
    return this.text[index] === '}' || this.text.startsWith('&&', index) || this.text.startsWith('||', index);
  }

  private eat(token: string): boolean {
    this.skipWhitespace();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.test(this.text[this.pos])) this.pos++;
  }
}
