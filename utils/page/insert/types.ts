import type { Field } from '../fields';

export type StrategyResult =
  | { ok: true; kept?: number }
  /**
   * The field did not take the text. With `stop`, the field's editor claimed the
   * insertion but nothing arrived: trying another way could corrupt its model,
   * so the engine stops there (and the text goes to the clipboard).
   */
  | { ok: false; stop?: boolean };

/** How an insertion is made. */
export interface InsertOptions {
  /**
   * The text replaces what the user typed a moment ago (a typed shortcut): it must be an undo
   * step apart from that typing, even in editors that merge changes close in time.
   */
  apart?: boolean;
}

/**
 * One way of putting text into a field. Each says which fields it handles and
 * why; the engine tries them in order until one succeeds.
 */
export interface InsertStrategy {
  name: string;
  handles(field: Field): boolean;
  insert(field: Field, text: string, options?: InsertOptions): StrategyResult | Promise<StrategyResult>;
}
