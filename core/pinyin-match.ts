/**
 * Matching a search term by pinyin against one string and its encoded
 * readings (the encoding: core/pinyin.ts). Each run of the term's letters
 * reads consecutive characters: a whole syllable, its initial (one letter, or
 * zh/ch/sh), or, where the term ends, any prefix of a syllable (the user is
 * still typing it); any other character of the term must be the string's own.
 * Inside a match, letters read across spaces and punctuation (`sshbss` finds
 * 说实话、办实事): nobody types the 、.
 * Runs on the readings as stored, with no dictionary and nothing allocated
 * per call: the popup calls it for every candidate of a keystroke.
 */

/** Per character: its offset in the text and its token's offset in the readings (one past the end last). */
let charAt = new Int32Array(256);
let tokenAt = new Int32Array(256);
/** (character, term position) states known to fail, marked with the current generation. */
let failed = new Uint32Array(4096);
let generation = 0;
let text = '';
let readings = '';
let term = '';
let chars = 0;
let contextOnly = false;

const H = 104;
/** c, s, z: with h they make one initial (zh, ch, sh). */
const SH_INITIALS = [99, 115, 122];
export const isLetter = (c: number) => c >= 97 && c <= 122;

/**
 * Spaces and punctuation a run of pinyin letters reads across: ASCII ones, general
 * punctuation (—, …, “”), CJK punctuation (、。《》【】), full-width forms (，！？：；（）).
 */
export function isGap(c: number): boolean {
  if (c < 0x80) return !(c >= 48 && c <= 57) && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122);
  return c === 0xb7 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x301f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65);
}

/**
 * Prepares matching `pattern` in `source` (folded) with its readings; with
 * `context`, only each character's reading in context counts. False when the
 * readings do not have one token per character.
 */
export function prepare(source: string, sourceReadings: string, pattern: string, context: boolean): boolean {
  const max = source.length + 1;
  if (charAt.length < max) {
    charAt = new Int32Array(max * 2);
    tokenAt = new Int32Array(max * 2);
  }
  let k = 0;
  let r = 0;
  for (let u = 0; u < source.length; k++) {
    if (r > sourceReadings.length) return false;
    charAt[k] = u;
    tokenAt[k] = r;
    const c = source.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < source.length ? 2 : 1;
    const space = sourceReadings.indexOf(' ', r);
    r = space < 0 ? sourceReadings.length + 1 : space + 1;
  }
  if (r !== sourceReadings.length + 1) return false;
  charAt[k] = source.length;
  tokenAt[k] = r;
  const cells = (k + 1) * (pattern.length + 1);
  if (failed.length < cells) failed = new Uint32Array(cells * 2);
  if (++generation === 0xffffffff) {
    failed.fill(0);
    generation = 1;
  }
  text = source;
  readings = sourceReadings;
  term = pattern;
  chars = k;
  contextOnly = context;
  return true;
}

/** The end (in characters) of a match of term[q..] starting at character k, or -1. */
function matchFrom(k: number, q: number): number {
  if (q === term.length) return k;
  if (k === chars) return -1;
  const cell = k * (term.length + 1) + q;
  if (failed[cell] === generation) return -1;
  let end = -1;
  const c = term.charCodeAt(q);
  if (isLetter(c)) {
    const stop = tokenAt[k + 1]! - 1;
    // Within a match (not at its start), a space or punctuation mark is read past.
    if (q > 0 && stop === tokenAt[k]! && isGap(text.charCodeAt(charAt[k]!))) end = matchFrom(k + 1, q);
    for (let r = tokenAt[k]!; r < stop && end < 0; ) {
      let next = readings.indexOf(',', r);
      if (next < 0 || next > stop) next = stop;
      end = matchReading(k, q, r, next);
      if (contextOnly) break;
      r = next + 1;
    }
  } else {
    const wanted = term.codePointAt(q)!;
    if (text.codePointAt(charAt[k]!) === wanted) end = matchFrom(k + 1, q + (wanted > 0xffff ? 2 : 1));
  }
  if (end < 0) failed[cell] = generation;
  return end;
}

/** Term letters from q read by the reading readings[r..stop) of character k. */
function matchReading(k: number, q: number, r: number, stop: number): number {
  const length = stop - r;
  let common = 0;
  while (common < length && q + common < term.length && readings.charCodeAt(r + common) === term.charCodeAt(q + common)) common++;
  if (common === 0) return -1;
  if (common === length) {
    const end = matchFrom(k + 1, q + length);
    if (end >= 0) return end;
  }
  if (q + common === term.length) return k + 1;
  if (common >= 2 && readings.charCodeAt(r + 1) === H && SH_INITIALS.includes(readings.charCodeAt(r))) {
    const end = matchFrom(k + 1, q + 2);
    if (end >= 0) return end;
  }
  return matchFrom(k + 1, q + 1);
}

/** The first match at or after character `from`, as [start, end) in characters, or null. */
export function firstMatch(from = 0): [number, number] | null {
  for (let s = from; s < chars; s++) {
    const end = matchFrom(s, 0);
    if (end >= 0) return [s, end];
  }
  return null;
}

/** The prepared string's length in characters, and a character's offset in it. */
export const preparedChars = () => chars;
export const offsetOf = (k: number) => charAt[k]!;
