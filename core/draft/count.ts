/**
 * Length as the genre counts it: characters, not words. Every character
 * counts once — a Han character, a punctuation mark, a digit, a Latin letter —
 * and white space does not, as Word's 字数 (characters, no spaces) counts a
 * Chinese text.
 */
const SPACE = /[\s\u3000\u00a0\u200b\ufeff]/u;

export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!SPACE.test(ch)) n++;
  return n;
}
