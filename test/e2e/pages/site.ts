/**
 * The test site: this folder served over HTTP, plus what it needs from
 * outside it — the React page bundled from react-app.tsx (into a temporary
 * folder, so nothing generated lands in the repository) and Vue's browser
 * build from node_modules — and a second server whose pages are cross-origin
 * (and cross-site: another host name) to the first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startStaticServer } from '../harness/server';

const PAGES_DIR = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface TestSite {
  /** A URL on the main server, such as url('fields.html'). */
  url(path: string): string;
  /** The cross-origin server's origin, e.g. http://localhost:41235. */
  crossOrigin: string;
  close(): Promise<void>;
}

/** Bundles react-app.tsx (React's production build) into `outDir`/react-app.js. */
async function bundleReactApp(outDir: string): Promise<void> {
  await build({
    entryPoints: [join(PAGES_DIR, 'react-app.tsx')],
    outfile: join(outDir, 'react-app.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The project's tsconfig configures JSX for Preact; this page is React.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
}

export async function startTestSite(): Promise<TestSite> {
  const generatedDir = mkdtempSync(join(tmpdir(), 'bixia-e2e-pages-'));
  try {
    await bundleReactApp(generatedDir);
    const mounts = {
      '/': PAGES_DIR,
      '/generated/': generatedDir,
      '/vendor/vue/': dirname(require.resolve('vue/dist/vue.global.prod.js')),
    };
    const main = await startStaticServer({ mounts });
    const cross = await startStaticServer({ mounts, hostname: 'localhost' }).catch(async (error: unknown) => {
      await main.close();
      throw error;
    });
    return {
      url: (path) => main.url(path),
      crossOrigin: cross.origin,
      async close() {
        await Promise.all([main.close(), cross.close()]);
        rmSync(generatedDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(generatedDir, { recursive: true, force: true });
    throw error;
  }
}
