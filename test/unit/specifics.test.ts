/**
 * Placeholders proposed for a report's specifics (core/specifics/): on the
 * genre fixtures against the specifics listed by hand beside them, on the seed
 * report, and on short texts that show one rule each.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../core/decode';
import { applyPlaceholderRules, listPlaceholders, renderBody } from '../../core/placeholders';
import { parseReport } from '../../core/report-parser';
import { type PlaceholderProposal, proposePlaceholders } from '../../core/specifics';
import type { Expected } from '../fixtures/reports/expected';

const dir = new URL('../fixtures/reports/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => {
    const decoded = decodeReportBytes(readFileSync(new URL(name, dir)));
    if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected;
    return { name, paragraphs: parseReport(decoded.text).paragraphs, expected };
  });
const seed = parseReport(readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8')).paragraphs;
const everyReport = [...fixtures.map((f) => ({ name: f.name, paragraphs: f.paragraphs })), { name: 'seed', paragraphs: seed }];

/** Words of the genre that belong to every report: proposing one is worse than missing a specific. */
const NEVER = [
  '党委', '党组', '党工委', '支部', '党支部', '党总支', '组织', '党组织', '群众', '人民群众', '单位', '本单位',
  '部门', '本部门', '机关', '机关党委', '基层', '党员', '干部', '领导', '领导干部', '党员领导干部', '班子',
  '领导班子', '班子成员', '委员会', '社区', '街道', '乡镇', '村', '中心', '上级', '党中央', '书记', '委员',
  '组织生活会', '民主生活会', '专题组织生活会', '培训班', '研修班', '主题教育', '学习教育', '年度', '上年度',
  '支部委员', '总书记', '同志', '同志们',
];

const propose = (...paragraphs: string[]) => proposePlaceholders(paragraphs);
const texts = (proposals: readonly PlaceholderProposal[]) => proposals.map((p) => p.text);
const kindOf = (proposals: readonly PlaceholderProposal[], text: string) => proposals.find((p) => p.text === text)?.kind;

describe('proposed placeholders on the genre fixtures', () => {
  for (const { name, paragraphs, expected } of fixtures.filter((f) => f.expected.placeholders)) {
    it(`${name}: proposes every specific listed in its expected file, with its kind`, () => {
      const proposals = proposePlaceholders(paragraphs);
      const missing = expected.placeholders!.filter((want) => kindOf(proposals, want.text) !== want.kind);
      expect(missing, JSON.stringify(proposals.map((p) => [p.text, p.kind]))).toEqual([]);
    });
  }
});

