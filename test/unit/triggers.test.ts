import { describe, expect, it } from 'vitest';
import { normalizeTrigger, siteOf, triggerAtCaret, triggerConflicts, triggerProblem, triggerRefusal, triggerTable } from '../../core/triggers';

describe('normalizeTrigger', () => {
  it('reads full-width and input-method punctuation as the ASCII key that typed it, letters in lower case', () => {
    expect(normalizeTrigger('；BL')).toBe(';bl');
    expect(normalizeTrigger('／／表率')).toBe('//表率');
    expect(normalizeTrigger('、、表率')).toBe('//表率');
    expect(normalizeTrigger('·x')).toBe('`x');
    expect(normalizeTrigger('【bl】')).toBe('[bl]');
  });

  it('keeps the length of what was typed, unit for unit', () => {
    for (const text of ['；ｂｌ', '、、表率', 'İ;x', '𠀀;bl', '……']) expect(normalizeTrigger(text)).toHaveLength(text.length);
  });
});

describe('triggerProblem', () => {
  it('accepts triggers that start with a mark', () => {
    for (const trigger of [';bl', '//表率', '；bl', ',,jl', '#排比1']) expect(triggerProblem(trigger), trigger).toBeNull();
  });

  it('names what is wrong with the others', () => {
    expect(triggerProblem('')).toBe('empty');
    expect(triggerProblem('   ')).toBe('empty');
    expect(triggerProblem(';')).toBe('too-short');
    expect(triggerProblem(';' + 'x'.repeat(30))).toBe('too-long');
    expect(triggerProblem('; bl')).toBe('space');
    // Plain letters, Han or digits would fire in ordinary writing.
    expect(triggerProblem('bl')).toBe('no-mark');
    expect(triggerProblem('表率')).toBe('no-mark');
    expect(triggerProblem('2024')).toBe('no-mark');
  });
});

describe('triggerConflicts', () => {
  it('finds triggers that read alike and triggers another starts with', () => {
    const conflicts = triggerConflicts([
      { entryId: 'a', trigger: ';bl' },
      { entryId: 'b', trigger: '；BL' },
      { entryId: 'c', trigger: ';b' },
      { entryId: 'd', trigger: '//表率' },
      { entryId: 'e', trigger: 'bad' },
    ]);
    const described = conflicts.map((c) => `${c.kind} ${[c.first.entryId, c.second.entryId].sort().join('')}`).sort();
    expect(described).toEqual(['prefix ac', 'prefix bc', 'same ab']);
  });

  it('lets one entry carry the same trigger twice without a conflict with itself', () => {
    expect(triggerConflicts([{ entryId: 'a', trigger: ';bl' }, { entryId: 'a', trigger: '；bl' }])).toEqual([]);
  });
});

describe('triggerAtCaret', () => {
  const table = triggerTable([
    { entryId: 'short', trigger: ';b' },
    { entryId: 'long', trigger: ';bl' },
    { entryId: 'han', trigger: '//表率' },
    { entryId: 'shadowed', trigger: '；BL' },
    { entryId: 'invalid', trigger: 'bl' },
  ]);

  it('finds the trigger the text before the caret ends with, the longest first, and what it covers', () => {
    expect(triggerAtCaret('我们要;bl', table)).toEqual({ entryId: 'long', length: 3 });
    expect(triggerAtCaret('我们要;b', table)).toEqual({ entryId: 'short', length: 2 });
    expect(triggerAtCaret('争做//表率', table)).toEqual({ entryId: 'han', length: 4 });
  });

  it('matches what a writer in Chinese punctuation mode types', () => {
    expect(triggerAtCaret('争做、、表率', table)).toEqual({ entryId: 'han', length: 4 });
    expect(triggerAtCaret('；BL', table)).toEqual({ entryId: 'long', length: 3 });
  });

  it('finds nothing in ordinary writing, and keeps the first of two triggers that read alike', () => {
    expect(triggerAtCaret('发挥表率作用bl', table)).toBeNull();
    expect(triggerAtCaret('', table)).toBeNull();
    expect(triggerTable([{ entryId: 'x', trigger: ';bl' }, { entryId: 'y', trigger: '；bl' }]).byText.get(';bl')).toBe('x');
  });

  it('never splits a surrogate pair', () => {
    const wide = triggerTable([{ entryId: 'w', trigger: ';𠀀' }]);
    expect(triggerAtCaret('字;𠀀', wide)).toEqual({ entryId: 'w', length: 3 });
    expect(triggerAtCaret('𠀀', triggerTable([{ entryId: 'z', trigger: ';x' }]))).toBeNull();
  });
});

describe('triggerRefusal and siteOf: what the options page accepts', () => {
  const rows = [
    { entryId: 'a', trigger: ';bl' },
    { entryId: 'b', trigger: '//表率' },
  ];
  it('refuses a trigger with a problem of its own, one that reads like another, and one that is a prefix either way', () => {
    expect(triggerRefusal(rows, 'bl')).toEqual({ code: 'no-mark' });
    expect(triggerRefusal(rows, '；BL')).toEqual({ code: 'same', other: rows[0] });
    expect(triggerRefusal(rows, ';b')).toEqual({ code: 'prefix', other: rows[0] });
    expect(triggerRefusal(rows, ';blx')).toEqual({ code: 'prefix', other: rows[0] });
    expect(triggerRefusal(rows, ';zy')).toBeNull();
  });
  it('lets a row be changed into something close to what it was', () => {
    expect(triggerRefusal(rows, ';blx', rows[0])).toBeNull();
  });
  it('takes a host from an address, and refuses what is no host', () => {
    expect(siteOf('https://OA.Example.cn/path?q=1')).toBe('oa.example.cn');
    expect(siteOf('*.example.cn')).toBe('example.cn');
    expect(siteOf('example.cn:8080/x')).toBe('example.cn');
    expect(siteOf('党建.中国')).toBe(new URL('http://党建.中国').hostname);
    expect(siteOf('党建.中国')).toMatch(/^xn--/);
    expect(siteOf('192.168.1.10')).toBe('192.168.1.10');
    expect(siteOf('')).toBeNull();
    expect(siteOf('not a site')).toBeNull();
    expect(siteOf('-bad-.cn')).toBeNull();
  });
});
