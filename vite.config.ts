import { defineConfig } from 'vitest/config';

// One config for the lab (vite) and the tests (vitest).
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    // Statistical tests run whole simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
