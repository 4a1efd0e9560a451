/**
 * The insertion engine: strategies in order, the first that succeeds wins.
 * Adding support for an editor means adding a strategy module here.
 */
import type { Field } from '../fields';
import { contentEditableStrategy } from './content-editable';
import { textFieldStrategy } from './text-field';
import type { InsertStrategy, StrategyResult } from './types';

const STRATEGIES: readonly InsertStrategy[] = [textFieldStrategy, contentEditableStrategy];

export function insertIntoField(field: Field, text: string): StrategyResult {
  for (const strategy of STRATEGIES) {
    if (!strategy.handles(field)) continue;
    const result = strategy.insert(field, text);
    if (result.ok) return result;
  }
  return { ok: false };
}
