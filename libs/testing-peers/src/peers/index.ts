export * from './gnucash';
export * from './hledger';
export {
  PEER_TOOLS_DIR,
  SYSTEM_PYTHON,
  freePort,
  requireDebianPackages,
} from './process';
export * from './tryton';
