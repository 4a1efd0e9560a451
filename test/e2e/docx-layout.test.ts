/**
 * The exported .docx (core/docx-write/) rendered by an office suite: writes a
 * document of plain Han characters (no punctuation, so no line-break rules
 * move a character) and the seed report, converts both to PDF with
 * LibreOffice headless, and measures the pages with poppler's
 * `pdftotext -bbox-layout`: A4, the text block at 28 mm from the left and
 * 37 mm from the top, 22 lines a page, 28 characters a line (26 after the
 * two-character indent), "— N —" page numbers 7 mm below the text block, right
 * on odd pages and left on even ones. Needs `soffice` (libreoffice-writer-nogui)
 * and `pdftotext` (poppler-utils) with CJK fonts (fonts-noto-cjk); .ci/run
 * installs them. Does not need the built extension.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../core/docx-write';
import type { DocParagraph } from '../../core/draft/document';

const PT_PER_MM = 72 / 25.4;
const PAGE = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
const BLOCK = { left: 28 * PT_PER_MM, top: 37 * PT_PER_MM, right: (210 - 26) * PT_PER_MM, bottom: (297 - 35) * PT_PER_MM };
/** The grid's line pitch: 579 twips. */
const PITCH = 579 / 20;
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
const INDENT_CHARS = 2;
/** Positions are compared within this (points): glyph side bearings, LibreOffice's rounding. */
const TOLERANCE = 1.5;
const SOFFICE_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------
// The documents

/** Han characters without punctuation, cycled: every line break is a plain wrap. */
const HAN = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇';

function plainDocument(): DocParagraph[] {
  let next = 0;
  const take = (n: number) => Array.from({ length: n }, () => HAN[next++ % HAN.length]).join('');
  const paragraphs: DocParagraph[] = [{ kind: 'title', text: '关于版式测试的报告' }];
  // Lengths that end lines anywhere: a paragraph of exactly 26, one of 26 + 28, short ones, long ones.
  for (const length of [100, 26, 54, 137, 12, 220, 81, 175, 30, 198, 63, 150, 240, 27, 119]) paragraphs.push({ kind: 'body', text: take(length) });
  paragraphs.push({ kind: 'signature', text: '某某单位' }, { kind: 'date', text: '二〇二四年一月五日' });
  return paragraphs;
}

/** The seed report (data/seed-report.txt) as a draft renders it, with its 一、 headings and a 落款. */
function seedDocument(): DocParagraph[] {
  const lines = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8')
    .replace(/##paid(?:begin|end)##/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const paragraphs: DocParagraph[] = [{ kind: 'title', text: lines[0]! }];
  for (const line of lines.slice(1)) {
    if (/^[一二三四五六七八九十]、/.test(line)) paragraphs.push({ kind: 'heading1', text: line });
    else paragraphs.push({ kind: 'body', text: line });
  }
  paragraphs.push({ kind: 'signature', text: '张三' }, { kind: 'date', text: '2024年1月5日' });
  return paragraphs;
}

// ---------------------------------------------------------------------------
// Rendering and measuring

interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

interface Row extends Box {
  /** The row's words, left to right, and their text joined. */
  words: string[];
  text: string;
}

interface Page {
  width: number;
  height: number;
  /** Text rows in the text block, top to bottom. */
  rows: Row[];
  /** Rows below the text block: the footer. */
  footer: Row[];
}

function run(command: string, args: string[], timeout = 30_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new Error(
      `${command} could not run (${result.error.message}); install libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk (see .ci/run)`,
    );
  }
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

const decodeEntities = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);

/** The PDF's pages as rows of words (pdftotext -bbox-layout; origin top-left, points). */
function measure(pdf: string): Page[] {
  const xhtml = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const pages: Page[] = [];
  for (const match of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...match[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((word) => ({ xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), text: decodeEntities(word[5]!) }))
      .sort((a, b) => a.yMax - b.yMax);
    // A row: words whose boxes end at about the same height (pdftotext splits a
    // spaced row into several lines, and fonts differ in their descent).
    const groups: (Box & { text: string })[][] = [];
    for (const word of words) {
      const group = groups[groups.length - 1];
      if (group && word.yMax - group[0]!.yMax <= 3) group.push(word);
      else groups.push([word]);
    }
    const rows = groups.map((group): Row => {
      const sorted = [...group].sort((a, b) => a.xMin - b.xMin);
      return {
        words: sorted.map((word) => word.text),
        text: sorted.map((word) => word.text).join(''),
        xMin: Math.min(...group.map((word) => word.xMin)),
        xMax: Math.max(...group.map((word) => word.xMax)),
        yMin: Math.min(...group.map((word) => word.yMin)),
        yMax: Math.max(...group.map((word) => word.yMax)),
      };
    });
    pages.push({
      width: Number(match[1]),
      height: Number(match[2]),
      rows: rows.filter((row) => row.yMin < BLOCK.bottom),
      footer: rows.filter((row) => row.yMin >= BLOCK.bottom),
    });
  }
  return pages;
}

