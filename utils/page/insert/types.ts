import type { Field } from '../fields';

export type StrategyResult =
  | { ok: true; kept?: number }
  /** The strategy did not apply or the field did not take the text; the next one may. */
  | { ok: false };

/**
 * One way of putting text into a field. Each says which fields it handles and
 * why; the engine tries them in order until one succeeds.
 */
export interface InsertStrategy {
  name: string;
  handles(field: Field): boolean;
  insert(field: Field, text: string): StrategyResult;
}
