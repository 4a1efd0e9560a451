/**
 * npm run screenshots: the popup and the side panel as a user sees them, in
 * Chinese and English, light and dark, written to screenshots/ (not committed).
 * Needs a Chrome build (npm run build) and the Noto CJK fonts for Chinese text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/e2e/harness/chromium';

const out = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const pages = [
  { path: 'popup.html', width: 460, height: 580, query: '' },
  { path: 'popup.html', width: 460, height: 580, query: '表率' },
  { path: 'sidepanel.html', width: 380, height: 760, query: '' },
  { path: 'sidepanel.html', width: 380, height: 760, query: '', click: '#tab-read' },
  { path: 'popup.html', width: 460, height: 580, query: '主要差距不足', press: 'Enter' },
];

for (const locale of ['zh-CN', 'en']) {
  const harness = await launchChromium({ locale });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const { path, width, height, query, click, press } of pages) {
        const page = await harness.openExtensionPage(path);
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        if (query) await page.keyboard.type(query);
        if (click) await page.click(click);
        if (press) await page.keyboard.press(press);
        const variant = click ? '-read' : press ? '-form' : query ? '-search' : '';
        const name = `${path.replace('.html', '')}${variant}-${locale}-${scheme}.png`;
        await page.screenshot({ path: join(out, name) });
        process.stdout.write(`${name}\n`);
        await page.close();
      }
    }
  } finally {
    await harness.close();
  }
}