/** The line of the grid a row sits on, 0–21: its box ends at the bottom of that line. */
function slotOf(row: Row): number {
  return Math.round((row.yMax - BLOCK.top) / PITCH) - 1;
}

/**
 * The pages a 22 × 28 layout gives: each paragraph's lines (the first
 * 2 characters in, except the title and the 落款), a blank line after the
 * title and before the 落款, 22 lines a page. Each page: [line, text] per row.
 */
function idealPages(paragraphs: DocParagraph[]): [number, string][][] {
  const lines: (string | null)[] = [];
  paragraphs.forEach((paragraph, i) => {
    const previous = paragraphs[i - 1];
    const closing = (p?: DocParagraph) => p?.kind === 'signature' || p?.kind === 'date';
    if ((previous?.kind === 'title' && paragraph.kind !== 'title') || (closing(paragraph) && previous && !closing(previous))) lines.push(null);
    const text = paragraph.text + (paragraph.tail ?? '');
    if (paragraph.kind === 'title' || closing(paragraph)) {
      lines.push(text);
      return;
    }
    let rest = text;
    let width = CHARS_PER_LINE - INDENT_CHARS;
    while (rest !== '') {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      width = CHARS_PER_LINE;
    }
  });
  const pages: [number, string][][] = [];
  lines.forEach((line, i) => {
    const page = Math.floor(i / LINES_PER_PAGE);
    pages[page] ??= [];
    if (line !== null) pages[page]!.push([i % LINES_PER_PAGE, line]);
  });
  return pages;
}

let workDir = '';
const rendered: Record<'plain' | 'seed', { paragraphs: DocParagraph[]; pages: Page[] }> = {
  plain: { paragraphs: plainDocument(), pages: [] },
  seed: { paragraphs: seedDocument(), pages: [] },
};

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'bixia-docx-layout-'));
  const files: string[] = [];
  for (const [name, document] of Object.entries(rendered)) {
    const path = join(workDir, `${name}.docx`);
    writeFileSync(path, await writeDocx(document.paragraphs, { title: name, modifiedAt: Date.UTC(2024, 0, 5) }));
    files.push(path);
  }
  // A private profile: a running LibreOffice (or a stale lock) cannot interfere.
  const profile = pathToFileURL(join(workDir, 'profile')).href;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', workDir, ...files], SOFFICE_TIMEOUT_MS);
  for (const name of Object.keys(rendered) as (keyof typeof rendered)[]) rendered[name].pages = measure(join(workDir, `${name}.pdf`));
}, SOFFICE_TIMEOUT_MS + 30_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

