export * from './lib/trpc';
