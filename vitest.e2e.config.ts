/**
 * End-to-end tests: drive the built extension (.output/) in real Chromium and
 * Firefox ESR. Run `npx wxt build && npx wxt build -b firefox` first, then
 * `npx vitest run --config vitest.e2e.config.ts`.
 *
 * Deliberately not using the WXT vitest plugin: these tests never import
 * extension code, they talk to browsers, so they need a plain Node environment.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    // One browser at a time: two cores cannot run two browsers and still keep
    // the timings (and thus the tests) steady.
    fileParallelism: false,
    // Launching a browser takes a few seconds (Firefox about 4 s on two cores);
    // these limits only matter when something hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
