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

const NOTICES = { truncated: '只插入了前 $1 个字', copied: '已复制', copyFailed: '无法复制' };

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
    expect(await routeInsert(tabs, request(), NOTICES)).toEqual({ status: 'inserted' });
    expect(sent.map((s) => [s.frameId, s.message.type])).toEqual([
      [2, 'background→page:probe'],
      [2, 'background→page:insert'],
    ]);
    expect(sent[1]!.message).toMatchObject({ text: '说实话', waitForFocus: true });
    expect(sent[1]!.message).not.toHaveProperty('notices.copied');
  });

  it('answers at once for the popup and lets the page insert after it closes, reporting problems itself', async () => {
    await recordFocusedFrame(7, 1);
    const { tabs, sent } = fakeTabs({ 1: { probe: { ok: true } } });
    expect(await routeInsert(tabs, request('after-popup-closes'), NOTICES)).toEqual({ status: 'pending' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent[1]!.message).toMatchObject({ type: 'background→page:insert', notices: NOTICES });
  });

  it('says no-field, asking no frame, when no frame reported focus', async () => {
    const { tabs, sent } = fakeTabs({ 0: { probe: { ok: true } } });
    expect(await routeInsert(tabs, request(), NOTICES)).toEqual({ status: 'failed', reason: 'no-field' });
    expect(sent).toEqual([]);
  });

  it('passes on the frame\'s own reason: a read-only field, a field that is gone', async () => {
    await recordFocusedFrame(7, 0);
    const readOnly = fakeTabs({ 0: { probe: { ok: false, reason: 'read-only' } } });
    expect(await routeInsert(readOnly.tabs, request(), NOTICES)).toEqual({ status: 'failed', reason: 'read-only' });
    const navigatedAway = fakeTabs({});
    expect(await routeInsert(navigatedAway.tabs, request(), NOTICES)).toEqual({ status: 'failed', reason: 'gone' });
  });

  it('asks first when the field\'s maxlength leaves too little room, and cuts only once the user agrees', async () => {
    await recordFocusedFrame(7, 0);
    const { tabs, sent } = fakeTabs({ 0: { probe: { ok: true, room: 2, length: 15 }, insert: { status: 'truncated', kept: 2 } } });
    expect(await routeInsert(tabs, request(), NOTICES)).toEqual({ status: 'too-long', room: 2, length: 15 });
    expect(sent.map((s) => s.message.type)).toEqual(['background→page:probe']);
    expect(sent[0]!.message).toMatchObject({ text: '说实话' });
    const agreed = { ...request(), allowTruncate: true };
    expect(await routeInsert(tabs, agreed, NOTICES)).toEqual({ status: 'truncated', kept: 2 });
  });

  it('reports what the frame reports: a field that cut the text to its maxlength', async () => {
    await recordFocusedFrame(7, 0);
    const { tabs } = fakeTabs({ 0: { probe: { ok: true }, insert: { status: 'truncated', kept: 5 } } });
    expect(await routeInsert(tabs, request(), NOTICES)).toEqual({ status: 'truncated', kept: 5 });
  });
});
