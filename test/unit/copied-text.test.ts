/**
 * Text copied out of a PDF or a web page: line breaks the page made are
 * rejoined, page furniture is dropped, and nothing a person wrote is lost.
 */
import { describe, expect, it } from 'vitest';
import { cleanCopiedText } from '../../core/copied-text';

/** Breaks a paragraph every `width` characters, as a PDF copy does. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < paragraph.length; i += width) lines.push(paragraph.slice(i, i + width));
  return lines;
}

const body1 = '通过这次学习，我对照党章党规查找了自身存在的差距和不足，深刻认识到理论学习不够系统、工作作风不够扎实、担当作为不够有力，存在以干代学的现象。';
const body2 = '今后我将坚持把学习作为首要任务，做到学思用贯通、知信行统一，以钉钉子精神抓好整改落实，切实把学习成果转化为推动工作的实际成效。';

describe('cleanCopiedText', () => {
  it('rejoins lines a PDF broke at its width, keeping headings and short lines apart', () => {
    const lines = ['个人党性分析报告', '', '一、存在的问题', ...wrap(body1, 28), '二、整改措施', ...wrap(body2, 28)];
    expect(cleanCopiedText(lines).paragraphs).toEqual(['个人党性分析报告', '一、存在的问题', body1, '二、整改措施', body2]);
  });

  it('drops page numbers and running headers, even inside a sentence', () => {
    const first = wrap(body1, 28);
    const lines = [
      '个人党性分析报告',
      ...first.slice(0, 3),
      '',
      '第 1 页 共 2 页',
      'X县某某局',
      '',
      ...first.slice(3),
      ...wrap(body2, 28).slice(0, 2),
      '- 2 -',
      'X县某某局',
      ...wrap(body2, 28).slice(2),
      '2/2',
    ];
    const cleaned = cleanCopiedText(lines);
    expect(cleaned.paragraphs).toEqual(['个人党性分析报告', body1, body2]);
    expect(cleaned.dropped).toEqual(['第 1 页 共 2 页', 'X县某某局', '- 2 -', 'X县某某局', '2/2']);
  });

  it('keeps a running header that is also the title at the top of page one', () => {
    const lines = ['X县某某局', ...wrap(body1, 28), '第 1 页', 'X县某某局', ...wrap(body2, 28), '第 2 页'];
    const cleaned = cleanCopiedText(lines);
    expect(cleaned.paragraphs[0]).toBe('X县某某局');
    expect(cleaned.dropped).toEqual(['第 1 页', 'X县某某局', '第 2 页']);
  });

  it('rejoins a web page\'s layout break inside a sentence, and treats blank lines as paragraph ends', () => {
    const lines = ['检视剖析材料', '', '我认真查找了自身在理论学习、工作作风', '等方面的问题。', '', '一、存在的问题', '', '一是学习不深。'];
    expect(cleanCopiedText(lines).paragraphs).toEqual(['检视剖析材料', '我认真查找了自身在理论学习、工作作风等方面的问题。', '一、存在的问题', '一是学习不深。']);
  });

  it('joins a line ending in a comma or 、 whatever its length', () => {
    expect(cleanCopiedText(['报告', '做到早发现、早提醒、', '早纠正。']).paragraphs).toEqual(['报告', '做到早发现、早提醒、早纠正。']);
  });

  it('joins a title split over two lines, and never the body to the title', () => {
    expect(cleanCopiedText(['参加X县中青年干部培训班', '个人党性分析报告', '近期，我参加了学习。']).paragraphs).toEqual([
      '参加X县中青年干部培训班个人党性分析报告',
      '近期，我参加了学习。',
    ]);
  });

  it('changes nothing in a report whose lines are its paragraphs', () => {
    const lines = ['报告', '近期，我参加了学习。', '一、问题', '一是学习不够。内容。', '张某', '2026年11月20日'];
    expect(cleanCopiedText(lines)).toEqual({ paragraphs: lines, dropped: [] });
  });

  it('keeps a space between Latin words a line break separated', () => {
    expect(cleanCopiedText(['报告', '我们推广了办公系统，也就是 OA', 'system，效率更高。']).paragraphs[1]).toBe('我们推广了办公系统，也就是 OA system，效率更高。');
  });
});

describe('cleanCopiedText: what is not a copy', () => {
  it('takes no width from headings or names that happen to share a length', () => {
    const lines = ['报告', '一、理论学习方面的问题', '内容。', '二、工作作风方面的问题', '内容。', '三、纪律规矩方面的问题', '内容。', '四、联系群众方面的问题', '内容。'];
    expect(cleanCopiedText(lines).paragraphs).toEqual(lines);
  });

  it('never joins a 落款 line to the text above it', () => {
    const lines = ['报告', '内容。', '中共X县委组织部干部监督科科长、四级主任科员', '张某', '2026年11月'];
    expect(cleanCopiedText(lines).paragraphs).toEqual(lines);
  });
});

describe('cleanCopiedText: paragraphs indented on the page', () => {
  it('goes on past a sentence that ends at the edge of the page when the next line is not indented', () => {
    // The second line of p1 ends with 。 exactly at the edge; the third is a full line.
    const p1 = '这次学习使我深受教育，我系统学习了党的创新理论和党章党规党纪，认真接受了一次全面而又深刻的党性体检。按照统一要求，我结合工作实际认真查摆了自身的差距和不足。';
    const p2 = '今后我将坚持把学习作为首要任务，做到学思用贯通、知信行统一，以钉钉子精神抓好整改落实，切实把学习成果转化为推动工作的实际成效和群众的满意。';
    const page = (paragraph: string) => ['　　' + paragraph.slice(0, 24), ...wrap(paragraph.slice(24), 26)].map((line) => line.trim());
    const lines = ['报告', ...page(p1), '一、问题', ...page(p2), '二、措施', ...page(p1)];
    const joined = cleanCopiedText(lines).paragraphs;
    expect(joined).toEqual(['报告', p1, '一、问题', p2, '二、措施', p1]);
  });
});
