/**
 * The shortcuts the welcome page shows, as the browser has them now: a
 * user who changed a binding sees their own. Pure, so it is tested without a browser.
 */

/** What commands.getAll() gives for one command. */
export interface CommandInfo {
  name?: string;
  shortcut?: string;
}

export interface ShortcutRow {
  /** open-popup: the toolbar button's popup; open-side-panel: Chrome's side panel or Firefox's sidebar; open-picker: the search box at the caret. */
  action: 'open-popup' | 'open-side-panel' | 'open-picker';
  /** The keys, or '' when the user removed the binding. */
  keys: string;
}

/** Chrome's side panel has our own command; Firefox's sidebar, the built-in one (wxt.config.ts). */
const COMMANDS: Record<string, ShortcutRow['action']> = {
  _execute_action: 'open-popup',
  'open-side-panel': 'open-side-panel',
  _execute_sidebar_action: 'open-side-panel',
  'open-picker': 'open-picker',
};

export function shortcutRows(commands: readonly CommandInfo[]): ShortcutRow[] {
  const rows: ShortcutRow[] = [];
  for (const action of ['open-popup', 'open-side-panel', 'open-picker'] as const) {
    const command = commands.find((c) => c.name !== undefined && COMMANDS[c.name] === action);
    if (command) rows.push({ action, keys: command.shortcut ?? '' });
  }
  return rows;
}
