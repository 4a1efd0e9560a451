/**
 * The one place where Chrome and Firefox differences are decided. WXT sets
 * import.meta.env.FIREFOX at build time, so each build keeps only its own path.
 */
export const isFirefox: boolean = import.meta.env.FIREFOX;

/**
 * How a content script reaches the page's own JavaScript (an editor's API):
 * Firefox lets it see page objects through Xray waivers (wrappedJSObject);
 * Chrome's isolated world cannot, so there a script from the extension is
 * added to the page for the one insertion (entrypoints/editor-bridge.ts).
 */
export const pageScriptAccess: 'waiver' | 'bridge-script' = isFirefox ? 'waiver' : 'bridge-script';

/**
 * Whose menus the welcome page describes: pinning the toolbar button and
 * changing shortcuts are done in each browser's own UI, in its own words.
 */
export const browserUi: 'chrome' | 'firefox' = isFirefox ? 'firefox' : 'chrome';
