/**
 * Scripts in the Firefox window's privileged ("chrome") context, which
 * `--remote-allow-system-access` opens to WebDriver BiDi: what a test needs
 * of the browser's own UI that no page can reach (its input method,
 * harness/input-method.ts; its context menu, harness/context-menu.ts).
 */
import type { Browser } from 'puppeteer-core';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Runs `expression` in the browser window and gives back its value (a promise is waited for). */
export type ChromeScript = (expression: string) => Promise<unknown>;

export async function firefoxChromeScript(browser: Browser): Promise<ChromeScript> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const contexts = tree.result.contexts as { context: string; url: string }[];
  const window = contexts.find((context) => context.url.startsWith('chrome://browser/'));
  if (!window) throw new Error(`no browser window among the privileged contexts: ${contexts.map((c) => c.url).join(', ')}`);
  return async (expression) => {
    const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`in the browser window: ${JSON.stringify(result.exceptionDetails)}`);
    return (result.result as { value?: unknown } | undefined)?.value;
  };
}
