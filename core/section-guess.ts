/**
 * What a text selected in a page is, for saving it as an entry (the
 * right-click menu's 保存为短语 / 保存为模板, issue 13): the section it was
 * taken from, read off the numbered headings above it (一、 > （一） > 1. …,
 * core/markers.ts), and a short title. Pure, so it is tested on its own.
 */
import { type Family, STRICT_RANK, matchMarker } from './markers';

/** A heading is short: a numbered line longer than this up to its first stop is a paragraph (1.坚持……，……). */
const HEADING_CHARS = 40;
const TITLE_CHARS = 24;

/** The heading a line starts with, without its numbering and closing punctuation, and its rank; null for body text. */
function headingOf(line: string): { rank: number; title: string } | null {
  const marker = matchMarker(line);
  if (!marker) return null;
  const rank = STRICT_RANK[marker.family as Family];
  if (rank === undefined) return null;
  const rest = line.slice(marker.text.length).trim();
  // A heading runs to its first full stop or colon; what follows on the line is body text.
  const lead = rest.match(/^[^。：:！？]+/)?.[0] ?? '';
  const title = lead.replace(/[；;，,\s]+$/u, '').trim();
  return title && Array.from(title).length <= HEADING_CHARS ? { rank, title } : null;
}

/**
 * The section path of text that comes right after `before`: each numbered heading above it
 * closes those of its rank or lower, so what is left open, from the top, is where it sits.
 */
export function guessSection(before: string): string[] {
  const open: { rank: number; title: string }[] = [];
  for (const raw of before.split(/\r\n|\r|\n/)) {
    const heading = headingOf(raw.trim());
    if (!heading) continue;
    while (open.length > 0 && open[open.length - 1]!.rank >= heading.rank) open.pop();
    open.push(heading);
  }
  return open.map((heading) => heading.title);
}

/** The selected text as an entry's body: its lines trimmed, blank runs closed up, no blank ends. */
export function selectionBody(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0\u3000]+$/u, '').replace(/^[ \t\u00a0]+/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A title for the saved text: its heading when it starts with one, else its first sentence, kept short. */
export function selectionTitle(body: string): string {
  const first = body.split('\n')[0]?.trim() ?? '';
  const heading = headingOf(first);
  const sentence = heading?.title ?? (first.match(/^[^。！？；]+/)?.[0] ?? first);
  const chars = Array.from(sentence.trim());
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join('')}…` : chars.join('');
}
