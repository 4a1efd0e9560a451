/**
 * The reading view of a report: its paragraphs, each cut into plain runs and
 * the set phrases it contains, so the side panel can offer every paragraph and
 * every highlighted phrase for insertion with one click.
 */
import type { Entry } from './library';
import { renderBody } from './placeholders';

export type Run = { text: string } | { text: string; phrase: Entry };

export interface ReadingParagraph {
  /** The paragraph as an entry of its own (its body keeps the placeholders). */
  entry: Entry;
  runs: Run[];
}

export function readingParagraphs(whole: Entry, phrases: readonly Entry[]): ReadingParagraph[] {
  const byText = new Map<string, Entry>();
  for (const phrase of phrases) {
    const text = renderBody(phrase.body);
    if (text.length >= 2 && !byText.has(text)) byText.set(text, phrase);
  }
  // Longest phrases first, so a series wins over a pair inside it.
  const texts = [...byText.keys()].sort((a, b) => b.length - a.length);
  return whole.body.split('\n').map((body, index) => {
    const text = renderBody(body);
    return {
      entry: { ...whole, id: `${whole.id}#p${index}`, title: text.slice(0, 24), body, tags: [] },
      runs: splitRuns(text, texts, byText),
    };
  });
}

function splitRuns(text: string, phraseTexts: string[], byText: Map<string, Entry>): Run[] {
  const marks: { start: number; end: number; phrase: Entry }[] = [];
  for (const phraseText of phraseTexts) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(phraseText, from);
      if (at < 0) break;
      const end = at + phraseText.length;
      if (!marks.some((m) => at < m.end && end > m.start)) marks.push({ start: at, end, phrase: byText.get(phraseText)! });
      from = end;
    }
  }
  marks.sort((a, b) => a.start - b.start);
  const runs: Run[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) runs.push({ text: text.slice(at, mark.start) });
    runs.push({ text: text.slice(mark.start, mark.end), phrase: mark.phrase });
    at = mark.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
