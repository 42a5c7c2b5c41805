export * from './peers';
export * from './harness';
