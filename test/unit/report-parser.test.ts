import { describe, expect, it } from 'vitest';
import {
  type ReportNode,
  documentText,
  normalizeReportText,
  parseReport,
} from '../../core/report-parser';

type Outline = (string | [string, Outline])[];

/** The tree as titles: a leaf is its title, a node with children is [title, children]. */
function outline(text: string): Outline {
  const toOutline = (node: ReportNode): Outline =>
    node.children.map((child) => (child.children.length ? [child.title, toOutline(child)] : child.title));
  return toOutline(parseReport(text).root);
}

describe('normalizeReportText', () => {
  it('removes a BOM, accepts CRLF and CR, trims full-width and other indentation, drops blank lines', () => {
    const raw = '\ufeff标题\r\n\r\n\u3000\u3000第一段。\r\t第二段。 \u00a0\n\n\u2003第三段。\u3000';
    expect(normalizeReportText(raw)).toEqual(['标题', '第一段。', '第二段。', '第三段。']);
  });

  it('removes ##paidbegin## / ##paidend## markers on their own line or before text, keeping the text', () => {
    const raw = '标题\n##paidbegin##二、成因分析\n正文。##paidend##\n##paidend##\n##PAIDBEGIN##\n结尾。';
    expect(normalizeReportText(raw)).toEqual(['标题', '二、成因分析', '正文。', '结尾。']);
  });

  it('removes zero-width spaces that pasted text often carries', () => {
    expect(normalizeReportText('一、\u200b问题')).toEqual(['一、问题']);
  });
});

