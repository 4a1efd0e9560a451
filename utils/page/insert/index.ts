/**
 * The insertion engine: strategies in order, the first that succeeds wins.
 * Adding support for an editor means adding a strategy module here.
 */
import type { Field } from '../fields';
import { contentEditableStrategy } from './content-editable';
import { pasteEventStrategy } from './paste-event';
import { textFieldStrategy } from './text-field';
import type { InsertStrategy, StrategyResult } from './types';

const STRATEGIES: readonly InsertStrategy[] = [textFieldStrategy, pasteEventStrategy, contentEditableStrategy];

export async function insertIntoField(field: Field, text: string): Promise<StrategyResult> {
  for (const strategy of STRATEGIES) {
    if (!strategy.handles(field)) continue;
    const result = await strategy.insert(field, text);
    if (result.ok || result.stop) return result;
  }
  return { ok: false };
}
