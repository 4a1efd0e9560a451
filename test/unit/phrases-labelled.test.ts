/**
 * The snippets a user sees, against lists written by hand of the phrases a
 * writer of these documents would keep (test/fixtures/phrases/<name>.json, one
 * per report: `seed` for the model report, the file name for each report in
 * test/fixtures/reports/). `keep` is every phrase of the text worth a snippet,
 * `reject` notes what a finder might take and should not; both are written the
 * way the finder writes phrases (members joined by 、, clauses by ，).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { buildCollection } from '../../core/library';
import { renderBody } from '../../core/placeholders';

interface Labels {
  keep: string[];
  reject: string[];
}

interface Scored {
  name: string;
  found: string[];
  titles: Set<string>;
  labels: Labels;
  text: string;
}

const reportsDir = new URL('../fixtures/reports/', import.meta.url);
const labelsDir = new URL('../fixtures/phrases/', import.meta.url);

const sources: [string, URL][] = [
  ['seed', new URL('../../data/seed-report.txt', import.meta.url)],
  ...readdirSync(reportsDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file): [string, URL] => [file.replace(/\.txt$/, ''), new URL(file, reportsDir)]),
];

function score(name: string, url: URL): Scored {
  const decoded = decodeReportBytes(readFileSync(url));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
  const labels = JSON.parse(readFileSync(new URL(`${name}.json`, labelsDir), 'utf8')) as Labels;
  const collection = buildCollection(decoded.text, { collectionId: 'x' });
  const found = collection.entries.filter((e) => e.kind === 'snippet').map((e) => renderBody(e.body));
  const titles = new Set(collection.entries.filter((e) => e.kind === 'template').map((e) => e.title));
  return { name, found, titles, labels, text: decoded.text };
}

const scored = sources.map(([name, url]) => score(name, url));

function counts({ found, labels }: Scored) {
  const keep = new Set(labels.keep);
  const got = new Set(found);
  return {
    kept: found.filter((p) => keep.has(p)).length,
    extra: found.filter((p) => !keep.has(p)),
    missed: labels.keep.filter((p) => !got.has(p)),
  };
}

function perFile(): string {
  return scored
    .map((s) => {
      const { kept, extra, missed } = counts(s);
      const p = s.found.length ? kept / s.found.length : 1;
      const r = s.labels.keep.length ? kept / s.labels.keep.length : 1;
      return [
        `${s.name}: precision ${p.toFixed(3)} (${kept}/${s.found.length}), recall ${r.toFixed(3)} (${kept}/${s.labels.keep.length})`,
        ...extra.map((t) => `  not a keeper: ${t}`),
        ...missed.map((t) => `  missed: ${t}`),
      ].join('\n');
    })
    .join('\n');
}

describe('phrase snippets against hand-labelled lists', () => {
  it('has labels for the model report and every report fixture', () => {
    expect(scored.length).toBeGreaterThanOrEqual(8);
  });

  it('labels phrases that are in their text, each kept or rejected, not both', () => {
    for (const { name, labels, text } of scored) {
      const plain = text.replace(/\s/g, '');
      const rejected = new Set(labels.reject);
      for (const phrase of labels.keep) {
        expect(rejected.has(phrase), `${name}: ${phrase}`).toBe(false);
        for (const member of phrase.split(/[、，]/)) expect(plain.includes(member), `${name}: ${member}`).toBe(true);
      }
    }
  });

  it('finds at least 95% of the phrases a writer would keep, and at least 95% of what it finds is one', () => {
    let kept = 0;
    let found = 0;
    let wanted = 0;
    for (const s of scored) {
      kept += counts(s).kept;
      found += s.found.length;
      wanted += s.labels.keep.length;
    }
    const report = perFile();
    expect(kept / found, report).toBeGreaterThanOrEqual(0.95);
    expect(kept / wanted, report).toBeGreaterThanOrEqual(0.95);
  });

  it('gives no snippet equal to a template title', () => {
    for (const { name, found, titles } of scored) {
      expect(found.filter((p) => titles.has(p)), name).toEqual([]);
    }
  });
});