describe('parseReport: numbering conventions', () => {
  it('reads 一、 sections with 一是 / 二是 paragraph leads', () => {
    const text = '个人党性分析报告\n一、存在的问题\n一是学习不够深入。具体表现。\n二是作风不够扎实。具体表现。\n二、整改措施\n一是加强学习。内容。';
    expect(outline(text)).toEqual([
      ['存在的问题', ['学习不够深入', '作风不够扎实']],
      ['整改措施', ['加强学习']],
    ]);
  });

  it('reads 第一，第二， as top-level sections', () => {
    const text =
      '对照检查材料\n第一，对照党章党规找差距。\n一是理想信念有所弱化。内容。\n二是宗旨意识有所淡化。内容。\n第二，剖析问题产生的根源。\n思想上的原因较多。\n第三，今后的努力方向。\n首先，加强理论武装。内容。\n其次，改进工作作风。内容。\n最后，严守纪律规矩。内容。';
    expect(outline(text)).toEqual([
      ['对照党章党规找差距', ['理想信念有所弱化', '宗旨意识有所淡化']],
      '剖析问题产生的根源',
      ['今后的努力方向', ['加强理论武装', '改进工作作风', '严守纪律规矩']],
    ]);
  });

  it('nests （一） under 一、 and 1. / 1、 / 1． under （一）', () => {
    const text = [
      '检视剖析材料',
      '一、存在的主要问题',
      '（一）理论学习方面',
      '1.学习的系统性不够。内容。',
      '2、学习的深度不够。内容。',
      '（二）工作作风方面',
      '1．调查研究不够深入。内容。',
      '二、整改措施',
      '（一）强化理论武装',
    ].join('\n');
    expect(outline(text)).toEqual([
      [
        '存在的主要问题',
        [
          ['理论学习方面', ['学习的系统性不够', '学习的深度不够']],
          ['工作作风方面', ['调查研究不够深入']],
        ],
      ],
      ['整改措施', ['强化理论武装']],
    ]);
  });

  it('nests (1) / （1） with half- and full-width parentheses, and ① inside them', () => {
    const text = [
      '发言提纲',
      '一、查摆的问题',
      '(1)政治站位不够高。内容。',
      '（2）担当作为不够。内容。',
      '①攻坚克难的劲头不足。内容。',
      '②开拓创新的意识不强。内容。',
      '（3）纪律意识不够强。内容。',
    ].join('\n');
    expect(outline(text)).toEqual([
      [
        '查摆的问题',
        ['政治站位不够高', ['担当作为不够', ['攻坚克难的劲头不足', '开拓创新的意识不强']], '纪律意识不够强'],
      ],
    ]);
  });

  it('reads 一要 / 二要 and 首先 / 其次 / 再次 / 最后 leads', () => {
    const text = '提纲\n一、努力方向\n一要坚定理想信念。内容。\n二要锤炼过硬作风。内容。\n二、具体举措\n首先，抓学习。内容。\n其次，抓落实。内容。\n再次，抓队伍。内容。\n最后，抓廉政。内容。';
    expect(outline(text)).toEqual([
      ['努力方向', ['坚定理想信念', '锤炼过硬作风']],
      ['具体举措', ['抓学习', '抓落实', '抓队伍', '抓廉政']],
    ]);
  });

  it('reads group labels such as 主观上： / 客观上：, each holding its own 一是 / 二是', () => {
    const text = '报告\n二、成因分析\n主观上：一是学习放松。内容。二是压力大。内容。\n客观上：一是环境制约。内容。二是任务繁重。内容。';
    expect(outline(text)).toEqual([
      [
        '成因分析',
        [
          ['主观上', ['学习放松', '压力大']],
          ['客观上', ['环境制约', '任务繁重']],
        ],
      ],
    ]);
  });

  it('reads a group label alone on its line followed by its items', () => {
    const text = '报告\n一、问题根源\n主观原因：\n一是放松学习。内容。\n二是宗旨淡化。内容。\n客观原因：\n一是任务繁重。内容。';
    expect(outline(text)).toEqual([
      ['问题根源', [['主观原因', ['放松学习', '宗旨淡化']], ['客观原因', ['任务繁重']]]],
    ]);
  });

  it('uses （一） as the top level when a report has no 一、', () => {
    const text = '发言提纲\n（一）学习方面\n1.学得不深。内容。\n（二）工作方面\n1.干得不实。内容。';
    expect(outline(text)).toEqual([
      ['学习方面', ['学得不深']],
      ['工作方面', ['干得不实']],
    ]);
  });

  it('keeps 第一，第二， nested when they lead paragraphs inside a 一、 section', () => {
    const text = '报告\n一、存在问题\n第一，学习不够。内容。\n第二，作风不实。内容。\n二、整改措施\n第一，加强学习。内容。';
    expect(outline(text)).toEqual([
      ['存在问题', ['学习不够', '作风不实']],
      ['整改措施', ['加强学习']],
    ]);
  });

  it('puts 第一部分 / 第二部分 above 一、', () => {
    const text = '检视剖析材料\n第一部分 存在的问题\n一、政治方面\n一是学习不够。内容。\n二、作风方面\n第二部分 整改措施\n一、加强学习';
    expect(outline(text)).toEqual([
      ['存在的问题', [['政治方面', ['学习不够']], '作风方面']],
      ['整改措施', ['加强学习']],
    ]);
  });

  it('accepts 一. and 一． as well as 一、, and full-width digits', () => {
    expect(outline('报告\n一．问题\n１．学习不够。内容。\n二. 措施\n２、加强学习。')).toEqual([
      ['问题', ['学习不够']],
      ['措施', ['加强学习']],
    ]);
  });

  it('reads numbers past ten: 十一、 and 11.', () => {
    const sections = Array.from({ length: 12 }, (_, i) => `${'一二三四五六七八九十'[i] ?? (i === 10 ? '十一' : '十二')}、第${i + 1}节`);
    sections[10] = '十一、第11节';
    sections[11] = '十二、第12节';
    const result = outline(['报告', ...sections].join('\n'));
    expect(result).toHaveLength(12);
    expect(result[11]).toBe('第12节');
  });
});

