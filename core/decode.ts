/**
 * Turns the bytes of a user's file into text, guessing the encoding the way a
 * Chinese Windows user would expect: UTF-8 (with or without BOM), UTF-16 with a
 * BOM, or GB18030 (a superset of GBK and GB2312, what Notepad saved for years).
 * Pure: no browser API beyond TextDecoder, which Node and every browser have.
 */
import { type Container, sniffContainer } from './docx/container';

export type DecodeErrorCode = 'empty' | 'binary' | 'undecodable' | 'docx' | 'pdf';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; error: DecodeErrorCode };

const SNIFF_BYTES = 8192;

/**
 * The text of a file's bytes. `container` is what sniffContainer says of
 * them, for a caller that has already asked it (a file is sniffed once).
 */
export function decodeReportBytes(bytes: Uint8Array, container: Container | null = sniffContainer(bytes)): DecodeResult {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  if (container) return { ok: false, error: CONTAINER_ERRORS[container] };

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return finish(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(bytes.subarray(2), 'utf-16be');

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return finish(bytes, utf16);

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return checkText(utf8, 'utf-8');
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null) return checkText(gb, 'gb18030');
  return { ok: false, error: 'undecodable' };
}

function finish(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodeResult {
  const text = tryDecode(bytes, encoding) ?? (encoding === 'utf-8' ? null : utf16CodeUnits(bytes, encoding));
  if (text === null) return { ok: false, error: 'undecodable' };
  return checkText(text, encoding);
}

function checkText(
  text: string,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030',
): DecodeResult {
  if (text.replace(/[\s\u3000\ufeff]/g, '') === '') return { ok: false, error: 'empty' };
  // Control characters other than tab, line breaks and form feed do not occur in
  // a report; a few percent of them means we decoded something that is not text.
  // A stray one (a NUL left by an editor) is removed on import (core/clean-text.ts).
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  if (control > sample.length * 0.01) return { ok: false, error: 'binary' };
  return { ok: true, text, encoding };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 read unit by unit, a surrogate without its other half kept as it
 * is: the strict decoder refuses the whole file for one, and the import
 * removes it (core/clean-text.ts) and says so. Null for an odd byte count.
 */
function utf16CodeUnits(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) return null;
  const [low, high] = encoding === 'utf-16le' ? [0, 1] : [1, 0];
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = bytes[2 * i + low]! | (bytes[2 * i + high]! << 8);
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

/** What a file in a container is, to a reader of text: a Word document, a PDF, or binary data. */
const CONTAINER_ERRORS: Record<Container, DecodeErrorCode> = {
  zip: 'docx',
  pdf: 'pdf',
  'ole-encrypted': 'binary',
  'ole-word': 'binary',
  'ole-other': 'binary',
  binary: 'binary',
};

/**
 * UTF-16 without a BOM has zero bytes (ASCII, line breaks, and CJK code points
 * such as U+4E00). Decode both byte orders and keep the one that reads as text.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4 || !hasNul(bytes)) return null;
  const sample = bytes.subarray(0, n);
  let best: 'utf-16le' | 'utf-16be' | null = null;
  let bestScore = 0.9;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = new TextDecoder(encoding).decode(sample);
    const score = textLikeShare(text);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/** The share of characters a Chinese or English report is made of. */
function textLikeShare(text: string): number {
  if (text.length === 0) return 0;
  const matches = text.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\n\r\t]/g);
  return (matches?.length ?? 0) / text.length;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
