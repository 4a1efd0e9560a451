// Draws the toolbar icons (public/icon/*.png) with Debian Chromium and the Noto CJK fonts.
// Run by hand after changing the design: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const r = Math.round(size * 0.2);
  await page.setContent(`<html><body style="margin:0;background:transparent">
  <div style="width:${size}px;height:${size}px;border-radius:${r}px;background:#b3261e;display:flex;align-items:center;justify-content:center;">
  <span style="color:#fff;font-family:'Noto Serif CJK SC','Noto Sans CJK SC';font-weight:900;font-size:${Math.round(size*0.74)}px;line-height:1">匣</span></div></body></html>`);
  await page.screenshot({ path: `${new URL('../public/icon/', import.meta.url).pathname}${size}.png`, omitBackground: true });
}
await browser.close();