describe('every proposal, on every report', () => {
  for (const { name, paragraphs } of everyReport) {
    it(`${name}: no generic word, unique names, counts as applyPlaceholderRules replaces`, () => {
      const proposals = proposePlaceholders(paragraphs);
      expect(texts(proposals).filter((text) => NEVER.includes(text))).toEqual([]);
      expect(new Set(proposals.map((p) => p.name)).size).toBe(proposals.length);
      expect(new Set(texts(proposals)).size).toBe(proposals.length);
      const whole = paragraphs.join('\n');
      const body = applyPlaceholderRules(whole, proposals);
      expect(renderBody(body)).toBe(whole);
      const used = new Map<string, number>();
      for (const m of body.matchAll(/\{\{([^{}|]+)\|/g)) used.set(m[1]!, (used.get(m[1]!) ?? 0) + 1);
      for (const p of proposals) {
        expect(whole, p.text).toContain(p.text);
        expect(used.get(p.name) ?? 0, p.text).toBe(p.count);
        expect(p.name).toMatch(/^[^{}|\n]{1,30}$/);
      }
      const order = proposals.map((p) => whole.indexOf(p.text));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  }
});

describe('proposed placeholders on the seed report', () => {
  const proposals = proposePlaceholders(seed);

  it('covers the course, its organisers, the unit and its short form', () => {
    expect(kindOf(proposals, '“创新领导力提升”高级研修班')).toBe('course');
    expect(kindOf(proposals, '市委组织部')).toBe('unit');
    expect(kindOf(proposals, 'X大学')).toBe('unit');
    expect(proposals.find((p) => p.text === '工业园区')).toMatchObject({ kind: 'unit', name: '单位全称' });
    expect(proposals.find((p) => p.text === '园区')).toMatchObject({ kind: 'unit-short', name: '单位简称' });
  });

  it('takes no verb that stands before the unit for part of its name', () => {
    expect(texts(proposals).filter((t) => /推动|促进|制约|服务/.test(t))).toEqual([]);
  });

  it('gives the organisers a name that says what they did', () => {
    expect(proposals.find((p) => p.text === '市委组织部')?.name).toBe('主办单位');
  });
});

describe('the rules, one at a time', () => {
  it('reads years and dates, in Arabic and Chinese numerals, and a year inside a meeting is still offered', () => {
    const proposals = propose(
      '2026年度民主生活会对照检查材料',
      '按照要求，2026年11月20日召开了2026年度民主生活会。2025年以来，我……',
      '以上发言，请批评指正。',
      '二〇二六年十一月二十八日',
    );
    expect(kindOf(proposals, '2026年度民主生活会')).toBe('meeting');
    expect(proposals.find((p) => p.text === '2026年度')).toMatchObject({ kind: 'year', count: 0 });
    expect(kindOf(proposals, '2026年11月20日')).toBe('date');
    expect(kindOf(proposals, '2025年')).toBe('year');
    expect(proposals.find((p) => p.text === '二〇二六年十一月二十八日')).toMatchObject({ kind: 'date', name: '日期' });
  });

  it('leaves the years of history alone: only the report’s own year and the one before are its specifics', () => {
    const proposals = propose('2026年度组织生活会发言提纲', '自1921年建党以来，特别是2012年以来……2021年7月1日……2025年，我……二〇二六年十二月');
    expect(texts(proposals)).toEqual(expect.arrayContaining(['2026年度组织生活会', '2026年度', '2025年', '二〇二六年十二月']));
    expect(texts(proposals).filter((t) => /1921|2012|2021/.test(t))).toEqual([]);
  });

  it('reads the years and dates a model text leaves to fill', () => {
    const proposals = propose('20XX年度民主生活会对照检查材料', '按照要求，召开了20XX年度民主生活会。', '以上发言，请批评指正。', 'XX县XX局　某某', '20XX年X月X日');
    expect(kindOf(proposals, '20XX年度民主生活会')).toBe('meeting');
    expect(kindOf(proposals, '20XX年度')).toBe('year');
    expect(proposals.find((p) => p.text === '20XX年X月X日')).toMatchObject({ kind: 'date', name: '日期' });
    expect(kindOf(proposals, 'XX县XX局')).toBe('unit');
    expect(kindOf(proposals, '某某')).toBe('person');
  });

  it('finds a course by its suffix, back to the verb before it', () => {
    const proposals = propose('今年，我参加了第X期中青年干部培训班的学习。培训班安排紧凑。');
    expect(kindOf(proposals, '第X期中青年干部培训班')).toBe('course');
    expect(texts(proposals)).not.toContain('培训班');
  });

  it('does not take a meeting named only by a demonstrative or by 专题', () => {
    expect(texts(propose('我将以这次组织生活会为新的起点。', '按照要求召开专题组织生活会。'))).toEqual([]);
  });

  it('reads a 落款 of unit, position and name run together, and the writer’s name after 发言人', () => {
    const proposals = propose('标题', '以上发言，请批评指正。', 'XX局党组成员、副局长 张某', '2026年12月');
    expect(kindOf(proposals, 'XX局')).toBe('unit');
    expect(kindOf(proposals, '党组成员、副局长')).toBe('position');
    expect(kindOf(proposals, '张某')).toBe('person');
    expect(kindOf(propose('标题', '以上发言，请批评帮助。', '发言人：张某'), '张某')).toBe('person');
  });

  it('reads the writer’s position after 作为, without the unit in front', () => {
    expect(kindOf(propose('作为一名乡镇党委书记，我深知责任重大。'), '乡镇党委书记')).toBe('position');
    const proposals = propose('作为X县农业农村局党组成员、副局长，我分管……。县农业农村局党组高度重视，农业农村局干部……');
    expect(kindOf(proposals, '党组成员、副局长')).toBe('position');
    expect(proposals.find((p) => p.text === 'X县农业农村局')).toMatchObject({ kind: 'unit', name: '单位全称' });
    expect(kindOf(proposals, '县农业农村局党组')).toBeUndefined();
    expect(kindOf(proposals, '农业农村局')).toBe('unit-short');
  });

  it('keeps the unit’s party body with the writer’s unit, and names the short forms apart', () => {
    const proposals = propose(
      '标题',
      '根据某某镇党委的安排，结合我镇实际，镇党委班子……某某镇发展……',
      '以上是我的发言，请批评指正。',
      '某某镇党委',
      '2026年12月',
    );
    expect(proposals.find((p) => p.text === '某某镇')).toMatchObject({ kind: 'unit', name: '单位全称' });
    expect(kindOf(proposals, '我镇')).toBe('unit-short');
    expect(new Set(proposals.map((p) => p.name)).size).toBe(proposals.length);
  });

  it('takes the short forms a report declares or abbreviates, with the unit’s level in front', () => {
    const declared = propose('作为X市城市建设投资集团有限公司（以下简称城投集团）党委委员，我……城投集团发展……');
    expect(kindOf(declared, '城投集团')).toBe('unit-short');
    const abbreviated = propose('作为市卫生健康委员会副主任，我……市卫健委党组高度重视，推动市卫健委各项工作……');
    expect(kindOf(abbreviated, '市卫生健康委员会')).toBe('unit');
    expect(kindOf(abbreviated, '市卫健委')).toBe('unit-short');
    expect(kindOf(abbreviated, '副主任')).toBe('position');
  });

  it('names colleagues in a criticism speech, and the speaker under the title', () => {
    const proposals = propose('发言提纲', '发言人：某某县财政局　李某', '对镇长王某同志：……。对党委副书记陈某同志：……。请全体同志批评。');
    expect(kindOf(proposals, '李某')).toBe('person');
    expect(kindOf(proposals, '某某县财政局')).toBe('unit');
    expect(kindOf(proposals, '王某')).toBe('person');
    expect(kindOf(proposals, '陈某')).toBe('person');
    expect(texts(proposals)).not.toContain('全体');
    expect(texts(propose('我们要学习焦裕禄同志的精神，许多同志深受教育。'))).toEqual([]);
  });

  it('finds places by their suffix and name, with the place they are in, and not a verb before 社区', () => {
    const proposals = propose('今年，我到清河县东坝镇、西坪乡调研，到青山烈士陵园参观。', '广泛听取社区干部意见，培育社区商业，走进小区。');
    expect(kindOf(proposals, '清河县东坝镇')).toBe('place');
    expect(kindOf(proposals, '西坪乡')).toBe('place');
    expect(kindOf(proposals, '青山烈士陵园')).toBe('place');
    expect(texts(proposals).filter((t) => /社区|小区/.test(t))).toEqual([]);
  });

  it('never proposes a generic word of the genre, whatever surrounds it', () => {
    const proposals = propose(
      '在党委的领导下，支部组织党员群众开展活动，领导干部带头深入基层，本单位、各部门、各社区、各村积极参与。',
      '作为班子成员，我在全县、全市、全区的工作中……以人民为中心，抓好中心工作，加强党组织建设。',
      '到社区调研，走进村组，服务园区发展，推动园区建设。',
    );
    expect(texts(proposals)).toEqual([]);
  });

  it('a placeholder list from the proposals renders the report back', () => {
    const paragraphs = fixtures.find((f) => f.name.startsWith('h-'))?.paragraphs ?? seed;
    const body = applyPlaceholderRules(paragraphs.join('\n'), proposePlaceholders(paragraphs));
    expect(listPlaceholders(body).length).toBeGreaterThan(3);
    expect(renderBody(body)).toBe(paragraphs.join('\n'));
  });
});
