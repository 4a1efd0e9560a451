/**
 * The insertion engine: strategies in order, the first that succeeds wins.
 * Adding support for an editor means adding a strategy module here, or, for
 * an editor reached through its page-side API, an adapter in page-editors/.
 *
 * Editors that own their field outside the DOM come first (their hidden
 * textarea or contenteditable would swallow text they never see); then plain
 * fields; then the simulated paste, which most rich editors take with their
 * undo intact; then the page-side API of editors whose older versions ignore
 * that paste; and only then execCommand.
 */
import type { Field } from '../fields';
import { contentEditableStrategy } from './content-editable';
import { pageEditorStrategy } from './page-editor';
import { pasteEventStrategy } from './paste-event';
import { textFieldStrategy } from './text-field';
import type { InsertOptions, InsertStrategy, StrategyResult } from './types';

const STRATEGIES: readonly InsertStrategy[] = [
  pageEditorStrategy('first'),
  textFieldStrategy,
  pasteEventStrategy,
  pageEditorStrategy('fallback'),
  contentEditableStrategy,
];

export async function insertIntoField(field: Field, text: string, options?: InsertOptions): Promise<StrategyResult> {
  for (const strategy of STRATEGIES) {
    if (!strategy.handles(field)) continue;
    const result = await strategy.insert(field, text, options);
    if (result.ok || result.stop) return result;
  }
  return { ok: false };
}
