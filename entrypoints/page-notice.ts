/**
 * Says in the page what became of an insertion made after the popup closed
 * (utils/page/tell-user.ts). The content script loads this only then
 * (utils/page/page-hooks.ts), so what every page loads carries neither the
 * notice nor the clipboard code.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_HOOKS, type PageHooks } from '../utils/page/page-hooks';
import { tellUser } from '../utils/page/tell-user';

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  if (hooks) hooks.tellUser = tellUser;
});
