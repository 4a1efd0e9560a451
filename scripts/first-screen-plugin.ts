/**
 * The popup's first screen, rendered at build time into popup.html: the search box, the first
 * rows of the model report's collection and the footer are painted as soon as the HTML is
 * parsed, before any of the popup's code has loaded. The popup's App is rendered to a string
 * in Node (preact-render-to-string), once per locale file: the Chinese screen goes into
 * `<div id="app">`, every other into a `<template>` that entrypoints/popup-boot.ts swaps in
 * when the browser picked that locale. entrypoints/popup/main.tsx then hydrates it.
 *
 * The App runs here with a stand-in for the extension API: messages from locales/*.yml, and
 * calls that never answer (effects do not run in a render to a string, and nothing the first
 * render shows comes from storage).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import * as esbuild from 'esbuild';
import type { Plugin } from 'vite';
import { builtinModuleSource } from './builtin-library-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = join(root, 'locales');
/** The locale whose screen is in the HTML itself: the extension's default_locale. */
export const DEFAULT_LOCALE = 'zh_CN';

type Messages = Record<string, { message: string }>;

/** What `browser.i18n.getMessage` does with a locale file's messages. */
function getMessageFrom(messages: Messages) {
  return (key: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const message = messages[key]?.message ?? '';
    return message.replace(/\$(\d+|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
  };
}

const BROWSER_STUB = `
const never = () => new Promise(() => {});
const api = (path) => new Proxy(function () {}, {
  get: (_, name) => (path === 'i18n' && name === 'getMessage' ? (...args) => globalThis.__firstScreenGetMessage(...args) : api(path ? path + '.' + String(name) : String(name))),
  apply: () => never(),
});
export const browser = api('');
export default browser;
`;

/** Bundles the popup's App for Node, with the extension API and the virtual modules stood in for. */
async function bundleApp(define: Record<string, string>): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: `import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { App } from './entrypoints/popup/App';
export const render = () => renderToString(h(App, {}));`,
      resolveDir: root,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define,
    logLevel: 'silent',
    alias: { '#i18n': join(root, '.wxt/i18n/index.ts') },
    loader: { '.css': 'empty' },
    plugins: [
      {
        name: 'first-screen-stand-ins',
        setup(build) {
          build.onResolve({ filter: /^(wxt\/browser|@wxt-dev\/browser)$/ }, () => ({ path: 'browser', namespace: 'stand-in' }));
          build.onResolve({ filter: /^virtual:bixia-/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
          build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
            contents: args.path === 'browser' ? BROWSER_STUB : builtinModuleSource(args.path).code,
            loader: 'js',
            resolveDir: root,
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** The first screen's markup for each locale file, by locale. */
export async function renderFirstScreens(define: Record<string, string> = {}): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bixia-first-screen-'));
  try {
    const file = join(dir, 'app.mjs');
    writeFileSync(file, await bundleApp(define));
    const { render } = (await import(pathToFileURL(file).href)) as { render: () => string };
    const screens: Record<string, string> = {};
    const holder = globalThis as { __firstScreenGetMessage?: unknown; location?: unknown };
    const hadLocation = 'location' in holder;
    // target-tab.ts reads the page's address (a popup opened for a tab has ?tab=).
    if (!hadLocation) holder.location = new URL('chrome-extension://first-screen/popup.html');
    try {
      for (const name of readdirSync(LOCALES).filter((n) => n.endsWith('.yml'))) {
        const locale = name.replace(/\.yml$/, '');
        holder.__firstScreenGetMessage = getMessageFrom(generateChromeMessages(await parseMessagesFile(join(LOCALES, name))) as Messages);
        screens[locale] = render();
      }
    } finally {
      delete holder.__firstScreenGetMessage;
      if (!hadLocation) delete holder.location;
    }
    return screens;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Puts the first screens into popup.html and the script that shows the right one. */
export function firstScreenPlugin(): Plugin {
  let define: Record<string, string> = {};
  return {
    name: 'bixia-first-screen',
    apply: 'build',
    configResolved(config) {
      // import.meta.env.FIREFOX and the like, as the real build sees them.
      define = Object.fromEntries(Object.entries(config.define ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!context.filename.endsWith(join('entrypoints', 'popup', 'index.html'))) return html;
        const screens = await renderFirstScreens(define);
        const others = Object.entries(screens)
          .filter(([locale]) => locale !== DEFAULT_LOCALE)
          .map(([locale, markup]) => `<template id="first-screen-${locale}">${markup}</template>`)
          .join('');
        const app = `<div id="app" data-locale="${DEFAULT_LOCALE}">${screens[DEFAULT_LOCALE]}</div>${others}<script src="/popup-boot.js"></script>`;
        if (!html.includes('<div id="app"></div>')) throw new Error('entrypoints/popup/index.html: <div id="app"></div> not found');
        return html.replace('<div id="app"></div>', app);
      },
    },
  };
}
