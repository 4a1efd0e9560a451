/** Small helpers shared by the strategies. */

/** How long an editor may take to show text it took (Lexical, Slate, Draft and Monaco draw after the event). */
const SETTLE_MS = 1000;

/** The user's text as HTML text: every character that could be markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether the region now holds the text (line breaks become element boundaries). */
export function tookText(before: string, after: string, text: string): boolean {
  if (after === before) return false;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  const last = lines[lines.length - 1] ?? '';
  return squash(after).includes(squash(first)) && squash(after).includes(squash(last));
}

/** Polls a condition until it holds or the editor has had its time to settle; whether it held. */
export function waitFor(win: Window, condition: () => boolean): Promise<boolean> {
  const start = Date.now();
  return new Promise((resolve) => {
    const check = () => {
      if (condition()) resolve(true);
      else if (Date.now() - start > SETTLE_MS) resolve(false);
      else win.setTimeout(check, 20);
    };
    check();
  });
}
