import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { builtinLibraryPlugin } from './scripts/builtin-library-plugin';

export const GECKO_ID = 'bixia@bixia-extension.org';

export default defineConfig({
  imports: false,
  // One manifest version for both browsers: Firefox has supported MV3 since 109.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), builtinLibraryPlugin()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Chrome needs a permission for its side panel; Firefox's sidebar needs none.
    permissions: browser === 'firefox' ? [] : ['sidePanel'],
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
