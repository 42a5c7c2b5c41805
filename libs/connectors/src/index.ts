export * from './lib/connectors';
