export * from './lib/options-schema';
