// Bundles each src/<editor>.js into dist/<editor>.js (+ .css) and writes dist/<editor>.html.
import * as esbuild from 'esbuild';
import { writeFileSync, copyFileSync, statSync, existsSync } from 'node:fs';

export const EDITORS = ['plain', 'prosemirror', 'tiptap', 'quill', 'ckeditor', 'tinymce', 'lexical', 'slate', 'draft', 'codemirror', 'wangeditor', 'ueditor'];
const only = process.argv.slice(2);
for (const name of only.length ? only : EDITORS) {
  const t = Date.now();
  await esbuild.build({
    entryPoints: [`src/${name}.js`],
    bundle: true,
    format: 'iife',
    outfile: `dist/${name}.js`,
    minify: true,
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.png': 'dataurl' },
    logLevel: 'warning',
  });
  const css = existsSync(`dist/${name}.css`);
  const pre = name === 'tinymce' ? '<script src="/tinymce/tinymce.min.js"></script>' : '';
  writeFileSync(`dist/${name}.html`, `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
${css ? `<link rel="stylesheet" href="/${name}.css">` : ''}<script src="/mech.js"></script>${pre}</head>
<body><h3>${name}</h3><div id="toolbar"></div><div id="editor"></div><textarea id="elsewhere"></textarea>
<script src="/${name}.js"></script></body></html>`);
  const kb = (f) => (existsSync(f) ? Math.round(statSync(f).size / 1024) + ' KB' : '-');
  console.log(name.padEnd(12), 'js', kb(`dist/${name}.js`).padStart(8), 'css', kb(`dist/${name}.css`).padStart(7), `${Date.now() - t} ms`);
}
copyFileSync('mech.js', 'dist/mech.js');
