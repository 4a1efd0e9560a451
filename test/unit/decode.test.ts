import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { sniffContainer } from '../../core/docx/container';
import { encodeGb18030 } from '../helpers/gb18030';

const text = '个人党性分析报告\n一、主要差距不足\n一是学习不够。';
const utf8 = new TextEncoder().encode(text);

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}

describe('decodeReportBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeReportBytes(utf8)).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeReportBytes(withBom)).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads GBK / GB18030, what Notepad on Chinese Windows saved', () => {
    const bytes = encodeGb18030(text);
    expect(bytes.length).toBeLessThan(utf8.length);
    expect(decodeReportBytes(bytes)).toEqual({ ok: true, text, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM in either byte order, and little-endian without one', () => {
    expect(decodeReportBytes(utf16(text, true, true))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeReportBytes(utf16(text, false, true))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
    expect(decodeReportBytes(utf16(text, true, false))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses an empty file or one with only blanks', () => {
    expect(decodeReportBytes(new Uint8Array())).toEqual({ ok: false, error: 'empty' });
    expect(decodeReportBytes(new TextEncoder().encode(' \n\u3000\r\n'))).toEqual({ ok: false, error: 'empty' });
    expect(decodeReportBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses binary data', () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(decodeReportBytes(random)).toMatchObject({ ok: false });
    expect(decodeReportBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toEqual({ ok: false, error: 'binary' });
    expect(decodeReportBytes(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toEqual({ ok: false, error: 'binary' });
  });

  it('names Word and PDF files so the user knows what to do', () => {
    expect(decodeReportBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({ ok: false, error: 'docx' });
    expect(decodeReportBytes(new TextEncoder().encode('%PDF-1.7'))).toEqual({ ok: false, error: 'pdf' });
  });
});

describe('sniffContainer, the one look at a file shared by the Word reader and the text decoder', () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0]);
  const ole = (stream: string) => {
    const out = new Uint8Array(1024);
    out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...stream].forEach((ch, i) => (out[512 + 2 * i] = ch.charCodeAt(0)));
    return out;
  };

  it('tells the files a user may pick from their first bytes', () => {
    expect(sniffContainer(bytes(0x50, 0x4b, 3, 4))).toBe('zip');
    expect(sniffContainer(bytes(0x50, 0x4b, 5, 6))).toBe('zip');
    expect(sniffContainer(new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(sniffContainer(ole('EncryptedPackage'))).toBe('ole-encrypted');
    expect(sniffContainer(ole('WordDocument'))).toBe('ole-word');
    expect(sniffContainer(ole('Workbook'))).toBe('ole-other');
    expect(sniffContainer(bytes(0x89, 0x50, 0x4e, 0x47))).toBe('binary');
    expect(sniffContainer(bytes(0x1f, 0x8b))).toBe('binary');
    expect(sniffContainer(utf8)).toBeNull();
  });

  it('is asked once: the decoder takes what its caller sniffed', () => {
    expect(decodeReportBytes(utf8, null)).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeReportBytes(ole('WordDocument'))).toEqual({ ok: false, error: 'binary' });
    expect(decodeReportBytes(new TextEncoder().encode('%PDF-1.7'), 'pdf')).toEqual({ ok: false, error: 'pdf' });
  });
});
