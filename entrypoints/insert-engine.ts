/**
 * The insertion engine (utils/page/insert/, utils/page/page-insert.ts), loaded
 * by the content script into a frame the first time something is to be
 * inserted there (a probe from the popup or side panel, a typed shortcut, the
 * picker, the right-click menu), so that every other page carries none of it
 * (utils/page/page-hooks.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertIntoField } from '../utils/page/insert';
import { prepareBridge } from '../utils/page/insert/bridge';
import { selectInPage, textBeforePageCaret } from '../utils/page/insert/page-editor';
import { isHiddenTextField } from '../utils/page/insert/shown-text';
import { type Field, isTextField } from '../utils/page/fields';
import { pageScriptAccess } from '../utils/platform';
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
    prepare,
  };
});

/**
 * In Chrome an expansion in a rich editor, or in one that types through a hidden field, goes
 * through the bridge script: it is added to the field's document now rather than at the first
 * expansion. Plain fields, and Firefox (which reaches page objects directly), need nothing.
 */
function prepare(field: Field): void {
  if (pageScriptAccess !== 'bridge-script') return;
  if (isTextField(field) && !isHiddenTextField(field)) return;
  prepareBridge(field.ownerDocument);
}
