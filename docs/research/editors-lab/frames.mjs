// node frames.mjs chromium|firefox : which iframe variants get the content script (match_about_blank)?
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
const which = process.argv[2] ?? 'chromium';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const { server, url } = await startServer();
let page, close;
if (which === 'chromium') {
  const { chromium } = await import('/work/main/node_modules/playwright-core/index.mjs');
  const ext = new URL('./ext-chrome', import.meta.url).pathname;
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lab-fr-')), { executablePath: '/usr/lib/chromium/chromium', headless: true, ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] });
  page = await ctx.newPage(); close = () => ctx.close();
} else {
  const puppeteer = (await import('/work/main/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js')).default;
  const br = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, args: ['--remote-allow-system-access'] });
  await br.installExtension(new URL('./ext-firefox', import.meta.url).pathname);
  page = await br.newPage(); close = () => br.close();
}
await page.goto(`${url}/frames.html`);
await sleep(1500);
await page.evaluate(`document.querySelectorAll('iframe').forEach((f) => f.contentWindow.postMessage({labPing: 1}, '*'))`);
await sleep(300);
await page.evaluate(`window.postMessage({labProbeFrames: 1}, '*')`);
await sleep(300);
console.log(which, 'top cs:', await page.evaluate(`document.documentElement.getAttribute('data-lab-cs')`));
console.log(JSON.parse(await page.evaluate(`document.documentElement.getAttribute('data-lab-frames')`)));
await close(); server.close();
