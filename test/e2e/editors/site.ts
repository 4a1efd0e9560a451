/**
 * The editor test site: one page per rich editor (pages/<editor>.js, bundled
 * from node_modules with esbuild into a temporary folder at start-up, so
 * nothing generated lands in the repository), plus TinyMCE (8, 5 and 4) and
 * Monaco's AMD build served as-is from node_modules (they load their themes,
 * skins and modules from there at run time). Each page exposes window.lab
 * (see pages/common.js) and sets html[data-ready="true"] once its editor is ready.
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
  'codemirror5',
  'easymde',
  'monaco',
  'ace',
  'tinymce5',
  'tinymce4',
  'trix',
  'ckeditor4',
] as const;
export type EditorName = (typeof EDITORS)[number];

/**
 * The older editors of issue 9, whose model lives outside the DOM field (or,
 * CKEditor 4, in an iframe OA systems still run): a page without focus,
 * behind the side panel, shows most clearly whether Bixia reaches that model,
 * so editors.test.ts also inserts into these from the side panel.
 */
export const PAGE_API_EDITORS = ['codemirror5', 'easymde', 'monaco', 'ace', 'tinymce5', 'tinymce4', 'trix', 'ckeditor4'] as const satisfies readonly EditorName[];

/** A page of the site that is not an editor with a known API (see pages/hidden-editor.js). */
export const HIDDEN_EDITOR = 'hidden-editor';
const PAGES = [...EDITORS, HIDDEN_EDITOR] as const;
export type PageName = (typeof PAGES)[number];

/** Scripts a page loads from node_modules before its own. */
const HEAD_SCRIPTS: Partial<Record<PageName, string>> = {
  tinymce: '/tinymce/tinymce.min.js',
  tinymce5: '/tinymce5/tinymce.min.js',
  tinymce4: '/tinymce4/tinymce.min.js',
  monaco: '/monaco/vs/loader.js',
  ckeditor4: '/ckeditor4/ckeditor.js',
};

export interface EditorSite {
  /** The page of one editor, e.g. http://127.0.0.1:41234/quill.html */
  url(editor: PageName): string;
  /** A page with one empty textarea, for reading the clipboard. */
  scratchUrl: string;
  close(): Promise<void>;
}

function pageHtml(name: PageName, hasCss: boolean): string {
  const head = HEAD_SCRIPTS[name];
  // Monaco and Ace size themselves to its container, which must have a height.
  const editorStyle = name === 'monaco' || name === 'ace' ? ' style="width:600px;height:300px"' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
${hasCss ? `<link rel="stylesheet" href="/${name}.css">` : ''}${head ? `<script src="${head}"></script>` : ''}</head>
<body><h3>${name}</h3><div id="toolbar"></div><div id="editor"${editorStyle}></div>
<script src="/${name}.js"></script></body></html>`;
}

export async function startEditorSite(): Promise<EditorSite> {
  const outDir = mkdtempSync(join(tmpdir(), 'bixia-e2e-editors-'));
  try {
    await build({
      entryPoints: Object.fromEntries(PAGES.map((name) => [name, join(PAGES_DIR, `${name}.js`)])),
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
    for (const name of PAGES) writeFileSync(join(outDir, `${name}.html`), pageHtml(name, existsSync(join(outDir, `${name}.css`))));
    // Where a test pastes the clipboard, to read what Bixia copied (driver.ts readClipboard).
    writeFileSync(join(outDir, 'scratch.html'), '<!doctype html><meta charset="utf-8"><title>scratch</title><textarea></textarea>');
    const server = await startStaticServer({
      mounts: {
        '/': outDir,
        '/tinymce/': dirname(require.resolve('tinymce/tinymce.min.js')),
        '/tinymce5/': dirname(require.resolve('tinymce5/tinymce.min.js')),
        '/tinymce4/': dirname(require.resolve('tinymce4/tinymce.min.js')),
        '/ckeditor4/': dirname(require.resolve('ckeditor4/ckeditor.js')),
        '/monaco/': join(dirname(require.resolve('monaco-editor/package.json')), 'min'),
      },
    });
    return {
      url: (editor) => server.url(`${editor}.html`),
      scratchUrl: server.url('scratch.html'),
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
