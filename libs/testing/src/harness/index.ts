export * from './test-database';
export * from './test-api';
export * from './test-worker';
export * from './webhook-receiver';
