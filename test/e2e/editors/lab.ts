/**
 * window.lab, as each editor page exposes it (pages/common.js), and the three
 * ways the tests use it. Functions passed to evaluate() are sent to the page
 * as source text, so they only use what is declared here.
 */
import { type AnyPage, evaluate } from '../harness/driver';

export interface Lab {
  name: string;
  /** The model's paragraphs, read through the editor's API. */
  paras(): string[];
  /** Focuses the editor through its API. */
  focus(): void;
  /** Focuses the editor and puts the caret after 开头文字。, through its API. */
  place(): void;
}
export type LabWindow = { lab: Lab };

export const readParas = (page: AnyPage) => evaluate(page, () => (window as unknown as LabWindow).lab.paras(), undefined);
export const placeCaret = (page: AnyPage) => evaluate(page, () => (window as unknown as LabWindow).lab.place(), undefined);
export const focusEditor = (page: AnyPage) => evaluate(page, () => (window as unknown as LabWindow).lab.focus(), undefined);
