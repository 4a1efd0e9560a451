import { describe, expect, it } from 'vitest';
import { parseReport } from '../../core/report-parser';
import { applyPlaceholderRules, renderBody } from '../../core/placeholders';
import type { PlaceholderProposal } from '../../core/specifics';
import {
  type PlaceholderChoice,
  bodySegments,
  choicesFrom,
  chosenRules,
  hasNameProblems,
  nameProblem,
  prepareImport,
  withRebuild,
  placeholderTextCounts,
  segmentLines,
} from '../../entrypoints/options/import-placeholders';

const proposal = (name: string, text: string, kind: PlaceholderProposal['kind'] = 'unit', count = 1): PlaceholderProposal => ({ name, text, kind, count });
const choice = (name: string, text: string, ticked = true): PlaceholderChoice => ({ name, text, kind: 'unit', count: 1, ticked });

describe('choicesFrom', () => {
  it('offers every proposal ticked, once per words, leaving out words a default cannot hold', () => {
    const choices = choicesFrom([proposal('单位全称', '青山县委'), proposal('年度', '2026年度', 'year', 3), proposal('x', '青山县委'), proposal('y', 'a{b'), proposal('z', '')]);
    expect(choices).toEqual([
      { name: '单位全称', text: '青山县委', kind: 'unit', count: 1, ticked: true },
      { name: '年度', text: '2026年度', kind: 'year', count: 3, ticked: true },
    ]);
  });
});

describe('nameProblem', () => {
  it('takes a good name, trimmed', () => {
    expect(nameProblem([choice(' 单位全称 ', '青山县委')], 0)).toBeNull();
  });

  it('refuses an empty name, a long one, braces, bars and line breaks', () => {
    expect(nameProblem([choice('  ', '青山县委')], 0)).toBe('empty');
    expect(nameProblem([choice('名'.repeat(31), '青山县委')], 0)).toBe('too-long');
    expect(nameProblem([choice('名'.repeat(30), '青山县委')], 0)).toBeNull();
    for (const bad of ['单{位', '单}位', '单|位', '单\n位']) expect(nameProblem([choice(bad, '青山县委')], 0)).toBe('bad-character');
  });

  it('refuses a name two ticked placeholders share, on the second; an unticked one never counts', () => {
    const choices = [choice('单位', '青山县委'), choice('单位 ', '县委'), choice('单位', '县', false)];
    expect(nameProblem(choices, 0)).toBeNull();
    expect(nameProblem(choices, 1)).toBe('duplicate');
    expect(nameProblem(choices, 2)).toBeNull();
    expect(hasNameProblems(choices)).toBe(true);
    expect(hasNameProblems([choices[0]!, choices[2]!])).toBe(false);
    expect(hasNameProblems([choice('', 'x', false)])).toBe(false);
  });
});

describe('bodySegments', () => {
  const rules = chosenRules([choice('单位全称', '青山县委'), choice('单位简称', '县委'), choice('年度', '2026年度'), choice('不要', '青山', false)]);

  it('marks the words of the ticked rules only, longer words first', () => {
    expect(bodySegments('青山县委2026年度会议，县委要求', rules)).toEqual([
      { text: '青山县委', placeholder: '单位全称' },
      { text: '2026年度', placeholder: '年度' },
      { text: '会议，' },
      { text: '县委', placeholder: '单位简称' },
      { text: '要求' },
    ]);
    expect(bodySegments('没有具体信息', [])).toEqual([{ text: '没有具体信息' }]);
    expect(bodySegments('', rules)).toEqual([]);
  });

  it('cuts the text exactly where applyPlaceholderRules puts placeholders', () => {
    const plain = '按照青山县委要求，\{{不是占位符}}，青山县委县委2026年度。\n县委（青山）';
    const asBody = bodySegments(plain, rules)
      .map((s) => (s.placeholder ? `{{${s.placeholder}|${s.text}}}` : s.text.replace(/\{\{/g, '\\{{')))
      .join('');
    expect(asBody).toBe(applyPlaceholderRules(plain, rules));
  });

  it('keeps to a rule’s contexts, as applying it does', () => {
    const short = [{ name: '单位简称', text: '区', contexts: ['全区'] }];
    expect(bodySegments('全区各社区', short)).toEqual([{ text: '全' }, { text: '区', placeholder: '单位简称' }, { text: '各社区' }]);
  });

  it('splits into paragraphs and counts each rule’s words', () => {
    const segments = bodySegments('县委一\n县委二', rules);
    expect(segmentLines(segments)).toEqual([
      [{ text: '县委', placeholder: '单位简称' }, { text: '一' }],
      [{ text: '县委', placeholder: '单位简称' }, { text: '二' }],
    ]);
    expect(placeholderTextCounts(segments)).toEqual(new Map([['县委', 2]]));
  });
});

describe('parsedImport', () => {
  it('rebuilds the collection with the chosen placeholders under the same ids', () => {
    const text = '青山县委2026年度党性分析报告\n一、存在的问题\n一是学习不够。青山县委要求加强学习。\n二、整改措施\n加强学习。';
    const prepared = prepareImport(parseReport(text), { collectionId: 'c-test' });
    // What the import worker hands the page survives structured cloning.
    const parsed = withRebuild(structuredClone(prepared));
    const rebuilt = parsed.withPlaceholders([{ name: '单位', text: '青山县委' }]);
    expect(rebuilt.entries.map((e) => e.id)).toEqual(parsed.collection.entries.map((e) => e.id));
    const whole = rebuilt.entries.find((e) => e.path.length === 0)!;
    expect(whole.body).toContain('{{单位|青山县委}}');
    expect(renderBody(whole.body)).toBe(renderBody(parsed.collection.entries.find((e) => e.path.length === 0)!.body));
    expect(parsed.proposals.map((p) => p.text)).toContain('青山县委');
  });
});
