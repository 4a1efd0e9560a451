import { describe, expect, it } from 'vitest';
import {
  applyPlaceholderRules,
  escapeBody,
  listPlaceholders,
  placeholderMatcher,
  renderBody,
  valueFor,
} from '../../core/placeholders';

describe('placeholders', () => {
  it('renders {{名称}} and {{名称|默认值}} with values, else defaults', () => {
    const body = '我在{{单位|园区}}工作，参加了{{研修班}}。{{单位|园区}}发展很快。';
    expect(renderBody(body, { 单位: '开发区', 研修班: '培训班' })).toBe('我在开发区工作，参加了培训班。开发区发展很快。');
    expect(renderBody(body)).toBe('我在园区工作，参加了【研修班】。园区发展很快。');
    expect(renderBody(body, { 单位: '' })).toBe('我在工作，参加了【研修班】。发展很快。');
  });

  it('lists each name once, in order, with its first default', () => {
    expect(listPlaceholders('{{甲}}{{乙|二}}{{甲|一}}{{乙|三}}')).toEqual([
      { name: '甲', defaultValue: '一' },
      { name: '乙', defaultValue: '二' },
    ]);
    expect(listPlaceholders('没有占位符')).toEqual([]);
  });

  it('keeps text that merely looks like braces', () => {
    for (const text of ['{{', '{{}}', '{{ }}', '{{甲', '{{甲\n}}', '}}', '{单}', '{{{{']) {
      expect(renderBody(text)).toBe(text);
    }
  });

  it('allows an empty default and a default with spaces and punctuation', () => {
    expect(renderBody('A{{名|}}B')).toBe('AB');
    expect(renderBody('{{名|“创新领导力提升” 高级研修班}}')).toBe('“创新领导力提升” 高级研修班');
  });

  it('escapes any text so that rendering gives it back exactly', () => {
    const alphabet = ['{', '}', '\\', '|', '甲', '\n', 'a'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(renderBody(escapeBody(text))).toBe(text);
    }
    expect(renderBody(escapeBody('{{名称|默认}}'))).toBe('{{名称|默认}}');
  });

  it('turns mapped words into placeholders, longer words first', () => {
    const rules = [
      { name: '单位简称', text: '园区' },
      { name: '单位全称', text: '工业园区' },
    ];
    const body = applyPlaceholderRules('工业园区作为园区的代表', rules);
    expect(body).toBe('{{单位全称|工业园区}}作为{{单位简称|园区}}的代表');
    expect(renderBody(body)).toBe('工业园区作为园区的代表');
    expect(applyPlaceholderRules('写{{法}}', rules)).toBe('写\\{{法}}');
    expect(renderBody(applyPlaceholderRules('写{{法}}', rules))).toBe('写{{法}}');
  });
});

describe('placeholder rules with contexts', () => {
  const rules = [
    { name: '单位简称', text: '园区' },
    { name: '单位单字简称', text: '区', contexts: ['全区', '区辖', '区、镇'] },
  ];

  it('replace words only where they stand inside one of their contexts', () => {
    const body = applyPlaceholderRules('全区上下，区辖镇，区、镇分工；社区和园区', rules);
    expect(body).toBe('全{{单位单字简称|区}}上下，{{单位单字简称|区}}辖镇，{{单位单字简称|区}}、镇分工；社区和{{单位简称|园区}}');
    expect(renderBody(body)).toBe('全区上下，区辖镇，区、镇分工；社区和园区');
  });

  it('leave rules without contexts as they were, and refuse a context without the words', () => {
    expect(applyPlaceholderRules('区域', [{ name: '甲', text: '区', contexts: [] }])).toBe('{{甲|区}}域');
    expect(() => applyPlaceholderRules('全区', [{ name: '甲', text: '区', contexts: ['全县'] }])).toThrow(/does not contain/);
  });

  it('match many texts with one compiled matcher, as applyPlaceholderRules does', () => {
    const match = placeholderMatcher(rules);
    expect(match('工业园区和全区').map((m) => [m.index, m.length, m.rule.name])).toEqual([
      [2, 2, '单位简称'],
      [6, 1, '单位单字简称'],
    ]);
    expect(match('')).toEqual([]);
    expect(placeholderMatcher([])('园区')).toEqual([]);
  });
});

describe('placeholders named like what every object inherits', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it('list under their own names and render their defaults, not an inherited function', () => {
    for (const name of names) {
      const body = `甲{{${name}|默认}}乙{{${name}}}丙`;
      expect(listPlaceholders(body)).toEqual([{ name, defaultValue: '默认' }]);
      expect(renderBody(body)).toBe('甲默认乙【' + name + '】丙');
      expect(renderBody(`{{${name}}}`)).toBe(`【${name}】`);
    }
  });

  it('take the values given for them, an empty string included', () => {
    for (const name of names) {
      const values = Object.fromEntries([[name, '填的']]);
      expect(renderBody(`甲{{${name}|默认}}乙`, values)).toBe('甲填的乙');
      expect(renderBody(`甲{{${name}|默认}}乙`, Object.fromEntries([[name, '']]))).toBe('甲乙');
      // Values for other names leave this one on its default.
      expect(renderBody(`甲{{${name}|默认}}乙`, { 单位: '园区' })).toBe('甲默认乙');
    }
  });

  it('read remembered values as stored: a plain object parsed from JSON, whatever its keys', () => {
    const remembered = JSON.parse('{"__proto__":"原型","constructor":"构造","单位":"园区"}') as Record<string, string>;
    expect(valueFor(remembered, '__proto__')).toBe('原型');
    expect(valueFor(remembered, 'constructor')).toBe('构造');
    expect(valueFor(remembered, 'toString')).toBeUndefined();
    expect(renderBody('{{__proto__|甲}}{{constructor|乙}}{{toString|丙}}{{单位}}', remembered)).toBe('原型构造丙园区');
    expect(valueFor({}, 'constructor')).toBeUndefined();
    expect(valueFor(Object.create(null) as Record<string, string>, 'toString')).toBeUndefined();
  });
});

describe('placeholderUses and renderPlaceholders', () => {
  it('list every use, repeats and escapes as the renderer reads them', async () => {
    const { placeholderUses, renderPlaceholders } = await import('../../core/placeholders');
    const body = '在{{方面|学习}}上\\{{不是}}，{{方面}}，{{空|}}';
    expect(placeholderUses(body)).toEqual([
      { name: '方面', defaultValue: '学习' },
      { name: '方面', defaultValue: null },
      { name: '空', defaultValue: '' },
    ]);
    expect(renderPlaceholders(body, () => '……')).toBe('在……上{{不是}}，……，……');
  });
});
