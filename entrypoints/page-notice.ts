/**
 * Says in the page what became of an insertion made after the popup closed
 * (the text cut to a field's maxlength; nothing inserted, the text copied
 * instead). The content script loads this only then (utils/page/page-hooks.ts),
 * so what every page loads carries neither the notice nor the clipboard code.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { copyText } from '../utils/clipboard';
import type { InsertResult, PageNotices } from '../utils/messages';
import { showNotice } from '../utils/page/notice';
import { PAGE_HOOKS, type PageHooks } from '../utils/page/page-hooks';

async function tellUser(result: InsertResult, text: string, notices: PageNotices): Promise<void> {
  if (result.status === 'truncated') {
    showNotice(document, { tone: 'note', text: notices.truncated.replace('$1', String(result.kept)) });
  } else if (result.status === 'failed') {
    const copied = await copyText(text, document);
    showNotice(document, { tone: 'fallback', title: copied ? notices.fallback : notices.copyFailed, text: notices.reasons[result.reason] });
  }
}

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  if (hooks) hooks.tellUser = tellUser;
});
