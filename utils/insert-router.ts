/**
 * The background's half of an insertion: check who is asking, find the frame
 * whose field the user chose last, ask it whether its field can take text,
 * then deliver the text.
 */
import { focusedFrame, recordFocusedFrame } from './frame-routing';
import {
  type BackgroundToPage,
  type InsertResult,
  type PageNotices,
  type PageTriggers,
  type PageToBackground,
  type ProbeResult,
  type UiToBackground,
  isMessage,
} from './messages';
import { type Self, type Sender, mayHandle } from './sender-check';

/** The one tabs method the router needs, so tests can hand it a fake. */
export interface Tabs {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** What the background's message listener needs, so tests can hand it fakes. */
export interface Background {
  tabs: Tabs;
  self: Self;
  notices(): PageNotices;
  /** The typed shortcuts in force for a frame of `origin` (utils/trigger-service.ts). */
  triggers(origin: string): Promise<PageTriggers>;
}

/**
 * The background's message listener: a message from a sender that may not send
 * it is dropped unanswered (a content script asking to insert, a page claiming
 * a frame). Returns the answer's promise, or undefined for no answer.
 */
export function handleMessage(
  background: Background,
  message: unknown,
  sender: Sender & { tab?: { id?: number }; frameId?: number },
): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !mayHandle(type, sender, background.self)) return undefined;
  if (isMessage<PageToBackground>(message, 'page→background:field-focused')) {
    if (sender.tab?.id !== undefined) void recordFocusedFrame(sender.tab.id, sender.frameId ?? 0);
    return undefined;
  }
  if (type === 'page→background:triggers' || type === 'page→background:typing') {
    const claimed = (message as { origin?: unknown }).origin;
    const origin = typeof claimed === 'string' && claimed !== 'null' ? claimed : (sender.url ?? '');
    const triggers = background.triggers(origin);
    // A key was first typed in the frame: it loads the matcher only when there is something to match.
    return type === 'page→background:triggers' ? triggers : triggers.then((found) => (found.pairs.length > 0 ? found : null));
  }
  if (isMessage<UiToBackground>(message, 'ui→background:insert')) {
    return routeInsert(background.tabs, message, background.notices());
  }
  return undefined;
}

export async function routeInsert(tabs: Tabs, request: UiToBackground, notices: PageNotices): Promise<InsertResult> {
  const frameId = await focusedFrame(request.tabId);
  // No frame reported focus: nothing was focused, or the page cannot run our content
  // script (a browser page, a store page). Frames only listen once a field had focus,
  // so there is no one to ask which.
  if (frameId === undefined) return { status: 'failed', reason: 'no-field' };
  const probe = await send<ProbeResult>(tabs, request.tabId, frameId, {
    type: 'background→page:probe',
    text: request.text,
  });
  if (!probe) return { status: 'failed', reason: 'gone' };
  if (!probe.ok) return { status: 'failed', reason: probe.reason };
  // Never cut the user's text silently: say how much fits and let them choose.
  if (probe.room !== undefined && !request.allowTruncate) {
    return { status: 'too-long', room: probe.room, length: probe.length ?? request.text.length };
  }

  const deliver = (pageNotices: PageNotices | undefined) =>
    send<InsertResult>(tabs, request.tabId, frameId, {
      type: 'background→page:insert',
      text: request.text,
      waitForFocus: true,
      notices: pageNotices,
    }).then((result) => result ?? ({ status: 'failed', reason: 'gone' } as const));

  if (request.mode === 'after-popup-closes') {
    // The popup closes on this answer; the page then regains focus and the frame inserts,
    // telling the user itself if anything goes wrong.
    void deliver(notices);
    return { status: 'pending' };
  }
  return deliver(undefined);
}

async function send<T>(tabs: Tabs, tabId: number, frameId: number, message: BackgroundToPage): Promise<T | undefined> {
  try {
    return (await tabs.sendMessage(tabId, message, { frameId })) as T | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The picker's keyboard command in a tab: the frame whose field the user chose last opens the
 * picker at its caret. False when no frame did (nothing focused, a page Bixia cannot run in,
 * the field gone or the focus elsewhere): the caller opens the popup instead.
 */
export async function openPickerIn(tabs: Tabs, tabId: number): Promise<boolean> {
  const frameId = await focusedFrame(tabId);
  if (frameId === undefined) return false;
  return (await send<boolean>(tabs, tabId, frameId, { type: 'background→page:open-picker' })) === true;
}
