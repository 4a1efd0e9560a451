/**
 * Issue 9: no page steers Bixia. A page, or a frame in it, may move the focus
 * by script whenever it likes; Bixia inserts only into a field the user
 * clicked or typed in, in a part of the page the user can see, and says so
 * plainly (未插入，已复制) when it will not. In Chromium and Firefox ESR, with
 * real clicks and keys on the page and the popup opened for its tab.
 *
 * That a content script cannot ask for an insertion (ui→background messages
 * come only from the extension's own pages) is tested in
 * test/unit/insert-router.test.ts and sender-check.test.ts: no test driver can
 * run code in a content script's world.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import type { AnyPage } from './harness/driver';
import { evaluate } from './harness/driver';
import { type WebSession, type WebTab, readClipboard, webBrowsers, writeClipboard } from './harness/web-pages';
import { type TestSite, startTestSite } from './pages/site';

const POLL = { timeout: 10_000, interval: 50 };
const INITIAL = '前半句，后半句。';
const MIDDLE = '前半句，'.length;
const QUERY = '说实话';
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const phraseId = readBuiltinCollection().entries.find((e) => e.kind === 'snippet' && e.body === PHRASE)?.id ?? '';
const WITH_PHRASE = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);

/** The popup's status line as the user reads it, with its tone. */
function readStatus(): string {
  const status = document.querySelector('[role="status"]');
  return `${status?.getAttribute('data-tone')}: ${status?.textContent ?? ''}`;
}

/** Runs in a page: a field's value (input, textarea) or text (an editable body). */
function valueOf(selector: string): string {
  const field = document.querySelector<HTMLElement>(selector);
  if (!field) return `<no ${selector}>`;
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : (field.textContent ?? '');
}

function caretAt([selector, offset]: readonly [string, number]): void {
  const area = document.querySelector<HTMLTextAreaElement>(selector)!;
  area.setSelectionRange(offset, offset);
}

