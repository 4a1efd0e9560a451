// Runs the insertion matrix: node run.mjs chromium|firefox [--editors a,b] [--mechs a,b] [--worlds page,isolated]
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

const args = process.argv.slice(2);
const browserName = args[0] ?? 'chromium';
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 ? args[i + 1].split(',') : d; };
const ALL_EDITORS = ['plain', 'prosemirror', 'tiptap', 'quill', 'ckeditor', 'tinymce', 'lexical', 'slate', 'draft', 'codemirror', 'wangeditor', 'ueditor'];
const ALL_MECHS = ['exec', 'execLines', 'paste', 'pastePlain', 'pasteSet', 'pasteBoth', 'pasteMeta', 'pasteSeq', 'biPaste', 'biText', 'biReplace', 'api'];
const editors = opt('editors', ALL_EDITORS);
const mechs = opt('mechs', ALL_MECHS);
const worlds = opt('worlds', ['page']);
const TEXT = '第一段。\n第二段。\n第三段。';
const INIT = ['开头文字。结尾文字。'];
const EXPECT = ['开头文字。第一段。', '第二段。', '第三段。结尾文字。'];
const MECH_SRC = readFileSync(new URL('./mech.js', import.meta.url), 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launch() {
  if (browserName === 'chromium') {
    const { chromium } = await import('/work/main/node_modules/playwright-core/index.mjs');
    const ext = new URL('./ext-chrome', import.meta.url).pathname;
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lab-chr-')), {
      executablePath: '/usr/lib/chromium/chromium', headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    });
    return {
      version: context.browser()?.version() ?? 'chromium',
      newPage: async () => { const p = await context.newPage(); p.on('pageerror', (e) => p.__errors.push(String(e))); p.__errors = []; return p; },
      undo: (p) => p.keyboard.press('Control+z'),
      close: () => context.close(),
    };
  }
  const puppeteer = (await import('/work/main/node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js')).default;
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, args: ['--remote-allow-system-access'] });
  await browser.installExtension(new URL('./ext-firefox', import.meta.url).pathname);
  return {
    version: await browser.version(),
    newPage: async () => { const p = await browser.newPage(); p.__errors = []; p.on('pageerror', (e) => p.__errors.push(String(e))); return p; },
    undo: async (p) => { await p.keyboard.down('Control'); await p.keyboard.press('z'); await p.keyboard.up('Control'); },
    close: () => browser.close(),
  };
}

const evalIn = (frame, expr) => frame.evaluate(expr);
async function editorFrame(page) {
  const which = await evalIn(page.mainFrame(), 'window.lab.frame');
  if (which === 'main') return page.mainFrame();
  return page.mainFrame().childFrames()[0];
}
async function waitReady(page) {
  for (let i = 0; i < 150; i++) {
    try { if (await evalIn(page.mainFrame(), '!!window.labReady')) return; } catch {}
    await sleep(100);
  }
  throw new Error('editor not ready');
}
const paras = (page) => evalIn(page.mainFrame(), 'JSON.stringify(window.lab.paras())').then(JSON.parse);
const domText = (page) => evalIn(page.mainFrame(), 'window.lab.root().innerText');
const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function one(b, url, editor, mech, world) {
  const page = await b.newPage();
  const res = { editor, mech, world };
  try {
    await page.goto(`${url}/${editor}.html`);
    await waitReady(page);
    if (mech === 'api' && !(await evalIn(page.mainFrame(), '!!window.lab.api'))) { res.skip = 'no api'; return res; }
    await evalIn(page.mainFrame(), 'window.lab.place()');
    await sleep(200);
    res.init = await paras(page);
    const frame = await editorFrame(page);
    if (mech === mechs[0] && world === worlds[0]) res.detect = JSON.parse(await evalIn(frame, `(function(){${MECH_SRC}; return JSON.stringify(labDetect(document));})()`));
    res.csLoaded = await evalIn(frame, `document.documentElement.getAttribute('data-lab-cs')`);
    if (mech === 'api') {
      await evalIn(page.mainFrame(), `window.lab.api(${JSON.stringify(TEXT)})`);
    } else if (world === 'page') {
      res.r = JSON.parse(await evalIn(frame, `(function(){${MECH_SRC}; return JSON.stringify(labInsert(${JSON.stringify(mech)}, ${JSON.stringify(TEXT)}, document));})()`));
    } else {
      await evalIn(frame, `window.postMessage({labMech: ${JSON.stringify(mech)}, text: ${JSON.stringify(TEXT)}}, '*')`);
      for (let i = 0; i < 20 && !res.r; i++) {
        await sleep(50);
        const s = await evalIn(frame, `document.documentElement.getAttribute('data-lab-result')`);
        if (s) res.r = JSON.parse(s);
      }
    }
    await sleep(400);
    res.after = await paras(page);
    res.dom = await domText(page);
    await b.undo(page);
    await sleep(400);
    res.undone = await paras(page);
    res.works = res.after.join('').includes('第一段') && res.after.join('').includes('第三段') && res.after.join('').startsWith('开头文字。') && res.after.join('').endsWith('结尾文字。');
    res.parasOk = eq(res.after, EXPECT);
    res.undoOk = res.works && eq(res.undone, INIT);
    // model vs DOM divergence (e.g. text in the DOM that the model lacks)
    const flatDom = res.dom.replace(/\s+/g, '');
    res.after = res.after.map((p) => p); 
    res.domMatches = flatDom === res.after.join('').replace(/[\s⏎]+/g, '');
  } catch (e) {
    res.error = String(e.message ?? e).slice(0, 300);
  } finally {
    if (page.__errors.length) res.pageErrors = page.__errors.slice(0, 3);
    await page.close();
  }
  return res;
}

const { server, url } = await startServer();
const b = await launch();
console.log(browserName, b.version);
const results = [];
for (const editor of editors) for (const mech of mechs) for (const world of (mech === 'api' ? ['page'] : worlds)) {
  const r = await one(b, url, editor, mech, world);
  results.push(r);
  const flag = r.error ? 'ERROR ' + r.error : r.skip ? 'skip' : `${r.works ? 'WORKS' : 'no   '} paras:${r.parasOk ? 'Y' : 'n'} undo:${r.undoOk ? 'Y' : 'n'} dom=model:${r.domMatches ? 'Y' : 'n'}`;
  console.log(editor.padEnd(11), mech.padEnd(10), world.padEnd(8), flag, r.works && !r.parasOk ? JSON.stringify(r.after) : (!r.works && r.after && !eq(r.after, INIT) ? 'after=' + JSON.stringify(r.after) : ''), r.r?.error ? 'ERR:' + r.r.error : '', r.pageErrors ? 'PAGEERR ' + r.pageErrors[0].slice(0, 120) : '');
}
mkdirSync('results', { recursive: true });
const tag = args.includes('--tag') ? args[args.indexOf('--tag') + 1] : `${editors.length === ALL_EDITORS.length ? 'all' : editors.join('+')}-${worlds.join('+')}`;
writeFileSync(`results/${browserName}-${tag}.json`, JSON.stringify({ browser: b.version, results }, null, 1));
await b.close();
server.close();
