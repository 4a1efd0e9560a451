/**
 * The browser half of npm run bench, in real Debian Chromium:
 * - what the content script costs every page: JS heap and script time of a
 *   page with Bixia, against the same page with an extension whose content
 *   script is empty, and with no extension at all;
 * - how fast the popup is ready (search focused, results shown) against a
 *   static-HTML popup: the same markup, the same style sheets, an input that
 *   takes focus and rows that are there when the page is parsed, timed to the
 *   same mark; and against a blank extension page.
 * - how soon a typed shortcut expands after its last key.
 * Numbers are medians over repeated loads; nothing here is a pass/fail test.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { bigUserLibrary } from './bench-library';
import { readBuiltinCollection } from './builtin-library-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIXIA = join(root, '.output/chrome-mv3');
const LOADS = 15;

/** An extension with an empty content script on every page, and a blank page of its own. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bixia-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], all_frames: true, match_about_blank: true, run_at: 'document_start' }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), '');
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title>');
  return dir;
}

/** A page of the kind reports are written in: a form with a few fields and some text. */
const PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>OA</title><body>
${Array.from({ length: 30 }, (_, i) => `<p>第${i}段：加强理论学习，提高政治站位。</p>`).join('')}
<form><input type="text" value="标题"><textarea rows="10">正文</textarea><div contenteditable="true">编辑器</div></form></body></html>`;

async function launch(extensionDir: string | null): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'bixia-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--js-flags=--expose-gc',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function pageCost(context: BrowserContext, url: string): Promise<{ heapKB: number; scriptMs: number }> {
  const heap: number[] = [];
  const script: number[] = [];
  for (let i = 0; i < LOADS + 2; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    // The first loads warm up the browser's caches; they are not counted.
    if (i >= 2) {
      heap.push(metric('JSHeapUsedSize') / 1024);
      script.push(metric('ScriptDuration') * 1000);
    }
    await page.close();
  }
  return { heapKB: median(heap), scriptMs: median(script) };
}

async function extensionIdOf(context: BrowserContext, dir: string): Promise<string> {
  const page = await context.newPage();
  await page.goto('chrome://extensions-internals');
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  const found = (JSON.parse(text) as { id: string; path: string }[]).find((e) => e.path === dir);
  if (!found) throw new Error(`extension at ${dir} did not load`);
  return found.id;
}

/**
 * The reference for the popup's ready time: what the popup shows when it is ready, written out as
 * static HTML with the popup's own style sheets, and a script of a few lines that focuses the
 * search box and sets the popup's mark after the next frame, as the popup does.
 */
async function writeStaticPopup(context: BrowserContext, popupUrl: string, dir: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(popupUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('bixia-ready').length > 0);
  const { body, sheets, lang } = await page.evaluate(() => ({
    body: document.body.innerHTML.replace(/<script[^>]*><\/script>/g, ''),
    sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => new URL(link.href).pathname),
    lang: document.documentElement.lang,
  }));
  await page.close();
  for (const sheet of sheets) {
    mkdirSync(join(dir, dirname(sheet)), { recursive: true });
    copyFileSync(join(BIXIA, sheet), join(dir, sheet));
  }
  writeFileSync(
    join(dir, 'static-popup.html'),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>static</title>` +
      sheets.map((sheet) => `<link rel="stylesheet" href="${sheet}">`).join('') +
      `</head><body>${body}<script src="/static-popup.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'static-popup.js'),
    "document.querySelector('input').focus();\nrequestAnimationFrame(() => setTimeout(() => performance.mark('bixia-ready')));\n",
  );
}

/** Time from navigation start until the page says it is ready, median over loads. */
async function readyTime(context: BrowserContext, url: string, mark: string | null): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LOADS + 2; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const ms = await page.evaluate(async (name) => {
      if (name) {
        // Shown means painted: the later of the page's mark and its first contentful paint
        // (headless Chromium may run a frame's callbacks before it paints).
        for (let n = 0; n < 200 && (performance.getEntriesByName(name).length === 0 || performance.getEntriesByName('first-contentful-paint').length === 0); n++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        return Math.max(performance.getEntriesByName(name)[0]?.startTime ?? NaN, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      }
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return nav!.loadEventEnd;
    }, mark);
    if (i >= 2) times.push(ms);
    await page.close();
  }
  return median(times);
}

/** Writes a user library of `count` entries (the built-in ones, varied) into the extension's storage. */
async function storeLibrary(context: BrowserContext, popupUrl: string, count: number): Promise<number> {
  const library = bigUserLibrary(count);
  const page = await context.newPage();
  await page.goto(popupUrl, { waitUntil: 'load' });
  await page.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    // As the extension stores it (storage version 2: JSON text).
    await api.storage.local.set({ library: JSON.stringify(value), library$: { v: 2 } });
  }, library);
  await page.close();
  return new TextEncoder().encode(JSON.stringify(library)).length;
}

/**
 * Types a query into a freshly opened popup a character at a time and times
 * each keystroke from the input event to the next painted frame, median over loads.
 */
async function typingTimes(context: BrowserContext, url: string, query: string): Promise<string> {
  const samples: number[][] = Array.from(query, () => []);
  for (let i = 0; i < 7; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('[data-library="loaded"]');
    // A user takes a moment before the first keystroke; idle work may run meanwhile.
    await page.waitForTimeout(300);
    const times = await page.evaluate(async (text) => {
      const input = document.querySelector('input[type="search"], input')! as HTMLInputElement;
      const out: number[] = [];
      for (let k = 1; k <= text.length; k++) {
        const start = performance.now();
        input.value = text.slice(0, k);
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        out.push(performance.now() - start);
      }
      return out;
    }, query);
    times.forEach((t, k) => samples[k]!.push(t));
    await page.close();
  }
  return samples.map((s, k) => `"${query.slice(0, k + 1)}" ${median(s).toFixed(1)} ms`).join(', ');
}

/** In a rich field the expansion is a paste apart (page-clock.ts), which in Chrome goes through the bridge script. */
const EXPANSION_FIELDS = [
  ['textarea', 'textarea', 'value'],
  ['contenteditable', '[contenteditable]', 'textContent'],
] as const;

/**
 * A quick typist: 15 keys a second, 900 a minute. The first key typed in a frame fetches the
 * table, the matcher and the engine (the frame's first import from the extension is the slow
 * part, some 25-50 ms on a busy machine); a person's next keys come later than that.
 */
const TYPIST_GAP_MS = 67;

/**
 * A typed shortcut: from the last key of `;bl` (its keydown) to the expansion in the field (the
 * input event of the inserted text), in ms and in frames drawn meanwhile. Three cases: the first
 * expansion on a page (the table, the matcher and the engine fetched at its first key) typed at
 * a quick typist's pace, the same typed by a machine in one burst (its last key comes before
 * they are there), and the next expansion on the page.
 */
async function expansionTimes(context: BrowserContext, url: string, optionsUrl: string): Promise<string> {
  const phrase = readBuiltinCollection().entries.find((entry) => entry.body === '说实话、办实事、鼓实劲、求实效');
  if (!phrase) throw new Error('the built-in phrase the shortcut names is gone');
  const setup = await context.newPage();
  await setup.goto(optionsUrl);
  await setup.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ triggers: { rows: [{ entryId: id, trigger: ';bl' }], enabled: true, offSites: [] }, triggers$: { v: 1 } });
  }, phrase.id);
  await setup.close();
  const shown: string[] = [];
  for (const [label, selector, read] of EXPANSION_FIELDS) {
    const samples = { typist: [] as [number, number][], burst: [] as [number, number][], next: [] as [number, number][] };
    for (let i = 0; i < 11; i++) {
      for (const [first, delay] of [[samples.typist, TYPIST_GAP_MS], [samples.burst, 0]] as const) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.click(selector);
        await page.keyboard.press('End');
        for (const [into, gap] of [[first, delay], [samples.next, 0]] as const) {
          if (into === samples.next && first === samples.typist) break;
          // Source text, not a function: the bundler would name the frame counter with a helper the page lacks.
          await page.evaluate(`(() => {
            const area = document.querySelector('${selector}');
            const state = { key: 0, done: 0, frames: 0 };
            window.bench = state;
            area.addEventListener('keydown', (event) => { if (event.key === 'l') state.key = performance.now(); });
            area.addEventListener('input', () => { if (state.key && !state.done && area.${read}.endsWith('求实效')) state.done = performance.now(); });
            const count = () => {
              if (state.key && !state.done) state.frames += 1;
              if (!state.done) requestAnimationFrame(count);
            };
            requestAnimationFrame(count);
          })()`);
          await page.keyboard.type(';bl', { delay: gap });
          await page.waitForFunction(() => (window as unknown as { bench: { done: number } }).bench.done > 0);
          const { key, done, frames } = await page.evaluate(() => (window as unknown as { bench: { key: number; done: number; frames: number } }).bench);
          into.push([done - key, frames]);
        }
        await page.close();
      }
    }
    const show = (of: [number, number][]) => `${median(of.map(([ms]) => ms)).toFixed(1)} ms, ${median(of.map(([, frames]) => frames))} frame(s)`;
    shown.push(
      `${label}: first on a page at 15 keys/s ${show(samples.typist)}, in one burst ${show(samples.burst)}; next ${show(samples.next)}`,
    );
  }
  return shown.join(' · ');
}

/**
 * `popupOnly`: just the popup against its references, for working on the first screen;
 * `expansionOnly`: just the typed shortcut, for working on the content script's typing path.
 */
export async function browserBenchmarks({ popupOnly = false, expansionOnly = false } = {}): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const empty = emptyExtension();
  try {
    const costs: Record<string, { heapKB: number; scriptMs: number }> = {};
    for (const [label, dir] of popupOnly || expansionOnly ? [] : [
      ['no extension', null],
      ['empty content script', empty],
      ['Bixia', BIXIA],
    ] as const) {
      const browser = await launch(dir);
      try {
        costs[label] = await pageCost(browser.context, url);
      } finally {
        await browser.close();
      }
    }
    if (!popupOnly) {
      const browser = await launch(BIXIA);
      try {
        const id = await extensionIdOf(browser.context, BIXIA);
        rows.push(['typed shortcut: last key to expansion (budget one frame)', await expansionTimes(browser.context, url, `chrome-extension://${id}/popup.html`)]);
      } finally {
        await browser.close();
      }
      if (expansionOnly) return rows;
    }
    for (const [label, cost] of Object.entries(costs)) {
      rows.push([`page with ${label}: JS heap / script time`, `${cost.heapKB.toFixed(0)} KB / ${cost.scriptMs.toFixed(2)} ms`]);
    }
    const base = costs['empty content script'];
    const ours = costs['Bixia'];
    if (base && ours) rows.push([
      'content script cost over an empty one (budget: a few %)',
      `heap ${(((ours.heapKB - base.heapKB) / base.heapKB) * 100).toFixed(1)}% (${(ours.heapKB - base.heapKB).toFixed(0)} KB), ` +
        `script ${(ours.scriptMs - base.scriptMs).toFixed(2)} ms`,
    ]);

    // The static popup is written from what the popup shows, then both are loaded side by side.
    const capture = await launch(BIXIA);
    try {
      await writeStaticPopup(capture.context, `chrome-extension://${await extensionIdOf(capture.context, BIXIA)}/popup.html`, empty);
    } finally {
      await capture.close();
    }
    const both = await launch(`${BIXIA},${empty}`);
    try {
      const bixiaId = await extensionIdOf(both.context, BIXIA);
      const emptyId = await extensionIdOf(both.context, empty);
      // Interleaved, twice, so that a slow stretch of the machine falls on both.
      const blanks: number[] = [];
      const statics: number[] = [];
      const popups: number[] = [];
      for (let round = 0; round < 2; round++) {
        blanks.push(await readyTime(both.context, `chrome-extension://${emptyId}/blank.html`, null));
        statics.push(await readyTime(both.context, `chrome-extension://${emptyId}/static-popup.html`, 'bixia-ready'));
        popups.push(await readyTime(both.context, `chrome-extension://${bixiaId}/popup.html`, 'bixia-ready'));
      }
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const blank = mean(blanks);
      const staticPopup = mean(statics);
      const popup = mean(popups);
      rows.push(['blank extension page: load', `${blanks.map((t) => t.toFixed(1)).join(' / ')} ms`]);
      rows.push(['static-HTML popup: search focused, same rows shown', `${statics.map((t) => t.toFixed(1)).join(' / ')} ms`]);
      rows.push(['popup ready: search focused, results shown', `${popups.map((t) => t.toFixed(1)).join(' / ')} ms`]);
      rows.push([
        'popup ready / static-HTML popup (budget 1.15×)',
        `${(popup / staticPopup).toFixed(2)}× ${popup / staticPopup <= 1.15 ? 'within' : 'OVER'} budget (mean of the rounds)`,
      ]);
      if (popupOnly) return rows;

      // The same with a user library of 10,000 entries in storage.
      const size = await storeLibrary(both.context, `chrome-extension://${bixiaId}/popup.html`, 10_000);
      const big = await readyTime(both.context, `chrome-extension://${bixiaId}/popup.html`, 'bixia-ready');
      rows.push([`user library of 10,000 entries in storage`, `${(size / 1024 / 1024).toFixed(1)} MB of JSON`]);
      rows.push(['popup ready with it', `${big.toFixed(1)} ms (${(big / blank).toFixed(2)}× a blank page)`]);
      const all = await readyTime(both.context, `chrome-extension://${bixiaId}/popup.html`, 'bixia-library-loaded');
      rows.push(['popup with it: all 10,000 entries searchable', `${all.toFixed(1)} ms (${(all / blank).toFixed(2)}× a blank page)`]);
      const typing = await typingTimes(both.context, `chrome-extension://${bixiaId}/popup.html`, '学习能力');
      rows.push(['popup with it: keystroke to results painted', typing]);
    } finally {
      await both.close();
    }
  } finally {
    server.close();
    if (process.env.BENCH_KEEP) console.log(`kept ${empty}`);
    else rmSync(empty, { recursive: true, force: true });
  }
  return rows;
}