for (const target of webBrowsers) {
  describe(target.name, () => {
    let site: TestSite | undefined;
    let session: WebSession | undefined;
    const opened: { close(): Promise<void> }[] = [];

    beforeAll(async () => {
      site = await startTestSite();
      session = await target.launch('zh-CN');
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => page.close()));
    });
    afterAll(async () => {
      await session?.close();
      await site?.close();
    });

    const running = () => {
      if (!session || !site) throw new Error(`${target.name} did not start`);
      return { session, site };
    };
    const open = async (path: string): Promise<WebTab> => {
      const { session, site } = running();
      const tab = await session.openWebPage(site.url(path));
      opened.push(tab);
      return tab;
    };
    const trustPage = (query: string) => open(`trust.html?cross=${encodeURIComponent(running().site.crossOrigin)}&${query}`);
    /** The thief frame's URL prefix, to read its input through the frame. */
    const thiefFrame = () => `${running().site.crossOrigin}/thief.html`;
    const loot = (tab: WebTab) => tab.evaluate(valueOf, '#loot', thiefFrame());
    const mine = (tab: WebTab) => tab.evaluate(valueOf, '#mine');

    /** Opens the popup for the tab, searches the phrase and presses Enter. */
    const popupEnter = async (tab: WebTab): Promise<AnyPage> => {
      const { session } = running();
      const popup = await session.openExtensionPage(`popup.html?tab=${tab.tabId}`);
      opened.push({ close: () => (session.isClosed(popup).then((gone) => (gone ? undefined : (popup as unknown as { close(): Promise<void> }).close()))) });
      await (popup as unknown as { keyboard: { type(t: string): Promise<void> } }).keyboard.type(QUERY);
      await expect
        .poll(() => evaluate(popup, () => document.querySelector('li.row[aria-selected="true"]')?.getAttribute('data-entry-id'), undefined), POLL)
        .toBe(phraseId);
      await session.pressClosing(popup, 'Enter');
      return popup;
    };
    const insertPhrase = async (tab: WebTab): Promise<void> => {
      const popup = await popupEnter(tab);
      await expect.poll(() => running().session.isClosed(popup), POLL).toBe(true);
      await tab.bringToFront();
    };
    /** Enter in the popup falls back: it stays open, says why in a fallback block, and the phrase is on the clipboard. */
    const expectFallback = async (tab: WebTab, why: string): Promise<void> => {
      const { session, site } = running();
      await writeClipboard(session, site.url('clipboard.html'), '(剪贴板上原有的内容)');
      await tab.bringToFront();
      const popup = await popupEnter(tab);
      await expect.poll(() => evaluate(popup, readStatus, undefined), POLL).toMatch(new RegExp(`^fallback: ⚠未插入，文字已复制到剪贴板.*${why}`));
      expect(await evaluate(popup, readStatus, undefined)).not.toContain('已插入');
      expect(await readClipboard(session, site.url('clipboard.html'))).toBe(PHRASE);
    };

    for (const hide of ['zero', 'offscreen', 'none'] as const) {
      it(`a hidden cross-origin frame (${hide}) that grabs the focus gets nothing: the field the user clicked does`, async () => {
        const tab = await trustPage(`hide=${hide}`);
        await tab.click('#mine');
        await tab.evaluate(caretAt, ['#mine', MIDDLE] as const);
        // The page moves the focus into its hidden frame, as it also does when the window loses focus.
        await tab.evaluate(() => (window as unknown as { stealFocus(): void }).stealFocus(), undefined);
        if (hide !== 'none') {
          await expect.poll(() => tab.evaluate(() => document.body.dataset.focused ?? '0', undefined, thiefFrame()), POLL).not.toBe('0');
        }

        await insertPhrase(tab);

        await expect.poll(() => mine(tab), POLL).toBe(WITH_PHRASE);
        expect(await loot(tab)).toBe('');
        await tab.click('#mine');
        await tab.withControl('z');
        await expect.poll(() => mine(tab), POLL).toBe(INITIAL);
      });
    }

    for (const hide of ['zero', 'offscreen'] as const) {
      it(`keys that land in a hidden frame (${hide}) do not make it a target: nothing is inserted anywhere, the text is copied and the popup says why`, async () => {
        const tab = await trustPage(`hide=${hide}`);
        await tab.click('#mine');
        await tab.evaluate(() => (window as unknown as { stealFocus(): void }).stealFocus(), undefined);
        await expect.poll(() => tab.evaluate(() => document.activeElement?.id, undefined, thiefFrame()), POLL).toBe('loot');
        // The user, unaware, presses a key: it goes to the frame that took the focus.
        await tab.press('Escape');

        await expectFallback(tab, '看不见');
        expect(await loot(tab)).toBe('');
        expect(await mine(tab)).toBe(INITIAL);
      });
    }

    it('a visible frame whose input only a script focused is no target: with no field of the user\'s, the text is copied', async () => {
      const tab = await trustPage('scripted=1');
      const scripted = `${running().site.crossOrigin}/thief.html?autofocus=1`;
      // Autofocus in a cross-origin frame may be refused (Chromium, under load): the frame is
      // asked again by message until its input has the focus, still only ever by script.
      const stolen = async () => {
        await tab.evaluate(() => document.querySelector<HTMLIFrameElement>('#scripted')!.contentWindow!.postMessage('steal', '*'), undefined);
        return tab.evaluate(() => document.activeElement?.id, undefined, scripted);
      };
      await expect.poll(stolen, POLL).toBe('loot');

      await expectFallback(tab, '没有找到您点过或输入过的输入框');
      expect(await tab.evaluate(valueOf, '#loot', scripted)).toBe('');
      expect(await mine(tab)).toBe(INITIAL);
    });

    it('a visible frame focused by script after the user clicked a field: the user\'s field gets the text', async () => {
      const tab = await trustPage('scripted=1');
      const scripted = `${running().site.crossOrigin}/thief.html?autofocus=1`;
      await tab.click('#mine');
      await tab.evaluate(caretAt, ['#mine', MIDDLE] as const);
      await tab.evaluate(() => document.querySelector<HTMLIFrameElement>('#scripted')!.contentWindow!.postMessage('steal', '*'), undefined);
      await expect.poll(() => tab.evaluate(() => document.activeElement?.id, undefined), POLL).toBe('scripted');

      await insertPhrase(tab);

      await expect.poll(() => mine(tab), POLL).toBe(WITH_PHRASE);
      expect(await tab.evaluate(valueOf, '#loot', scripted)).toBe('');
    });

    it('the page moving the focus to another field of its own after the user\'s click: the field the user clicked wins', async () => {
      const tab = await trustPage('');
      await tab.click('#mine');
      await tab.evaluate(caretAt, ['#mine', MIDDLE] as const);
      await tab.evaluate(() => document.querySelector<HTMLInputElement>('#other')!.focus(), undefined);
      expect(await tab.evaluate(() => document.activeElement?.id, undefined)).toBe('other');

      await insertPhrase(tab);

      await expect.poll(() => mine(tab), POLL).toBe(WITH_PHRASE);
      expect(await tab.evaluate(valueOf, '#other')).toBe('');
    });

    it('a keyboard user who tabs into a field gets the text there', async () => {
      const tab = await trustPage('');
      await tab.press('Tab');
      await expect.poll(() => tab.evaluate(() => document.activeElement?.id, undefined), POLL).toBe('mine');
      await tab.evaluate(caretAt, ['#mine', MIDDLE] as const);

      await insertPhrase(tab);

      await expect.poll(() => mine(tab), POLL).toBe(WITH_PHRASE);
    });

    it('an editor that refuses the text after the popup closed: the page says so as a fallback, unlike a note, and the text is on the clipboard', async () => {
      const tab = await trustPage('');
      await writeClipboard(running().session, running().site.url('clipboard.html'), '(剪贴板上原有的内容)');
      await tab.bringToFront();
      await tab.click('#refusing');

      await insertPhrase(tab);

      const notice = () =>
        tab.evaluate(() => {
          const box = document.querySelector('bixia-notice')?.shadowRoot?.querySelector('[data-tone]');
          return box ? `${box.getAttribute('data-tone')} ${box.getAttribute('role')}: ${box.textContent}` : '';
        }, undefined);
      await expect.poll(notice, POLL).toBe('fallback alert: ⚠ 未插入，文字已复制到剪贴板这个编辑器没有接受插入的内容。请在编辑器中按 Ctrl+V 粘贴。');
      expect(await tab.evaluate(valueOf, '#refusing')).toBe(INITIAL);
      expect(await readClipboard(running().session, running().site.url('clipboard.html'))).toBe(PHRASE);
    });

    it('a keyboard user who tabs from the page into a visible cross-origin frame\'s field gets the text there', async () => {
      const tab = await trustPage('hide=visible');
      await tab.click('#refusing');
      // A person's Tab: the key goes down in the page, focus moves into the frame, the key comes up there.
      await tab.keyDown('Tab');
      await expect.poll(() => tab.evaluate(() => document.activeElement?.id, undefined, thiefFrame()), POLL).toBe('loot');
      await tab.keyUp('Tab');

      await insertPhrase(tab);

      await expect.poll(() => loot(tab), POLL).toBe(PHRASE);
      expect(await tab.evaluate(valueOf, '#refusing')).toBe(INITIAL);
    });

    it('a design-mode iframe written by script (KindEditor style): a click, the text at the caret, one Ctrl+Z', async () => {
      const tab = await open('kindeditor.html');
      const body = () =>
        tab.evaluate(() => document.querySelector<HTMLIFrameElement>('#kind-frame')!.contentDocument!.body.textContent, undefined);
      expect(await body()).toBe(INITIAL);
      await tab.click('#kind-frame');
      await tab.evaluate((middle: number) => {
        const doc = document.querySelector<HTMLIFrameElement>('#kind-frame')!.contentDocument!;
        const range = doc.createRange();
        range.setStart(doc.body.firstChild!, middle);
        doc.getSelection()!.removeAllRanges();
        doc.getSelection()!.addRange(range);
      }, MIDDLE);

      await insertPhrase(tab);

      await expect.poll(body, POLL).toBe(WITH_PHRASE);
      await tab.click('#kind-frame');
      await tab.withControl('z');
      await expect.poll(body, POLL).toBe(INITIAL);
    });
  });
}
