/**
 * Report text is cleaned where it enters: direction controls, NUL and lone
 * surrogates go, each counted, from a .txt in any encoding, a .docx and
 * pasted text alike.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../core/clean-text';
import { decodeReportBytes } from '../../core/decode';
import { readReportFile, readReportText } from '../../core/report-file';
import { craftDocx, p } from '../fixtures/docx/craft-docx';

const RLO = '\u202e';
const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

describe('cleanText', () => {
  it('removes every direction override and isolate, and counts them', () => {
    expect(cleanText(`甲${controls.join('')}乙`)).toEqual({ text: '甲乙', removed: { direction: 9, invalid: 0 } });
  });

  it('removes NUL and lone surrogates but keeps surrogate pairs, marks and ordinary controls', () => {
    const kept = '𠀀😀\u200e\u200f\u200b\t\n\u3000';
    expect(cleanText(`甲\u0000乙\ud800丙\udc00丁${kept}\ud83d`)).toEqual({ text: `甲乙丙丁${kept}`, removed: { direction: 0, invalid: 4 } });
    expect(cleanText('个人党性分析报告')).toEqual({ text: '个人党性分析报告', removed: { direction: 0, invalid: 0 } });
  });
});

describe('report import cleans the text once, whatever its source', () => {
  const dirty = `个人党性分析报告\n一、主要差距${RLO}不足\u2066\u2069\n一是学习不够\u0000。`;
  const clean = '个人党性分析报告\n一、主要差距不足\n一是学习不够。';

  it('from a UTF-8 text file, a stray NUL in a report no reason to call it binary', async () => {
    const body = '\n我们要坚持学习，不断提高政治能力。'.repeat(20);
    expect(await readReportFile(new TextEncoder().encode(dirty + body), 'a.txt')).toMatchObject({ ok: true, text: clean + body, removed: { direction: 3, invalid: 1 } });
    expect(await readReportFile(new TextEncoder().encode('甲\u0000乙\u0000'), 'a.txt')).toEqual({ ok: false, error: 'binary' });
  });

  it('from a UTF-16 file with a lone surrogate, which alone no longer refuses the file', async () => {
    const bytes = utf16le(`${clean}\ud800`);
    expect(decodeReportBytes(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(await readReportFile(bytes, 'a.txt')).toMatchObject({ ok: true, text: clean, removed: { direction: 0, invalid: 1 } });
  });

  it('from a Word document, paragraph by paragraph; a paragraph of nothing else goes', async () => {
    const docx = await craftDocx({ body: [p('个人党性分析报告'), p(`一、主要差距${RLO}不足`), p('\u2066\u2069'), p('一是学习不够。')].join('') });
    const result = await readReportFile(docx, 'a.docx');
    expect(result).toMatchObject({ ok: true, text: clean, removed: { direction: 3, invalid: 0 } });
    expect(result.ok && result.report).toEqual(clean.split('\n').map((text) => ({ text })));
  });

  it('from pasted text, held to the same size and emptiness', () => {
    expect(readReportText(dirty)).toMatchObject({ ok: true, text: clean, removed: { direction: 3, invalid: 1 } });
    expect(readReportText(` ${RLO}\u0000 `)).toEqual({ ok: false, error: 'empty' });
    expect(readReportText('长'.repeat(700_000) + '报告')).toEqual({ ok: false, error: 'text-too-long' });
  });
});
