/**
 * The background's half of an insertion: find the frame that had focus last,
 * ask it whether its field can take text, then deliver the text.
 */
import { focusedFrame } from './frame-routing';
import type { BackgroundToPage, InsertResult, ProbeResult, UiToBackground } from './messages';

/** The one tabs method the router needs, so tests can hand it a fake. */
export interface Tabs {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

export async function routeInsert(tabs: Tabs, request: UiToBackground): Promise<InsertResult> {
  const frameId = await focusedFrame(request.tabId);
  if (frameId === undefined) {
    // No frame reported focus: either nothing was focused, or the page has no content script at all.
    const reachable = await send<ProbeResult>(tabs, request.tabId, 0, { type: 'background→page:probe' });
    return { status: 'failed', reason: reachable ? 'no-field' : 'no-access' };
  }
  const probe = await send<ProbeResult>(tabs, request.tabId, frameId, { type: 'background→page:probe' });
  if (!probe) return { status: 'failed', reason: 'gone' };
  if (!probe.ok) return { status: 'failed', reason: probe.reason };

  const deliver = (notifyOnFailure: boolean) =>
    send<InsertResult>(tabs, request.tabId, frameId, {
      type: 'background→page:insert',
      text: request.text,
      waitForFocus: true,
      notifyOnFailure,
    }).then((result) => result ?? ({ status: 'failed', reason: 'gone' } as const));

  if (request.mode === 'after-popup-closes') {
    // The popup closes on this answer; the page then regains focus and the frame inserts,
    // telling the user itself if anything goes wrong.
    void deliver(true);
    return { status: 'pending' };
  }
  return deliver(false);
}

async function send<T>(tabs: Tabs, tabId: number, frameId: number, message: BackgroundToPage): Promise<T | undefined> {
  try {
    return (await tabs.sendMessage(tabId, message, { frameId })) as T | undefined;
  } catch {
    return undefined;
  }
}
