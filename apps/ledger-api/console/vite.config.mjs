// @ts-check
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The back-office console: a static SPA served by ledger-api at /console (see server/serve-console.ts). */
export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the served bundle; the sources are in the repository.
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
});
