/**
 * Opening Chrome's side panel or Firefox's sidebar. Both must be called while
 * handling the user's click or key press, before any other await, which is
 * why the caller passes a window id it already knows.
 */
import { browser } from 'wxt/browser';
import { isFirefox } from './platform';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

interface FirefoxSidebar {
  open(): Promise<void>;
}

export async function openSidePanel(windowId: number | undefined): Promise<boolean> {
  try {
    if (isFirefox) {
      await (browser as unknown as { sidebarAction: FirefoxSidebar }).sidebarAction.open();
      return true;
    }
    if (windowId === undefined) return false;
    await (browser as unknown as { sidePanel: ChromeSidePanel }).sidePanel.open({ windowId });
    return true;
  } catch {
    return false;
  }
}
