/** AST for the `query=` language (contract section 1.4). Produced by `parseQuery`, consumed by `compileQuery`. */
export type ComparisonOp = '=' | '!=' | '~' | '>' | '<' | '>=' | '<=';

export interface ComparisonNode {
  kind: 'comparison';
  /** Dotted property path, split into identifiers: `customerRef.id` → `['customerRef', 'id']`. */
  path: string[];
  op: ComparisonOp;
  /** The literal value: trimmed when unquoted, exact (escapes resolved) when quoted. */
  value: string;
  /** True when the value was written in double quotes: it is then always a string for JSONB type inference. */
  quoted: boolean;
}

export interface LogicalNode {
  kind: 'and' | 'or';
  /** Two or more operands; chains such as `a && b && c` are flattened. */
  children: QueryNode[];
}

export type QueryNode = ComparisonNode | LogicalNode;
