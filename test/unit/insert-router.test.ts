import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { focusedFrame, forgetTab, recordFocusedFrame } from '../../utils/frame-routing';
import { type Tabs, routeInsert } from '../../utils/insert-router';
import type { BackgroundToPage, InsertResult, ProbeResult } from '../../utils/messages';

interface Sent {
  tabId: number;
  frameId: number;
  message: BackgroundToPage;
}

/** A tab whose frames answer like content scripts would; frames not listed have none. */
function fakeTabs(frames: Record<number, { probe: ProbeResult; insert?: InsertResult }>) {
  const sent: Sent[] = [];
  const tabs: Tabs = {
    async sendMessage(tabId, message, { frameId }) {
      sent.push({ tabId, frameId, message: message as BackgroundToPage });
      const frame = frames[frameId];
      if (!frame) throw new Error('Could not establish connection. Receiving end does not exist.');
      const m = message as BackgroundToPage;
      return m.type === 'background→page:probe' ? frame.probe : (frame.insert ?? { status: 'inserted' });
    },
  };
  return { tabs, sent };
}

const request = (mode: 'now' | 'after-popup-closes' = 'now') =>
  ({ type: 'ui→background:insert', tabId: 7, text: '说实话', mode }) as const;

describe('frame routing', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers the last frame that reported focus, per tab, and forgets closed tabs', async () => {
    await recordFocusedFrame(7, 0);
    await recordFocusedFrame(7, 3);
    await recordFocusedFrame(8, 1);
    expect(await focusedFrame(7)).toBe(3);
    expect(await focusedFrame(8)).toBe(1);
    await forgetTab(7);
    expect(await focusedFrame(7)).toBeUndefined();
    expect(await focusedFrame(8)).toBe(1);
  });
});

describe('routeInsert', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the text to the one frame that had focus last, never to the others', async () => {
    await recordFocusedFrame(7, 0);
    await recordFocusedFrame(7, 2);
    const { tabs, sent } = fakeTabs({ 0: { probe: { ok: true } }, 2: { probe: { ok: true } } });
    expect(await routeInsert(tabs, request())).toEqual({ status: 'inserted' });
    expect(sent.map((s) => [s.frameId, s.message.type])).toEqual([
      [2, 'background→page:probe'],
      [2, 'background→page:insert'],
    ]);
    expect(sent[1]!.message).toMatchObject({ text: '说实话', waitForFocus: true, notifyOnFailure: false });
  });

  it('answers at once for the popup and lets the page insert after it closes, reporting problems itself', async () => {
    await recordFocusedFrame(7, 1);
    const { tabs, sent } = fakeTabs({ 1: { probe: { ok: true } } });
    expect(await routeInsert(tabs, request('after-popup-closes'))).toEqual({ status: 'pending' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent[1]!.message).toMatchObject({ type: 'background→page:insert', notifyOnFailure: true });
  });

  it('says no-field when the page has our script but nothing was focused', async () => {
    const { tabs } = fakeTabs({ 0: { probe: { ok: false, reason: 'no-field' } } });
    expect(await routeInsert(tabs, request())).toEqual({ status: 'failed', reason: 'no-field' });
  });

  it('says no-access when the page has no content script (a browser page, a store page)', async () => {
    const { tabs } = fakeTabs({});
    expect(await routeInsert(tabs, request())).toEqual({ status: 'failed', reason: 'no-access' });
  });

  it('passes on the frame\'s own reason: a read-only field, a field that is gone', async () => {
    await recordFocusedFrame(7, 0);
    const readOnly = fakeTabs({ 0: { probe: { ok: false, reason: 'read-only' } } });
    expect(await routeInsert(readOnly.tabs, request())).toEqual({ status: 'failed', reason: 'read-only' });
    const navigatedAway = fakeTabs({});
    expect(await routeInsert(navigatedAway.tabs, request())).toEqual({ status: 'failed', reason: 'gone' });
  });

  it('reports what the frame reports: a field that cut the text to its maxlength', async () => {
    await recordFocusedFrame(7, 0);
    const { tabs } = fakeTabs({ 0: { probe: { ok: true }, insert: { status: 'truncated', kept: 5 } } });
    expect(await routeInsert(tabs, request())).toEqual({ status: 'truncated', kept: 5 });
  });
});