describe('parseReport: headings that run into their body', () => {
  it('splits "一是……。虽然……" into the heading and its body', () => {
    const report = parseReport('报告\n一、差距\n一是创新思维能力还需进一步提升。虽然我一直注重学习。');
    const item = report.root.children[0]!.children[0]!;
    expect(item.title).toBe('创新思维能力还需进一步提升');
    expect(item.text).toBe('一是创新思维能力还需进一步提升。虽然我一直注重学习。');
  });

  it('splits "（一）理论学习方面。1.学习的系统性不够。…" into three levels on one line', () => {
    const text = '报告\n一、问题\n（一）理论学习方面。1.学习的系统性不够。平时学得少。2.学习的深度不够。浅尝辄止。\n（二）作风方面。1.调研不够。内容。';
    expect(outline(text)).toEqual([
      [
        '问题',
        [
          ['理论学习方面', ['学习的系统性不够', '学习的深度不够']],
          ['作风方面', ['调研不够']],
        ],
      ],
    ]);
    const report = parseReport(text);
    const theory = report.root.children[0]!.children[0]!;
    expect(theory.text).toBe('（一）理论学习方面。1.学习的系统性不够。平时学得少。2.学习的深度不够。浅尝辄止。');
    expect(theory.children[1]!.text).toBe('2.学习的深度不够。浅尝辄止。');
  });

  it('takes a short first clause as the title of a long heading sentence', () => {
    const long = `1、在理论学习上，${'存在学用脱节的问题'.repeat(8)}。`;
    const report = parseReport(`报告\n一、问题\n${long}`);
    expect(report.root.children[0]!.children[0]!.title).toBe('在理论学习上');
  });

  it('does not split "一是" words inside a sentence or an enumeration in a plain paragraph', () => {
    const text = '报告\n一、问题\n我的问题一是学习不够，二是作风不实。这是总体情况。';
    const report = parseReport(text);
    expect(report.root.children[0]!.children).toHaveLength(0);
  });
});

describe('parseReport: the document around the sections', () => {
  it('takes the first short line as the title and keeps the intro out of the sections', () => {
    const report = parseReport('我的党性分析报告\n近期，我参加了学习。\n一、问题\n内容。');
    expect(report.title).toBe('我的党性分析报告');
    expect(report.hasTitleLine).toBe(true);
    expect(report.root.children.map((node) => node.type)).toEqual(['opening', 'heading']);
    expect(report.root.children[0]!.text).toBe('近期，我参加了学习。');
    expect(report.root.children[1]!.text).toBe('一、问题\n内容。');
  });

  it('falls back to the given title when the first line is a sentence', () => {
    const report = parseReport('近期，我参加了学习，收获很大。\n一、问题\n内容。', { fallbackTitle: '我的报告' });
    expect(report.title).toBe('我的报告');
    expect(report.hasTitleLine).toBe(false);
  });

  it('gives the closing paragraph, signature and date to the whole report, not the last section', () => {
    const text = '报告\n一、问题\n一是学习不够。内容。\n二、措施\n一是加强学习。内容。\n以上是我的个人党性分析，不妥之处，请批评指正。\n张三\n2024年5月20日';
    const report = parseReport(text);
    const last = report.root.children[1]!;
    expect(last.text).toBe('二、措施\n一是加强学习。内容。');
  });

  it('gives a paragraph after a section\'s numbered leads to the section, not to its last lead', () => {
    const text = '报告\n一、措施\n一是加强学习。内容。\n二是改进作风。内容。\n总之，我将以此为新的起点。\n二、其他\n内容。';
    const report = parseReport(text);
    const measures = report.root.children[0]!;
    expect(measures.children[1]!.text).toBe('二是改进作风。内容。');
    expect(measures.text).toContain('总之，我将以此为新的起点。');
  });

  it('rebuilds the whole normalised document from its blocks', () => {
    const text = '\ufeff报告\r\n\u3000\u3000一、问题\r\n主观上：一是甲。乙。二是丙。\r\n##paidbegin##二、措施\r\n（一）学习。1.多读书。2.多思考。\r\n##paidend##';
    const report = parseReport(text);
    expect(documentText(report)).toBe(normalizeReportText(text).join('\n'));
  });

  it('handles a report with no numbering at all', () => {
    const report = parseReport('心得体会\n第一段内容。\n第二段内容。');
    expect(report.root.children).toEqual([]);
    expect(documentText(report)).toBe('心得体会\n第一段内容。\n第二段内容。');
  });

  it('does not take ordinary words for numbering', () => {
    const text = '报告\n一、问题\n第一时间赶到现场。\n1.5万元的项目。\n一要素不全。\n首先是思想问题，然后是作风问题。';
    const report = parseReport(text);
    expect(report.root.children[0]!.children).toEqual([]);
  });
});

