import type { ConnectorDefinition } from './connector';
import { gnucashDefinition } from './gnucash/gnucash.definition';
import { hledgerDefinition } from './hledger/hledger.definition';
import { sandboxDefinition } from './sandbox/sandbox.definition';
import { trytonDefinition } from './tryton/tryton.definition';

/** The one explicit registry: platform key → connector definition. */
export class ConnectorRegistry {
  private readonly byKey = new Map<string, ConnectorDefinition>();

  constructor(definitions: ConnectorDefinition[]) {
    for (const d of definitions) {
      if (!/^[a-z]{4}$/.test(d.metadata.key)) throw new Error(`Invalid platform key ${d.metadata.key}`);
      if (this.byKey.has(d.metadata.key)) throw new Error(`Duplicate platform key ${d.metadata.key}`);
      this.byKey.set(d.metadata.key, d);
    }
  }

  get(key: string): ConnectorDefinition | undefined {
    return this.byKey.get(key);
  }

  list(): ConnectorDefinition[] {
    return [...this.byKey.values()];
  }
}

export function createDefaultRegistry(): ConnectorRegistry {
  return new ConnectorRegistry([sandboxDefinition, hledgerDefinition, trytonDefinition, gnucashDefinition]);
}
