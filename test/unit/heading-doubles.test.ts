/**
 * A heading is a template, never also a phrase: no collection lists the same
 * heading twice, once as 模板 and again as 短语 (issue 12). Checked on the model
 * report, every report fixture, and two reports built to make doubles: one whose
 * headings run into their text (（一）争做表率方面。……), one of paragraphs only,
 * titled by their first clause.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { type Collection, buildCollection } from '../../core/library';
import { findReportPhrases } from '../../core/phrases';

const reportsDir = new URL('../fixtures/reports/', import.meta.url);
const doublesDir = new URL('../fixtures/heading-doubles/', import.meta.url);

const sources: [string, URL][] = [
  ['seed', new URL('../../data/seed-report.txt', import.meta.url)],
  ...[reportsDir, doublesDir].flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.txt'))
      .map((file): [string, URL] => [file, new URL(file, dir)]),
  ),
];

function collectionOf(url: URL): Collection {
  const decoded = decodeReportBytes(readFileSync(url));
  if (!decoded.ok) throw new Error(`${url}: ${decoded.error}`);
  return buildCollection(decoded.text, { collectionId: 'x' });
}

/** What a reader compares: the words, without numbers, punctuation or blanks. */
const words = (text: string) => text.replace(/^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十]+）|\d+[.、])/, '').replace(/[\s\p{P}]/gu, '');

/** Snippets whose words are a template title's, or hold one that makes up most of them. */
function doubles(collection: Collection): string[] {
  const titles = collection.entries.filter((e) => e.kind === 'template' && e.path.length > 0).map((e) => words(e.title));
  return collection.entries
    .filter((e) => e.kind === 'snippet')
    .map((e) => words(e.title))
    .filter((phrase) => titles.some((title) => title.length >= 2 && (phrase === title || (phrase.includes(title) && phrase.length <= title.length * 2) || (title.includes(phrase) && title.length <= phrase.length * 2))));
}

describe('no heading shown twice', () => {
  for (const [name, url] of sources) {
    it(`${name}: no snippet is a template title again`, () => {
      expect(doubles(collectionOf(url))).toEqual([]);
    });
  }

  it('a paragraph-only report: a paragraph titled by its first clause gives no snippet of that clause', () => {
    const collection = collectionOf(new URL('paragraphs-only.txt', doublesDir));
    const titles = collection.entries.filter((e) => e.kind === 'template').map((e) => e.title);
    const snippets = collection.entries.filter((e) => e.kind === 'snippet').map((e) => e.title);
    expect(titles).toContain('争做表率、勇当先锋');
    expect(titles).toContain('说实话、办实事、求实效');
    expect(snippets).not.toContain('争做表率、勇当先锋');
    expect(snippets).not.toContain('说实话、办实事、求实效');
    // A series of the body, not a title, is still a phrase.
    expect(snippets).toContain('带头学习、带头实干、带头守纪');
  });

  it('inline headings: the clause a long heading was titled from is the heading, the rest of its line is body', () => {
    const collection = collectionOf(new URL('inline-headings.txt', doublesDir));
    const item = collection.entries.find((e) => e.kind === 'template' && e.title === '带头学习')!;
    expect(item.path).toEqual(['存在的问题', '带头学习']);
    const snippets = collection.entries.filter((e) => e.kind === 'snippet').map((e) => e.title);
    expect(snippets).not.toContain('带头学习、带头实干、带头守纪');
    expect(snippets).toContain('以身作则、率先垂范');
    expect(snippets).toContain('在学习上当表率、在工作上当表率、在作风上当表率');
  });
});

describe('the heading guard of findReportPhrases', () => {
  const phrasesOf = (text: string, headings: string[]) => findReportPhrases([{ text, path: [] }], headings).map((p) => p.text);

  it('drops a phrase that is a heading with its number or its punctuation', () => {
    expect(phrasesOf('坚持说实话、办实事、求实效，取信于民。', ['三、说实话、办实事、求实效。'])).toEqual([]);
    expect(phrasesOf('坚持说实话、办实事、求实效，取信于民。', ['（二）说实话，办实事，求实效'])).toEqual([]);
  });

  it('drops a phrase that holds a heading and little more', () => {
    expect(phrasesOf('做到带头学习、带头实干、带头守纪。', ['带头学习、带头实干'])).toEqual([]);
  });

  it('keeps a phrase that only uses a heading word among its own', () => {
    expect(phrasesOf('做到带头学习、带头实干、带头守纪、带头攻坚、带头服务。', ['带头学习'])).toEqual(['带头学习、带头实干、带头守纪、带头攻坚、带头服务']);
    // A short heading (主观上) is a word, not a heading a phrase could copy.
    expect(phrasesOf('思想上、政治上、行动上', ['政治上'])).toEqual(['思想上、政治上、行动上']);
  });
});