describe('parseReport: items written inside a paragraph', () => {
  it('splits "……还有差距。一是……二是……" into the section intro and its items', () => {
    const report = parseReport('报告\n一、存在的问题\n对照要求，我还有差距。一是学习不够深入。平时学得少。二是作风不够扎实。调研少。');
    const section = report.root.children[0]!;
    expect(section.children.map((item) => item.title)).toEqual(['学习不够深入', '作风不够扎实']);
    expect(section.ownText).toContain('对照要求，我还有差距。');
    expect(section.children[1]!.text).toBe('二是作风不够扎实。调研少。');
  });

  it('splits after a lead-in colon and for 首先/其次 and 第一，/第二，', () => {
    expect(outline('报告\n一、问题\n具体表现在：一是学习不够。二是作风不实。')).toEqual([['问题', ['学习不够', '作风不实']]]);
    expect(outline('报告\n一、原因\n原因有三。首先，理想信念有所动摇。其次，宗旨意识淡化。最后，纪律松懈。')).toEqual([
      ['原因', ['理想信念有所动摇', '宗旨意识淡化', '纪律松懈']],
    ]);
    expect(outline('报告\n一、措施\n今后我将努力。第一，加强学习。第二，改进作风。')).toEqual([['措施', ['加强学习', '改进作风']]]);
  });

  it('leaves a lone 一是 or a 一是 in mid-sentence as words', () => {
    expect(outline('报告\n一、问题\n我认为，思想统一是行动统一的前提。一是要学。')).toEqual(['问题']);
  });

  it('takes a lead-in line as the section intro, not as an item', () => {
    const report = parseReport('报告\n一、存在的问题\n表现在三个方面：\n一是学习不够。\n二是作风不实。\n三是纪律松懈。');
    const section = report.root.children[0]!;
    expect(section.children.map((item) => item.title)).toEqual(['学习不够', '作风不实', '纪律松懈']);
    expect(section.ownText).toContain('表现在三个方面：');
  });

  it('titles a long run-in heading by its first clause', () => {
    const report = parseReport('报告\n一、问题\n一是推进项目的节奏不够快，城东片区的项目工期一再延后，反映出我统筹协调不到位。内容。\n二是学习不够。内容。');
    expect(report.root.children[0]!.children[0]!.title).toBe('推进项目的节奏不够快');
  });
});

describe('parseReport: the frame of the document', () => {
  const text = [
    '组织生活会个人发言提纲',
    '根据支部安排，我认真查摆了问题，现将有关情况报告如下：',
    '一、存在的问题',
    '一是学习不够。内容。',
    '二是作风不实。内容。',
    '二、整改措施',
    '一是加强学习。内容。',
    '二是改进作风。内容。',
    '以上发言，请同志们批评帮助。',
    'X县农业农村局',
    '发言人：张某',
    '二〇二六年十一月二十八日',
  ].join('\n');

  it('reads the opening, the closing and the 落款 as parts of their own, in order', () => {
    const report = parseReport(text);
    expect(report.root.children.map((node) => [node.type, node.title])).toEqual([
      ['opening', '开头'],
      ['heading', '存在的问题'],
      ['heading', '整改措施'],
      ['closing', '结尾'],
      ['signature', '落款'],
    ]);
    expect(report.root.children[3]!.text).toBe('以上发言，请同志们批评帮助。');
    expect(report.root.children[4]!.text).toBe('X县农业农村局\n发言人：张某\n二〇二六年十一月二十八日');
    expect(report.root.children[2]!.text).toBe('二、整改措施\n一是加强学习。内容。\n二是改进作风。内容。');
    expect(documentText(report)).toBe(normalizeReportText(text).join('\n'));
  });

  it('takes no closing from a paragraph that asks for criticism in the middle of a report', () => {
    const report = parseReport('报告\n一、问题\n内容。\n恳请组织帮助我改正。这是问题。\n第二段。\n第三段。\n第四段。\n第五段。');
    expect(report.root.children.map((node) => node.type)).toEqual(['heading']);
  });

  it('needs a date or a name line for a 落款', () => {
    const report = parseReport('报告\n一、问题\n内容。\n二、措施\n内容。\n小结\n补记');
    expect(report.root.children.map((node) => node.type)).toEqual(['heading', 'heading']);
  });
});

