/**
 * Reports of the genre that the parser was not developed on (test/fixtures/reports),
 * each numbered in its own way, against outlines written by hand beside them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { buildCollection } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { type ReportNode, documentText, normalizeReportText, parseReport } from '../../core/report-parser';

interface ExpectedItem {
  title: string;
  items: ExpectedItem[];
}

interface Expected {
  title: string;
  sections: ExpectedItem[];
  phrases: string[];
}

const dir = new URL('../fixtures/reports/', import.meta.url);
const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));

function toExpected(node: ReportNode): ExpectedItem[] {
  return node.children.map((child) => ({ title: child.title, items: toExpected(child) }));
}

describe('reports of the genre numbered in other ways', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of names) {
    describe(name, () => {
      const decoded = decodeReportBytes(readFileSync(new URL(name, dir)));
      const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected;
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      const report = parseReport(decoded.text);

      it('reads the title and the outline', () => {
        expect(report.title).toBe(expected.title);
        expect(toExpected(report.root)).toEqual(expected.sections);
      });

      it('keeps every character of the cleaned text', () => {
        expect(documentText(report)).toBe(normalizeReportText(decoded.text).join('\n'));
        expect(documentText(report)).not.toMatch(/##paid|\ufeff|\r/);
      });

      it('finds the set phrases written into it', () => {
        const collection = buildCollection(decoded.text, { collectionId: 'fixture' });
        const snippets = collection.entries.filter((e) => e.kind === 'snippet').map((e) => renderBody(e.body));
        for (const phrase of expected.phrases) expect(snippets).toContain(phrase);
      });
    });
  }
});
