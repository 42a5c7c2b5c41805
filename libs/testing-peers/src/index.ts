export * from './peers';
