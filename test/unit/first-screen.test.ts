// @vitest-environment node
/**
 * The popup's first screen as the build writes it into popup.html: the App's own first render,
 * in each locale, with the search box, the model report's first rows and the footer; and the
 * keys the first screen keeps until the popup's code runs.
 */
import { describe, expect, it } from 'vitest';
import { earlyKeyOf, keepEarlyKeys, takeEarlyKeys } from '../../entrypoints/popup/early-keys';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { DEFAULT_LOCALE, renderFirstScreens } from '../../scripts/first-screen-plugin';

describe('first screen', () => {
  it('is rendered for every locale, with the search box, the first rows and the footer', async () => {
    const screens = await renderFirstScreens({ 'import.meta.env.FIREFOX': 'false' });
    expect(Object.keys(screens).sort()).toEqual(['en', DEFAULT_LOCALE]);
    const first = readBuiltinCollection().entries.slice(0, 3);
    for (const [locale, html] of Object.entries(screens)) {
      expect(html).toContain('id="search-input"');
      expect(html).toContain('aria-activedescendant="popup-results-option-0"');
      for (const entry of first) expect(html).toContain(`data-entry-id="${entry.id}"`);
      // Only the rows in view, however long the list.
      expect(html.match(/role="option"/g)!.length).toBeLessThan(readBuiltinCollection().entries.length);
      expect(html).toContain(locale === 'en' ? 'Insert' : '插入');
      expect(html).toContain(locale === 'en' ? 'Built-in' : '内置');
      // No list before favourites are read: nothing says it is ready.
      expect(html).not.toContain('data-ready');
    }
  }, 60_000);
});

describe('keys pressed on the first screen', () => {
  const key = (init: KeyboardEventInit & { keyCode?: number }) => ({ isComposing: false, keyCode: 0, ctrlKey: false, metaKey: false, ...init }) as KeyboardEvent;

  it('are kept until the popup takes them, then no more', () => {
    const keep = keepEarlyKeys();
    expect(keep('down')).toBe(true);
    expect(keep('insert')).toBe(true);
    expect(takeEarlyKeys()).toEqual(['down', 'insert']);
    expect(keep('copy')).toBe(false);
    expect(takeEarlyKeys()).toEqual([]);
  });

  it('mean arrows, Enter and Ctrl+Enter, and nothing while an input method composes', () => {
    expect(earlyKeyOf(key({ key: 'ArrowDown' }))).toBe('down');
    expect(earlyKeyOf(key({ key: 'ArrowUp' }))).toBe('up');
    expect(earlyKeyOf(key({ key: 'Enter' }))).toBe('insert');
    expect(earlyKeyOf(key({ key: 'Enter', ctrlKey: true }))).toBe('copy');
    expect(earlyKeyOf(key({ key: 'Enter', isComposing: true }))).toBeUndefined();
    expect(earlyKeyOf(key({ key: 'Enter', keyCode: 229 }))).toBeUndefined();
    expect(earlyKeyOf(key({ key: 'a' }))).toBeUndefined();
  });
});
