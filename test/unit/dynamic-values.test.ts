import { describe, expect, it } from 'vitest';
import { dynamicSuggestions, isDateLike, isDynamicDefault, prefillValue, resolveDefault } from '../../core/dynamic-values';
import { renderBody } from '../../core/placeholders';

const DAY = new Date(2026, 11, 1);

describe('dynamic placeholder defaults', () => {
  it('writes today in the forms the genre uses, in local time', () => {
    expect(resolveDefault('@今天', DAY)).toBe('2026年12月1日');
    expect(resolveDefault('@今天大写', DAY)).toBe('二〇二六年十二月一日');
    expect(resolveDefault('@今年', DAY)).toBe('2026');
    expect(resolveDefault('@今年度', DAY)).toBe('2026年度');
    expect(resolveDefault('@今天大写', new Date(2030, 9, 20))).toBe('二〇三〇年十月二十日');
    expect(resolveDefault('@今天大写', new Date(2031, 0, 31))).toBe('二〇三一年一月三十一日');
    expect(dynamicSuggestions(DAY).map((s) => s.value)).toEqual(['2026年12月1日', '二〇二六年十二月一日', '2026', '2026年度']);
  });

  it('treats only an exact token as dynamic: other text starting with @ is literal', () => {
    expect(isDynamicDefault('@今天')).toBe(true);
    expect(isDynamicDefault(' @今年 ')).toBe(true);
    expect(isDynamicDefault('@明天')).toBe(false);
    expect(resolveDefault('@某某', DAY)).toBe('@某某');
    expect(isDynamicDefault(null)).toBe(false);
  });

  it('fills a dynamic default wherever a body is rendered, and a given value wins', () => {
    expect(renderBody('{{日期|@今天}}', {}, DAY)).toBe('2026年12月1日');
    expect(renderBody('{{年度|@今年}}年度民主生活会', {}, DAY)).toBe('2026年度民主生活会');
    expect(renderBody('{{日期|@今天}}', { 日期: '2026年1月5日' }, DAY)).toBe('2026年1月5日');
  });

  it('prefills today over a remembered date, and a remembered value over a plain default', () => {
    expect(prefillValue('@今天', '2025年1月5日', DAY)).toBe('2026年12月1日');
    expect(prefillValue('某某单位', '县水利局', DAY)).toBe('县水利局');
    expect(prefillValue('某某单位', undefined, DAY)).toBe('某某单位');
  });

  it('offers today’s values to a placeholder that holds a date or a year', () => {
    expect(isDateLike('日期', '')).toBe(true);
    expect(isDateLike('会议时间', '某日')).toBe(true);
    expect(isDateLike('年度', '××××')).toBe(true);
    expect(isDateLike('落款', '2025年1月5日')).toBe(true);
    expect(isDateLike('届次', '二〇二五年')).toBe(true);
    expect(isDateLike('姓名', '某某')).toBe(false);
    expect(isDateLike('单位全称', '某某单位')).toBe(false);
  });
});
