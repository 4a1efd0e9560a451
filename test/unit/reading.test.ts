import { describe, expect, it } from 'vitest';
import builtin from 'virtual:bixia-builtin-library';
import { renderBody } from '../../core/placeholders';
import { readingParagraphs } from '../../core/reading';
import { tabFromUrl } from '../../components/target-tab';

describe('readingParagraphs', () => {
  const whole = builtin.entries.find((e) => e.kind === 'template' && e.path.length === 0)!;
  const phrases = builtin.entries.filter((e) => e.kind === 'snippet');
  const paragraphs = readingParagraphs(whole, phrases);

  it('gives one paragraph per line of the report, which read together give the report', () => {
    expect(paragraphs).toHaveLength(whole.body.split('\n').length);
    expect(paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')).toBe(renderBody(whole.body));
  });

  it('keeps each paragraph\'s placeholders, so inserting it asks for them', () => {
    const withWorkplace = paragraphs.find((p) => p.entry.body.includes('{{单位简称|园区}}'));
    expect(withWorkplace).toBeDefined();
  });

  it('marks the set phrases inside the paragraphs', () => {
    const marked = paragraphs.flatMap((p) => p.runs.filter((r) => 'phrase' in r).map((r) => r.text));
    expect(marked).toContain('说实话、办实事、鼓实劲、求实效');
    expect(marked).toContain('一种职业准备、一种生存方式、一种生活状态、一种精神追求');
    for (const phrase of phrases) expect(marked).toContain(renderBody(phrase.body));
  });

  it('lets the longer of two overlapping phrases win', () => {
    const series = { ...phrases[0]!, id: 'series', body: '一种职业准备、一种生存方式、一种生活状态' };
    const pair = { ...phrases[0]!, id: 'pair', body: '一种职业准备、一种生存方式' };
    const runs = readingParagraphs({ ...whole, body: '把学习作为一种职业准备、一种生存方式、一种生活状态。' }, [pair, series])[0]!.runs;
    expect(runs.filter((r) => 'phrase' in r).map((r) => r.text)).toEqual(['一种职业准备、一种生存方式、一种生活状态']);
  });
});

describe('tabFromUrl', () => {
  it('reads ?tab=<id> and ignores anything that is not a tab id', () => {
    expect(tabFromUrl('chrome-extension://x/popup.html?tab=42')).toBe(42);
    expect(tabFromUrl('chrome-extension://x/popup.html')).toBeUndefined();
    expect(tabFromUrl('chrome-extension://x/popup.html?tab=abc')).toBeUndefined();
    expect(tabFromUrl('chrome-extension://x/popup.html?tab=-1')).toBeUndefined();
  });
});
