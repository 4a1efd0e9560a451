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
import type { CaretReply, Phase, PageEditor, PageEditorAdapter, PageEditorReply, PageWorld } from './types';

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

/** The editor of the `first` phase that owns the field and reads its caret, with its adapter's name. */
function caretEditor(world: PageWorld): { name: string; editor: PageEditor } | null {
  for (const adapter of ADAPTERS) {
    if (adapter.phase !== 'first') continue;
    try {
      const editor = adapter.find(world);
      if (editor?.beforeCaret && editor.selectBefore) return { name: adapter.name, editor };
    } catch {
      // Not this one.
    }
  }
  return null;
}

/** For typed shortcuts: the text before the caret of the editor that types through this field. */
export function caretOfPageEditor(world: PageWorld, max: number): CaretReply {
  const found = caretEditor(world);
  if (!found) return { found: false };
  try {
    const before = found.editor.beforeCaret!(max);
    return { found: true, before: typeof before === 'string' ? before : null };
  } catch {
    return { found: true, before: null };
  }
}

/**
 * Selects the trigger the user typed, if it still ends at the caret (a key typed meanwhile
 * means no), so that the next insertion replaces it; `took` says whether it is selected.
 * An empty `typed` collapses the selection to its end: the trigger stays as typed.
 */
export function selectInPageEditor(world: PageWorld, typed: string): PageEditorReply {
  const found = caretEditor(world);
  if (!found) return { found: false };
  try {
    if (typed === '') {
      found.editor.selectBefore!(0);
      return { found: true, editor: found.name, took: true };
    }
    if (found.editor.beforeCaret!(typed.length) !== typed) return { found: true, editor: found.name, took: false };
    found.editor.selectBefore!(typed.length);
    return { found: true, editor: found.name, took: found.editor.beforeCaret!(typed.length) === null };
  } catch {
    return { found: true, editor: found.name, took: false };
  }
}
