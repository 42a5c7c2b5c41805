import type { Config } from 'jest';

/** Every unit and integration Jest project (e2e runs separately, against the built stack). */
export default async (): Promise<Config> => ({
  projects: ['<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/libs/models', '<rootDir>/libs/options-schema', '<rootDir>/libs/connectors', '<rootDir>/libs/server', '<rootDir>/libs/trpc', '<rootDir>/libs/testing', '<rootDir>/libs/testing-peers'],
});
