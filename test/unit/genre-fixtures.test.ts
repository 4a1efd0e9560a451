/**
 * Reports of the genre that the parser was not developed on (test/fixtures/reports),
 * each written or copied in its own way, against outlines written by hand beside them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { buildCollection } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { documentText, parseReport } from '../../core/report-parser';
import { type Expected, framePart, outlineOf } from '../fixtures/reports/expected';

const dir = new URL('../fixtures/reports/', import.meta.url);
const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));

/** The text with every blank gone: what a reader sees, whatever the line breaks. */
function ink(text: string): string {
  return text.replace(/[\s\u3000\u00a0\ufeff\u200b]|##paid(?:begin|end)##/g, '');
}

describe('reports of the genre written and copied in other ways', () => {
  it('has fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(23);
  });

  for (const name of names) {
    describe(name, () => {
      const decoded = decodeReportBytes(readFileSync(new URL(name, dir)));
      const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected;
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      const report = parseReport(decoded.text);

      it('reads the title and the outline', () => {
        expect(report.title).toBe(expected.title);
        expect(outlineOf(report.root)).toEqual(expected.sections);
      });

      it('reads the opening, the closing and the 落款 as parts of their own', () => {
        expect(framePart(report, 'opening')).toBe(expected.opening ?? null);
        expect(framePart(report, 'closing')).toBe(expected.closing ?? null);
        expect(framePart(report, 'signature')?.split('\n') ?? null).toEqual(expected.signature ?? null);
      });

      it('drops page furniture and nothing a person wrote', () => {
        expect(report.dropped).toEqual(expected.dropped ?? []);
        // Take each dropped line out once, matching from the end (a running header may
        // repeat the title, which stays): what is left is every character of the document.
        let source = ink(decoded.text);
        for (const line of report.dropped.map(ink).reverse()) {
          const at = source.lastIndexOf(line);
          expect(at).toBeGreaterThanOrEqual(0);
          source = source.slice(0, at) + source.slice(at + line.length);
        }
        expect(ink(documentText(report))).toBe(source);
        expect(documentText(report)).toBe(report.paragraphs.join('\n'));
      });

      it('renders the whole-report template back to the document', () => {
        const collection = buildCollection(decoded.text, { collectionId: 'fixture' });
        expect(renderBody(collection.entries[0]!.body)).toBe(documentText(report));
      });

      it('finds the set phrases written into it', () => {
        const collection = buildCollection(decoded.text, { collectionId: 'fixture' });
        const snippets = collection.entries.filter((e) => e.kind === 'snippet').map((e) => renderBody(e.body));
        for (const phrase of expected.phrases) expect(snippets).toContain(phrase);
      });
    });
  }
});
