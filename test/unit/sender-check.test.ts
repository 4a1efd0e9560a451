import { describe, expect, it } from 'vitest';
import { mayHandle } from '../../utils/sender-check';

const CHROME = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const FIREFOX = { id: 'bixia@example.org', baseUrl: 'moz-extension://2f1c7a0e-1111-4222-8333-444455556666/' };

describe('mayHandle', () => {
  it('takes UI messages from the popup, the side panel and an extension page in a tab (what Chrome sends)', () => {
    const page = (path: string, tab?: object) => ({ id: CHROME.id, url: `${CHROME.baseUrl}${path}`, origin: CHROME.baseUrl.slice(0, -1), tab });
    expect(mayHandle('ui→background:insert', page('popup.html'), CHROME)).toBe(true);
    expect(mayHandle('ui→background:insert', page('sidepanel.html'), CHROME)).toBe(true);
    expect(mayHandle('ui→background:insert', page('popup.html?tab=3', { id: 5 }), CHROME)).toBe(true);
  });

  it('takes UI messages from the sidebar and the popup in Firefox, which names no origin', () => {
    expect(mayHandle('ui→background:insert', { id: FIREFOX.id, url: `${FIREFOX.baseUrl}sidepanel.html` }, FIREFOX)).toBe(true);
    expect(mayHandle('ui→background:insert', { id: FIREFOX.id, url: `${FIREFOX.baseUrl}popup.html?tab=2`, tab: {} }, FIREFOX)).toBe(true);
  });

  it('refuses UI messages from a content script, whatever page it runs in', () => {
    for (const url of ['https://example.com/', 'about:blank', 'http://127.0.0.1:8080/chrome-extension://abcdefghijklmnop/']) {
      expect(mayHandle('ui→background:insert', { id: CHROME.id, url, tab: { id: 1 } }, CHROME)).toBe(false);
    }
  });

  it('refuses messages from another extension, or with no sender at all', () => {
    const other = { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/popup.html' };
    expect(mayHandle('ui→background:insert', other, CHROME)).toBe(false);
    expect(mayHandle('page→background:field-focused', { ...other, tab: { id: 1 } }, CHROME)).toBe(false);
    expect(mayHandle('ui→background:insert', {}, CHROME)).toBe(false);
  });

  it('refuses a URL that only starts like ours, and an origin that disagrees with the URL', () => {
    const lookalike = { id: CHROME.id, url: 'chrome-extension://abcdefghijklmnopq/popup.html' };
    expect(mayHandle('ui→background:insert', lookalike, CHROME)).toBe(false);
    const mismatch = { id: CHROME.id, url: `${CHROME.baseUrl}popup.html`, origin: 'https://example.com' };
    expect(mayHandle('ui→background:insert', mismatch, CHROME)).toBe(false);
  });

  it('takes page messages only from content scripts: in a tab, not on an extension page', () => {
    expect(mayHandle('page→background:field-focused', { id: CHROME.id, url: 'https://example.com/', tab: { id: 1 } }, CHROME)).toBe(true);
    expect(mayHandle('page→background:field-focused', { id: CHROME.id, url: 'https://example.com/' }, CHROME)).toBe(false);
    expect(
      mayHandle('page→background:field-focused', { id: CHROME.id, url: `${CHROME.baseUrl}popup.html?tab=1`, tab: { id: 1 } }, CHROME),
    ).toBe(false);
  });

  it('knows no other direction', () => {
    expect(mayHandle('background→page:insert', { id: CHROME.id, url: `${CHROME.baseUrl}popup.html` }, CHROME)).toBe(false);
  });
});
