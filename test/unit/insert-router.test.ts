import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { focusedFrame, forgetTab, recordFocusedFrame } from '../../utils/frame-routing';
import { type Background, type Tabs, handleMessage, openPickerIn, routeInsert } from '../../utils/insert-router';
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

const NOTICES = {
  truncated: '只插入了前 $1 个字',
  fallback: '未插入，已复制',
  reasons: {
    'no-field': '没有输入框',
    gone: '输入框没了',
    hidden: '看不见',
    'read-only': '只读',
    disabled: '停用',
    'no-access': '不能插入',
    refused: '没接受',
  },
  copyFailed: '无法复制',
};

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
    expect((sent[1]!.message as { notices?: unknown }).notices).toBeUndefined();
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

describe('handleMessage: who may send what', () => {
  beforeEach(() => fakeBrowser.reset());

  const SELF = { id: 'bixia-id', baseUrl: 'chrome-extension://bixia-id/' };
  const popup = { id: 'bixia-id', url: 'chrome-extension://bixia-id/popup.html', origin: 'chrome-extension://bixia-id' };
  const popupInTab = { ...popup, url: 'chrome-extension://bixia-id/popup.html?tab=7', tab: { id: 9 } };
  const contentScript = { id: 'bixia-id', url: 'https://example.com/form', origin: 'https://example.com', tab: { id: 7 }, frameId: 4 };

  const background = (tabs: Tabs): Background => ({ tabs, self: SELF, notices: () => NOTICES, triggers: async () => ({ pairs: [], until: Infinity }) });

  it('inserts for the popup, also when it is opened in a tab', async () => {
    await recordFocusedFrame(7, 0);
    for (const sender of [popup, popupInTab]) {
      const { tabs, sent } = fakeTabs({ 0: { probe: { ok: true } } });
      expect(await handleMessage(background(tabs), request(), sender)).toEqual({ status: 'inserted' });
      expect(sent.map((s) => s.message.type)).toContain('background→page:insert');
    }
  });

  it('refuses an insertion asked for by a content script, and asks no frame', async () => {
    await recordFocusedFrame(7, 0);
    const { tabs, sent } = fakeTabs({ 0: { probe: { ok: true } } });
    expect(handleMessage(background(tabs), request(), contentScript)).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('records the frame a content script reports, but not a report from an extension page', async () => {
    const { tabs } = fakeTabs({});
    handleMessage(background(tabs), { type: 'page→background:field-focused' }, popupInTab);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await focusedFrame(9)).toBeUndefined();
    handleMessage(background(tabs), { type: 'page→background:field-focused' }, contentScript);
    await expect.poll(() => focusedFrame(7)).toBe(4);
  });

  it("answers a frame's first key with its site's table, or null when nothing there can expand", async () => {
    const { tabs } = fakeTabs({});
    const table = { pairs: [[';bl', '说实话、办实事']] as [string, string][], until: Infinity };
    const asked: string[] = [];
    const withTable: Background = { ...background(tabs), triggers: async (origin) => (asked.push(origin), origin === 'https://example.com' ? table : { pairs: [], until: Infinity }) };
    const typing = { type: 'page→background:typing', origin: 'https://example.com' };
    expect(await handleMessage(withTable, typing, contentScript)).toEqual(table);
    expect(await handleMessage(withTable, { ...typing, origin: 'https://other.example' }, contentScript)).toBeNull();
    // The matcher asking again gets the table as it is, empty or not.
    expect(await handleMessage(withTable, { type: 'page→background:triggers', origin: 'https://other.example' }, contentScript)).toEqual({ pairs: [], until: Infinity });
    expect(asked).toEqual(['https://example.com', 'https://other.example', 'https://other.example']);
  });
});

describe('openPickerIn (the picker command)', () => {
  beforeEach(() => fakeBrowser.reset());

  /** Frames that answer the picker's message as the content script does: true when it opened. */
  function pickerTabs(answers: Record<number, boolean | undefined>) {
    const sent: Sent[] = [];
    const tabs: Tabs = {
      async sendMessage(tabId, message, { frameId }) {
        sent.push({ tabId, frameId, message: message as BackgroundToPage });
        if (!(frameId in answers)) throw new Error('Could not establish connection. Receiving end does not exist.');
        return answers[frameId];
      },
    };
    return { tabs, sent };
  }

  it('asks only the frame whose field the user chose last, and says whether it opened', async () => {
    await recordFocusedFrame(7, 0);
    await recordFocusedFrame(7, 4);
    const { tabs, sent } = pickerTabs({ 0: true, 4: true });
    expect(await openPickerIn(tabs, 7)).toBe(true);
    expect(sent).toEqual([{ tabId: 7, frameId: 4, message: { type: 'background→page:open-picker' } }]);
  });

  it('is false with no frame to ask, a frame that stays silent (its field gone or out of focus), or none listening', async () => {
    expect(await openPickerIn(pickerTabs({}).tabs, 7)).toBe(false);
    await recordFocusedFrame(7, 2);
    expect(await openPickerIn(pickerTabs({ 2: undefined }).tabs, 7)).toBe(false);
    expect(await openPickerIn(pickerTabs({}).tabs, 7)).toBe(false);
  });
});
