export * from './connector';
export * from './registry';
export * from './stable-id';
export { sandboxDefinition } from './sandbox/sandbox.definition';
export { hledgerDefinition } from './hledger/hledger.definition';
export { trytonDefinition } from './tryton/tryton.definition';
export { gnucashDefinition } from './gnucash/gnucash.definition';
