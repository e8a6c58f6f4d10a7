import { defineConfig } from 'vitest/config';

// One config for the lab (vite) and the tests (vitest).
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  // Pre-bundle what the lab and its worker import, so the dev server does not discover them on
  // the first run and reload the page in the middle of it.
  optimizeDeps: {
    include: ['seedrandom', 'zod', 'mathjs', 'd3-array', 'd3-axis', 'd3-brush', 'd3-scale', 'd3-selection', 'd3-shape'],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Statistical tests run whole simulations; give them room on a 2-core machine.
    testTimeout: 120_000,
    // Test files share module instances within a worker: importing mathjs, zod and the core once
    // per worker instead of once per file makes the suite several times faster. Tests keep no
    // global state between files (those that patch a module-level table restore it).
    isolate: false,
    hookTimeout: 120_000,
  },
});