describe('parseReport: structure a Word document marks itself', () => {
  it('nests heading-styled paragraphs by level and takes the Title style as the title', () => {
    const report = parseReport([
      { text: '个人对照检查材料', level: 0 },
      { text: '按照要求，现报告如下。' },
      { text: '存在的问题', level: 1 },
      { text: '在理论学习方面', level: 2 },
      { text: '学习不够系统。' },
      { text: '在工作作风方面', level: 2 },
      { text: '一是调研不深。内容。' },
      { text: '二是服务不够。内容。' },
      { text: '整改措施', level: 1 },
      { text: '加强学习。' },
    ]);
    expect(report.title).toBe('个人对照检查材料');
    expect(report.root.children.map((node) => node.type)).toEqual(['opening', 'heading', 'heading']);
    const problems = report.root.children[1]!;
    expect(problems.children.map((node) => node.title)).toEqual(['在理论学习方面', '在工作作风方面']);
    expect(problems.children[1]!.children.map((node) => node.title)).toEqual(['调研不深', '服务不够']);
    expect(report.root.children[2]!.text).toBe('整改措施\n加强学习。');
  });

  it('keeps typed numbering inside a heading-styled section', () => {
    const report = parseReport([
      { text: '报告' },
      { text: '存在的问题', level: 1 },
      { text: '一、理论学习方面' },
      { text: '内容。' },
      { text: '二、工作作风方面' },
      { text: '内容。' },
      { text: '整改措施', level: 1 },
      { text: '内容。' },
    ]);
    expect(report.root.children[0]!.children.map((node) => node.title)).toEqual(['理论学习方面', '工作作风方面']);
    expect(report.root.children).toHaveLength(2);
  });

  it('takes short bold lines as sections only when nothing else marks structure', () => {
    const paragraphs = [
      { text: '报告' },
      { text: '存在的问题', bold: true },
      { text: '学习不够。' },
      { text: '整改措施', bold: true },
      { text: '加强学习。' },
    ];
    expect(parseReport(paragraphs).root.children.map((node) => node.title)).toEqual(['存在的问题', '整改措施']);
    const numbered = [...paragraphs, { text: '一、其他' }, { text: '内容。' }];
    expect(parseReport(numbered).root.children.map((node) => node.title)).toEqual(['开头', '其他']);
  });
});

describe('parseReport: labels and series that span paragraphs', () => {
  it('opens a series inside a paragraph when its next member starts the next paragraph', () => {
    expect(outline('报告\n一、自我批评\n对照要求，我深感不足。一是学习不够。内容。\n二是作风不实。内容。\n三是纪律松懈。内容。')).toEqual([
      ['自我批评', ['学习不够', '作风不实', '纪律松懈']],
    ]);
  });

  it('reads labels alone on their line and criticism addressed to a comrade as groups', () => {
    expect(outline('发言提纲\n存在问题：\n1.学习不够。内容。\n2.作风不实。内容。\n整改措施：\n1.加强学习。内容。')).toEqual([
      ['存在问题', ['学习不够', '作风不实']],
      ['整改措施', ['加强学习']],
    ]);
    expect(outline('发言\n一、批评意见\n对镇长李某同志：第一，抓统筹还不够。第二，指导不够具体。\n对副镇长赵某同志：第一，紧迫感不强。第二，学习不够主动。')).toEqual([
      ['批评意见', [['对镇长李某同志', ['抓统筹还不够', '指导不够具体']], ['对副镇长赵某同志', ['紧迫感不强', '学习不够主动']]]],
    ]);
  });

  it('takes no greeting or lead-in for a label', () => {
    expect(outline('发言\n同志们：\n我谈三点体会。\n我的体会是：\n内容。')).toEqual([]);
  });
});

