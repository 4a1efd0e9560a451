/**
 * npm start: builds the Chrome version of Bixia and opens a browser with it
 * loaded, on a local demo page of text fields. The browser is Debian's
 * Chromium (or Chrome/Chromium found on PATH), or the one named by
 * BIXIA_BROWSER. A fresh profile keeps the user's own browser untouched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = resolve(root, '.output/chrome-mv3');

function findBrowser(): string | null {
  const named = process.env.BIXIA_BROWSER;
  if (named) return named;
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((path) => existsSync(path)) ?? null;
}

const browser = findBrowser();
if (!browser) {
  process.stderr.write(
    '找不到 Chromium 或 Chrome。请安装 chromium（Debian: apt-get install chromium），或用 BIXIA_BROWSER 指定浏览器路径。\n' +
      'No Chromium or Chrome found. Install chromium (Debian: apt-get install chromium) or set BIXIA_BROWSER to its path.\n',
  );
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const demo = readFileSync(join(root, 'demo/index.html'));
const server = createServer((request, response) => {
  if (request.url === '/' || request.url === '/index.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(demo);
  } else {
    response.writeHead(404).end();
  }
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'bixia-profile-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Branded Chrome 137+ ignores --load-extension unless this feature is off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ];
  process.stdout.write(`\n笔匣已加载 / Bixia loaded: ${browser}\n演示页面 / Demo page: ${url}\n按 Ctrl+C 退出 / Ctrl+C to quit.\n`);
  const child = spawn(browser, args, { stdio: 'ignore' });
  child.on('error', (error) => {
    process.stderr.write(`无法启动浏览器 / Could not start the browser: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', () => server.close(() => process.exit(0)));
  process.on('SIGINT', () => child.kill());
});
