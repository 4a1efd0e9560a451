/** Saving a text selected in a page: the section it came from, its body and its title (core/section-guess.ts). */
import { describe, expect, it } from 'vitest';
import { guessSection, selectionBody, selectionTitle } from '../../core/section-guess';

const REPORT = [
  '关于个人党性分析的报告',
  '一、存在的主要问题',
  '（一）理论学习方面。对党的创新理论学得不够深入，学用结合不紧。',
  '1.学习不够系统',
  '平时学习零打碎敲。',
  '（二）担当作为方面',
  '遇到矛盾绕着走。',
].join('\n');

describe('the section a selection was taken from', () => {
  it('is the numbered headings still open above it, from the top, numbering and closing marks removed', () => {
    expect(guessSection(REPORT)).toEqual(['存在的主要问题', '担当作为方面']);
    expect(guessSection(REPORT.split('\n').slice(0, 5).join('\n'))).toEqual(['存在的主要问题', '理论学习方面', '学习不够系统']);
  });

  it('closes a section when the next one of its rank or above begins', () => {
    expect(guessSection(`${REPORT}\n二、产生问题的原因\n`)).toEqual(['产生问题的原因']);
  });

  it('is empty above any heading, and ignores paragraph leads such as 一是', () => {
    expect(guessSection('开头一段话。\n一是学习不够。')).toEqual([]);
    expect(guessSection('')).toEqual([]);
  });
});

describe("the saved text's body and title", () => {
  it('keeps line breaks, trims each line, closes up blank runs', () => {
    expect(selectionBody('  第一行。  \n\n\n\n第二行。\u3000\n')).toBe('第一行。\n\n第二行。');
    expect(selectionBody(' \n ')).toBe('');
  });

  it('titles it by its heading, else its first sentence, kept short', () => {
    expect(selectionTitle('（二）担当作为方面\n遇到矛盾绕着走。')).toBe('担当作为方面');
    expect(selectionTitle('遇到矛盾绕着走。碰到难题往后退。')).toBe('遇到矛盾绕着走');
    expect(Array.from(selectionTitle('长'.repeat(50))).length).toBe(24);
  });
});
