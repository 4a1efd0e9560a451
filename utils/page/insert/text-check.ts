/** Small helpers shared by the contenteditable strategies. */

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
