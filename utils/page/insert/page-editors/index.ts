/**
 * The page-side adapters, one module per editor. Each names the phase it is
 * tried in (types.ts): `first` for editors whose DOM field is only an input
 * sink (CodeMirror 5, Monaco, Ace) or whose undo the generic paths break (Trix);
 * `fallback` for editors that take the simulated paste in their newer
 * versions (TinyMCE), so they keep today's route when it works.
 */
import { tookText } from '../text-check';
import { ace } from './ace';
import { codeMirror5 } from './codemirror5';
import { monaco } from './monaco';
import { tinyMce } from './tinymce';
import { trix } from './trix';
import type { Phase, PageEditorAdapter, PageEditorReply, PageWorld } from './types';

const ADAPTERS: readonly PageEditorAdapter[] = [codeMirror5, monaco, ace, trix, tinyMce];

/**
 * Inserts through the first editor of this phase that owns the field, and
 * says whether its model now holds the text. An editor whose API throws has
 * not taken it (the page's own code is not ours to trust).
 */
export function insertThroughPageEditor(world: PageWorld, text: string, phase: Phase): PageEditorReply {
  for (const adapter of ADAPTERS) {
    if (adapter.phase !== phase) continue;
    let editor;
    try {
      editor = adapter.find(world);
    } catch {
      continue;
    }
    if (!editor) continue;
    try {
      const before = editor.read();
      editor.insert(text);
      return { found: true, editor: adapter.name, took: tookText(before, editor.read(), text) };
    } catch {
      return { found: true, editor: adapter.name, took: false };
    }
  }
  return { found: false };
}
