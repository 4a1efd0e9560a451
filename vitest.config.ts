import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { builtinLibraryPlugin } from './scripts/builtin-library-plugin';

export default defineConfig({
  plugins: [WxtVitest(), builtinLibraryPlugin()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