describe.each(['plain', 'seed'] as const)('the %s document rendered by LibreOffice', (name) => {
  const pages = () => rendered[name].pages;

  it('is A4 throughout', () => {
    expect(pages().length).toBeGreaterThanOrEqual(3);
    for (const page of pages()) {
      expect(page.width).toBeCloseTo(PAGE.width, 0);
      expect(page.height).toBeCloseTo(PAGE.height, 0);
    }
  });

  it('holds 22 lines on every full page, each on the 28.95 pt grid below the 37 mm margin', () => {
    pages().forEach((page, i) => {
      const slots = page.rows.map(slotOf);
      expect(new Set(slots).size, `page ${i + 1}: one row a line`).toBe(slots.length);
      expect(Math.min(...slots), `page ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(Math.max(...slots), `page ${i + 1}`).toBeLessThan(LINES_PER_PAGE);
      if (i < pages().length - 1) expect(Math.max(...slots), `page ${i + 1} is full: its last row on line 22`).toBe(LINES_PER_PAGE - 1);
      for (const row of page.rows.filter((r) => r.yMax - r.yMin < 22)) {
        // A 16 pt row's box ends at the bottom of its line.
        expect(Math.abs(row.yMax - (BLOCK.top + (slotOf(row) + 1) * PITCH)), `page ${i + 1} "${row.text}"`).toBeLessThan(TOLERANCE);
        expect(row.yMax).toBeLessThan(BLOCK.bottom + TOLERANCE);
      }
    });
  });

  it('starts lines at 28 mm and indents paragraphs two characters', () => {
    const bodyRows = pages().flatMap((page) => page.rows.filter((row) => row.yMax - row.yMin < 22));
    const starts = bodyRows.map((row) => row.xMin);
    const flush = starts.filter((x) => Math.abs(x - BLOCK.left) < TOLERANCE);
    const indented = starts.filter((x) => Math.abs(x - (BLOCK.left + INDENT_CHARS * 16)) < TOLERANCE);
    expect(flush.length).toBeGreaterThan(10);
    expect(indented.length).toBeGreaterThan(5);
    // Besides the right-aligned 落款, every row starts at one of the two.
    expect(bodyRows.length - flush.length - indented.length).toBeLessThanOrEqual(2);
    for (const row of bodyRows) expect(row.xMax, row.text).toBeLessThan(BLOCK.right + 16);
  });

  it('numbers every page "— N —" 7 mm below the text block, right on odd pages and left on even ones', () => {
    pages().forEach((page, i) => {
      const number = i + 1;
      expect(page.footer, `page ${number}`).toHaveLength(1);
      const footer = page.footer[0]!;
      expect(footer.words, `page ${number}`).toEqual(['\u2014', String(number), '\u2014']);
      // The dashes sit at the middle of the 14 pt line.
      expect(Math.abs((footer.yMin + footer.yMax) / 2 - (BLOCK.bottom + 7 * PT_PER_MM)), `page ${number}`).toBeLessThan(TOLERANCE);
      // One 14 pt character in from the text block's edge.
      if (number % 2 === 1) expect(Math.abs(footer.xMax - (BLOCK.right - 14)), `page ${number}`).toBeLessThan(TOLERANCE);
      else expect(Math.abs(footer.xMin - (BLOCK.left + 14)), `page ${number}`).toBeLessThan(TOLERANCE);
    });
  });
});

describe('the plain Han document rendered by LibreOffice', () => {
  it('sets exactly the 22 × 28 layout: every full line 28 characters, 26 after the indent', () => {
    const { paragraphs, pages } = rendered.plain;
    const ideal = idealPages(paragraphs);
    const actual = pages.map((page) => page.rows.map((row): [number, string] => [slotOf(row), row.text]));
    expect(actual.length).toBe(ideal.length);
    // Row by row: which line of the page, and its characters.
    for (let i = 0; i < ideal.length; i++) expect(actual[i], `page ${i + 1}`).toEqual(ideal[i]);
    const full = ideal.flat().filter(([, text]) => text.length === CHARS_PER_LINE);
    expect(full.length).toBeGreaterThan(30);
  });
});

describe('the seed report rendered by LibreOffice', () => {
  it('keeps every line of a paragraph but its last at 28 characters, give or take a punctuation mark', () => {
    const { paragraphs, pages } = rendered.seed;
    const rows = pages.flatMap((page) => page.rows);
    let r = 0;
    let exact = 0;
    let full = 0;
    for (const paragraph of paragraphs) {
      const text = paragraph.text + (paragraph.tail ?? '');
      const own: Row[] = [];
      let joined = '';
      while (joined.length < text.length && r < rows.length) {
        own.push(rows[r]!);
        joined += rows[r++]!.text;
      }
      expect(joined, 'the rows hold the paragraph').toBe(text);
      if (paragraph.kind === 'title') continue;
      own.slice(0, -1).forEach((row, i) => {
        full++;
        const length = [...row.text].length;
        const expected = i === 0 ? CHARS_PER_LINE - INDENT_CHARS : CHARS_PER_LINE;
        if (length === expected) exact++;
        // Line-breaking rules (no 。 at a line's start, no “ at its end) and half-width letters move a character.
        else expect(Math.abs(length - expected), row.text).toBe(1);
      });
    }
    expect(r).toBe(rows.length);
    expect(full).toBeGreaterThan(60);
    expect(exact / full).toBeGreaterThan(0.8);
  });
});
