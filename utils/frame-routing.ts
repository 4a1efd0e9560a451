/**
 * Which frame of a tab had an editable field focused last. Every frame's
 * content script reports focus; an insertion goes to that one frame only, so
 * text is never inserted twice. Kept in session storage as well, because a
 * Chrome service worker may be stopped between the focus and the insertion.
 */
import { storage } from '@wxt-dev/storage';

type FrameMap = Record<string, number>;

const lastFocusedFrames = storage.defineItem<FrameMap>('session:lastFocusedFrames', { fallback: {} });

export async function recordFocusedFrame(tabId: number, frameId: number): Promise<void> {
  const frames = await lastFocusedFrames.getValue();
  if (frames[tabId] === frameId) return;
  await lastFocusedFrames.setValue({ ...frames, [tabId]: frameId });
}

export async function focusedFrame(tabId: number): Promise<number | undefined> {
  return (await lastFocusedFrames.getValue())[tabId];
}

export async function forgetTab(tabId: number): Promise<void> {
  const frames = await lastFocusedFrames.getValue();
  if (!(tabId in frames)) return;
  const { [tabId]: _removed, ...rest } = frames;
  await lastFocusedFrames.setValue(rest);
}