describe('parseReport: text whose line breaks were lost, headings without numbers', () => {
  it('finds the sections, the title and the closing of a report pasted as one line', () => {
    const body = '按照支部安排，我认真查摆了问题，现报告如下。一、存在的问题（一）学习不够深入。平时学得少，思考不够。（二）作风不够扎实。调研不多，办法不多。二、整改措施（一）加强学习。每天读书一小时，做到学思用贯通。（二）改进作风。每月调研两次，沉下身子听实情。';
    const text = `某某同志个人党性分析报告${body.repeat(1)}${'内容充实。'.repeat(250)}以上是我的党性分析，恳请同志们批评指正。`;
    const report = parseReport(text);
    expect(report.title).toBe('某某同志个人党性分析报告');
    expect(outline(text).slice(1, 3)).toEqual([
      ['存在的问题', ['学习不够深入', '作风不够扎实']],
      ['整改措施', ['加强学习', '改进作风']],
    ]);
    expect(report.root.children.at(-1)!.text).toBe('以上是我的党性分析，恳请同志们批评指正。');
  });

  it('ends a heading where its first bracketed item begins', () => {
    expect(outline('报告\n一、存在的问题（一）学习不够。内容。（二）作风不实。内容。')).toEqual([['存在的问题', ['学习不够', '作风不实']]]);
  });

  it('takes short unpunctuated lines over sentences or leads as headings when nothing is numbered', () => {
    const text = '报告\n按照要求，我作如下发言。\n存在的主要问题\n一是学习不够。内容。\n二是作风不实。内容。\n问题产生的原因\n反思以上问题，根子在自己。\n一是思想放松。内容。\n二是要求降低。内容。';
    expect(outline(text)).toEqual(['开头', ['存在的主要问题', ['学习不够', '作风不实']], ['问题产生的原因', ['思想放松', '要求降低']]]);
  });

  it('does not take a 落款 or a lone short line for headings', () => {
    const text = '报告\n内容。\n一是学习不够。内容。\n二是作风不实。内容。\nX县某某局\n张某\n2026年12月';
    expect(parseReport(text).root.children.map((node) => node.type)).toEqual(['opening', 'item', 'item', 'signature']);
  });
});

describe('parseReport: unnumbered top headings over typed numbering', () => {
  it('nests typed （一） items under bold or short unnumbered headings', () => {
    const bold = parseReport([
      { text: '报告' },
      { text: '存在的问题', bold: true },
      { text: '（一）学习不够。内容。' },
      { text: '（二）作风不实。内容。' },
      { text: '整改措施', bold: true },
      { text: '（一）加强学习。内容。' },
    ]);
    expect(bold.root.children.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
      ['存在的问题', ['学习不够', '作风不实']],
      ['整改措施', ['加强学习']],
    ]);
    expect(outline('报告\n存在的问题\n（一）学习不够。内容。\n（二）作风不实。内容。\n整改措施\n（一）加强学习。内容。')).toEqual([
      ['存在的问题', ['学习不够', '作风不实']],
      ['整改措施', ['加强学习']],
    ]);
  });
});

describe('parseReport: a Word document styled unevenly', () => {
  it('takes a typed heading after a styled one of its numbering as its sibling', () => {
    const report = parseReport([
      { text: '报告', level: 0 },
      { text: '一、问题', level: 1 },
      { text: '（一）学习方面', level: 2 },
      { text: '内容。' },
      { text: '（二）作风方面' },
      { text: '内容。' },
      { text: '二、措施', level: 1 },
      { text: '内容。' },
    ]);
    expect(report.root.children.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
      ['问题', ['学习方面', '作风方面']],
      ['措施', []],
    ]);
  });
});
