export * from './harness';
export * from '@ledgerlink/testing-peers';
