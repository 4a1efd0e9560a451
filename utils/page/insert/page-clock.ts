/**
 * Editors that group their undo history by time (ProseMirror and Tiptap: changes
 * within 500 ms; Quill: within 1 s of a group's start) fold an expansion that
 * comes a frame after the trigger's last key into the typing before it, so one
 * Ctrl+Z took out both. They read the time from the page's `Date.now()` while
 * they handle the paste, synchronously; so for that one dispatch the page's
 * clock reads a little later than the merge windows, and the expansion starts
 * an undo step of its own. The clock is put back before the dispatch returns,
 * whatever the page does. Editors that group otherwise are unaffected.
 *
 * Runs in the page's world (Chrome: the bridge script) or on page objects
 * through Xray waivers (Firefox), so it touches only what it is given.
 */
import type { PageWindow } from './page-editors/types';

/** Past the longest merge window among the editors we know (Quill's 1000 ms). */
export const APART_MS = 1100;

/**
 * Runs `run` while `Date.now` in each window reads APART_MS later. `pageFunction`
 * makes a function callable from that window (Firefox's exportFunction; the
 * function itself in the page's own world). A page whose Date cannot be changed
 * (frozen) keeps its clock: the expansion then merges as before, nothing worse.
 */
export function withClockAhead<T>(wins: PageWindow[], pageFunction: (fn: () => number, win: PageWindow) => () => number, run: () => T): T {
  const putBack: (() => void)[] = [];
  for (const win of wins) {
    try {
      const date = win.Date as unknown as { now(): number };
      const real = date.now;
      date.now = pageFunction(() => Number(real.call(date)) + APART_MS, win);
      putBack.push(() => {
        date.now = real;
      });
    } catch {
      // Frozen or otherwise out of reach.
    }
  }
  try {
    return run();
  } finally {
    for (const undo of putBack) {
      try {
        undo();
      } catch {
        // Nothing more to do: the page made its clock its own meanwhile.
      }
    }
  }
}
