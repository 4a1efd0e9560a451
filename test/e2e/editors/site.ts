/**
 * The editor test site: one page per rich editor (pages/<editor>.js, bundled
 * from node_modules with esbuild into a temporary folder at start-up, so
 * nothing generated lands in the repository), plus TinyMCE served as-is from
 * node_modules at /tinymce (it loads its theme, model, icons and skins from
 * there at run time). Each page exposes window.lab (see pages/common.js) and
 * sets html[data-ready="true"] once its editor is ready.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startStaticServer } from '../harness/server';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const require = createRequire(import.meta.url);

export const EDITORS = [
  'prosemirror',
  'tiptap',
  'quill',
  'ckeditor',
  'tinymce',
  'lexical',
  'slate',
  'draft',
  'codemirror',
  'wangeditor',
  'ueditor',
] as const;
export type EditorName = (typeof EDITORS)[number];

export interface EditorSite {
  /** The page of one editor, e.g. http://127.0.0.1:41234/quill.html */
  url(editor: EditorName): string;
  close(): Promise<void>;
}

function pageHtml(name: EditorName, hasCss: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
${hasCss ? `<link rel="stylesheet" href="/${name}.css">` : ''}${name === 'tinymce' ? '<script src="/tinymce/tinymce.min.js"></script>' : ''}</head>
<body><h3>${name}</h3><div id="toolbar"></div><div id="editor"></div>
<script src="/${name}.js"></script></body></html>`;
}

export async function startEditorSite(): Promise<EditorSite> {
  const outDir = mkdtempSync(join(tmpdir(), 'bixia-e2e-editors-'));
  try {
    await build({
      entryPoints: Object.fromEntries(EDITORS.map((name) => [name, join(PAGES_DIR, `${name}.js`)])),
      outdir: outDir,
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.png': 'dataurl' },
      // The project's tsconfig is for the extension (Preact JSX); these pages are plain JS.
      tsconfigRaw: {},
      logLevel: 'silent',
    });
    for (const name of EDITORS) writeFileSync(join(outDir, `${name}.html`), pageHtml(name, existsSync(join(outDir, `${name}.css`))));
    const server = await startStaticServer({
      mounts: {
        '/': outDir,
        '/tinymce/': dirname(require.resolve('tinymce/tinymce.min.js')),
      },
    });
    return {
      url: (editor) => server.url(`${editor}.html`),
      async close() {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
