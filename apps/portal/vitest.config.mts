import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/portal',
  plugins: [react()],
  // Vite 8 reads the tsconfig `paths` (@ledgerlink/*) itself; replaces Nx's deprecated nxViteTsPaths.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'portal',
    watch: false,
    globals: true,
    environment: 'jsdom',
    include: ['{src,app,pages,specs}/**/*.{test,spec}.{js,mjs,cjs,ts,mts,cts,jsx,tsx}'],
    reporters: ['default'],
    coverage: {
      reportsDirectory: '../../coverage/apps/portal',
      provider: 'v8' as const,
    },
  },
}));
