/**
 * The frame of a report: the opening before its first section, the closing
 * that hands it over (以上发言，请同志们批评帮助。), and the 落款 (unit, name,
 * date) under it. Found on the parser's blocks, so that each becomes a part of
 * its own rather than the last section's tail.
 */
import type { Marker } from './markers';

/** What the frame needs to know of a block of the report. */
export interface FrameBlock {
  text: string;
  /** True when the block starts a paragraph. */
  newLine: boolean;
  marker: Marker | null;
  /** A heading level from the source's styles. */
  level?: number;
}

/** A closing paragraph: the writer hands the report over and asks for criticism. */
/** How a closing sentence opens when it looks back on the report: 以上发言, 以上是我的…. */
export const LOOKING_BACK = '以上(?:发言|是我|就是|为|汇报|报告|检查|对照|剖析|材料|所述|情况)';
const CLOSING_RE = new RegExp(`批评指正|批评帮助|批评指导|帮助指正|不妥之处|不当之处|不足之处|恳请|敬请|请各位|请同志们|${LOOKING_BACK}`);
/** A line that is a date alone, in Arabic or Chinese numerals: 2026年11月20日, 二〇二六年十月. */
export const DATE_LINE_RE = /^[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年(?:\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*月)?(?:\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*[日号])?$/;
const PERSON_RE = /^(?:发言人|汇报人|报告人|检查人|剖析人|姓名|署名|签名)\s*[：:]/;
const MAX_SIGNATURE_LINE = 30;
const MAX_SIGNATURE_LINES = 4;
const MAX_CLOSING_PARAGRAPHS = 3;
/** A closing hands the report over in a sentence or two; a long paragraph that asks for criticism is content. */
const MAX_CLOSING_LENGTH = 300;

export interface Frame {
  /** The first block of the body (after the title and opening). */
  bodyStart: number;
  closingStart: number;
  signatureStart: number;
}

export function findFrame(blocks: readonly FrameBlock[], firstBodyBlock: number): Frame {
  const isStructure = (b: FrameBlock) => b.marker !== null || b.level !== undefined;
  let firstStructure = blocks.findIndex((b, i) => i >= firstBodyBlock && isStructure(b));
  const lastStructure = blocks.findLastIndex(isStructure);

  // The 落款: short lines at the very end with a date or a name line among them.
  let signatureStart = blocks.length;
  let sawSignature = false;
  for (let i = blocks.length - 1; i > Math.max(lastStructure, firstBodyBlock - 1); i--) {
    const b = blocks[i]!;
    if (!b.newLine || blocks.length - i > MAX_SIGNATURE_LINES) break;
    if (b.text.length > MAX_SIGNATURE_LINE || /[。！？!?；;，,]/.test(b.text) || CLOSING_RE.test(b.text)) break;
    if (DATE_LINE_RE.test(b.text) || PERSON_RE.test(b.text)) sawSignature = true;
    signatureStart = i;
  }
  if (!sawSignature) signatureStart = blocks.length;

  // The closing: from the first paragraph after the last section's content that hands the report over.
  let closingStart = signatureStart;
  const afterLast = Math.max(lastStructure + 1, firstBodyBlock);
  let paragraphsLeft = 0;
  for (let i = afterLast; i < signatureStart; i++) if (blocks[i]!.newLine) paragraphsLeft++;
  for (let i = afterLast; i < signatureStart; i++) {
    if (!blocks[i]!.newLine) continue;
    // A closing is the last word or two, not a paragraph that happens to say 恳请 mid-report.
    if (paragraphsLeft-- > MAX_CLOSING_PARAGRAPHS) continue;
    if (blocks[i]!.text.length <= MAX_CLOSING_LENGTH && CLOSING_RE.test(blocks[i]!.text)) {
      closingStart = i;
      break;
    }
  }
  if (firstStructure < 0 || firstStructure >= closingStart) firstStructure = firstBodyBlock;
  return { bodyStart: firstStructure, closingStart, signatureStart };
}
