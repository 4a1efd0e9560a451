/**
 * Placeholders named like what every JavaScript object inherits
 * (`constructor`, `__proto__`, `toString`), in the real pages of Chromium and
 * Firefox ESR: the entry editor's preview shows their defaults, and the
 * popup's form asks for them prefilled with the default, never with an
 * inherited function, and with the value typed last time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnyPage, type BrowserDriver, browsers, click, closePage, evaluate, setValue, storageSnapshot, storedLibrary, text, waitFor } from './harness/driver';

const POLL = { timeout: 15_000, interval: 100 };
const REPORT = '占位符名称测试报告\n一、存在的问题\n学习不够深入。';
const TITLE = '原型名称的模板';
const BODY = '甲{{constructor|默认构造}}乙{{__proto__|默认原型}}丙{{toString}}丁';

const keyboard = (page: AnyPage) => (page as unknown as { keyboard: { press(k: string): Promise<void>; type(t: string): Promise<void> } }).keyboard;

for (const { name, launch } of browsers) {
  describe(`placeholders with inherited names in ${name}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      driver = await launch({ locale: 'zh-CN' });
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('preview their defaults in the editor and prefill the popup form with remembered values or defaults', async () => {
      const options = await driver.openExtensionPage('options.html#import');
      await setValue(options, '#report-text', REPORT);
      await click(options, '[data-action="parse-text"]');
      await waitFor(options, '[data-import-preview]');
      await click(options, '[data-action="add-collection"]');
      await waitFor(options, '[data-action="new-entry"]');
      await click(options, '[data-action="new-entry"]');
      await waitFor(options, 'textarea[name="body"]');
      await setValue(options, 'input[name="title"]', TITLE);
      await setValue(options, 'textarea[name="body"]', BODY);
      await expect.poll(() => text(options, '[data-preview-text]'), POLL).toBe('甲默认构造乙默认原型丙【toString】丁');
      await click(options, '[data-action="save"]');
      await expect.poll(async () => (await storedLibrary(options)).collections.some((c) => c.entries.some((e) => e.title === TITLE)), POLL).toBe(true);
      await closePage(options);

      // Ready once the library is loaded, so the search below runs over it.
      const openForm = async () => {
        // Ready once the library is loaded, so the search below runs over it.
        const popup = await driver.openExtensionPage('popup.html', 'main.popup[data-ready="true"]');
        await click(popup, '#search-input');
        await keyboard(popup).type(TITLE);
        await waitFor(popup, `li.row[role="option"][aria-selected="true"]`);
        await expect.poll(() => text(popup, 'li.row[role="option"][aria-selected="true"]'), POLL).toContain(TITLE);
        await keyboard(popup).press('Enter');
        await waitFor(popup, 'form.placeholder-form');
        return popup;
      };
      const formInputs = (popup: AnyPage) =>
        evaluate(
          popup,
          () => Array.from(document.querySelectorAll<HTMLInputElement>('form.placeholder-form input'), (input) => ({ label: input.labels?.[0]?.textContent ?? '', value: input.value })),
          undefined,
        );

      // The first time: every field holds its own default (or nothing), none an inherited function.
      const first = await openForm();
      expect(await formInputs(first)).toEqual([
        { label: 'constructor', value: '默认构造' },
        { label: '__proto__', value: '默认原型' },
        { label: 'toString', value: '' },
      ]);
      await setValue(first, '#placeholder-2', '填的字符串');
      await setValue(first, '#placeholder-0', '填的构造');
      // Copying uses the values, and remembers them.
      await click(first, 'form.placeholder-form .form-actions button:nth-child(2)');
      await expect.poll(() => evaluate(first, () => document.querySelector('form.placeholder-form') === null, undefined), POLL).toBe(true);
      // Stored as [name, value] pairs: Firefox ESR's storage.local drops object keys named
      // constructor or toString, so an object would lose them there.
      // The form goes before the values are written: wait for them before the page closes.
      const remembered = async () => {
        const pairs = (await storageSnapshot(first)).placeholderValues as [string, string][] | undefined;
        return (pairs ?? []).filter(([key]) => key === 'constructor' || key === 'toString');
      };
      await expect.poll(remembered, POLL).toEqual([
        ['constructor', '填的构造'],
        ['toString', '填的字符串'],
      ]);
      await closePage(first);

      // The next time: what was typed, under those names.
      const again = await openForm();
      await expect.poll(() => formInputs(again), POLL).toEqual([
        { label: 'constructor', value: '填的构造' },
        { label: '__proto__', value: '默认原型' },
        { label: 'toString', value: '填的字符串' },
      ]);
      await closePage(again);
    });
  });
}
