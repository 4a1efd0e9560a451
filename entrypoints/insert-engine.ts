/**
 * The insertion engine (utils/page/insert/, utils/page/page-insert.ts), loaded
 * by the content script into a frame the first time something is to be
 * inserted there (a probe from the popup or side panel, a typed shortcut, the
 * picker, the right-click menu), so that every other page carries none of it
 * (utils/page/page-hooks.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertIntoField } from '../utils/page/insert';
import { selectInPage, textBeforePageCaret } from '../utils/page/insert/page-editor';
import { PAGE_HOOKS, type PageHooks } from '../utils/page/page-hooks';
import { insertRemembered, probe } from '../utils/page/page-insert';

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  if (!hooks || hooks.engine) return;
  hooks.engine = {
    insert: insertIntoField,
    insertRemembered: (text, waitForFocus) => insertRemembered(hooks.memory, text, waitForFocus),
    probe: (text) => probe(hooks.memory, text),
    pageCaret: { before: textBeforePageCaret, select: selectInPage },
  };
});
