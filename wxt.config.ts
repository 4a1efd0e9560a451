import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { builtinLibraryPlugin } from './scripts/builtin-library-plugin';
import { firstScreenPlugin } from './scripts/first-screen-plugin';

export const GECKO_ID = 'bixia@bixia-extension.org';
/** entrypoints/field-listener.ts, declared as the content script below. */
const CONTENT_SCRIPT = 'field-listener';
/** Scripts that run in pages' frames, without webextension-polyfill: the content script and what the background injects. */
const PAGE_SCRIPTS = new Set([CONTENT_SCRIPT, 'typed-shortcuts', 'page-notice', 'selection-context', 'insert-engine']);
/** What the content script loads into a frame only when needed (utils/page/page-hooks.ts). */
const LAZY_PAGE_SCRIPTS = ['insert-engine.js', 'typed-shortcuts.js', 'page-notice.js', 'caret-picker.js', 'selection-context.js'];

export default defineConfig({
  imports: false,
  // One manifest version for both browsers: Firefox has supported MV3 since 109.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), builtinLibraryPlugin(), firstScreenPlugin()],
  }),
  hooks: {
    // The content script runs on every page, so it skips webextension-polyfill
    // (about 10 KB) and talks to the browser's own promise-based API directly;
    // so do the scripts it loads later.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => PAGE_SCRIPTS.has(entrypoint.name))) return;
      const alias = viteConfig.resolve?.alias;
      if (Array.isArray(alias)) {
        viteConfig.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Why each permission is needed: docs/permissions.md.
    permissions: [
      'storage',
      'contextMenus',
      'clipboardWrite',
      // Chrome needs a permission for its side panel; Firefox's sidebar needs none. Chrome also
      // caps extension storage at 10 MB, which a user's own library can outgrow (docs/permissions.md).
      ...(browser === 'firefox' ? [] : ['sidePanel', 'unlimitedStorage']),
    ],
    // The scripts the content script loads only when needed (utils/page/page-hooks.ts) and, in
    // Chrome, the one that reaches an editor's page-side API (entrypoints/editor-bridge.ts).
    // Chrome gives them a per-session URL, so a page cannot probe whether Bixia is installed;
    // Firefox's extension URLs differ for every installation.
    web_accessible_resources: [
      browser === 'firefox'
        ? { resources: LAZY_PAGE_SCRIPTS, matches: ['<all_urls>'] }
        : { resources: ['editor-bridge.js', ...LAZY_PAGE_SCRIPTS], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: [`${CONTENT_SCRIPT}.js`],
        all_frames: true,
        // Rich editors often live in about:blank and srcdoc frames.
        match_about_blank: true,
        run_at: 'document_start',
      },
    ],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandOpenPopup__',
      },
      // The search box at the caret (entrypoints/caret-picker.tsx), loaded into the page only then.
      'open-picker': {
        suggested_key: { default: 'Alt+Shift+Space' },
        description: '__MSG_commandOpenPicker__',
      },
      // Firefox opens its sidebar with a built-in command; Chrome's side panel needs our own.
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        suggested_key: { default: 'Alt+Shift+X' },
        description: '__MSG_commandOpenSidePanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
