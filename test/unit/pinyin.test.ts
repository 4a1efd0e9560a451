// @vitest-environment node
/**
 * Pinyin readings made at build and save time (core/pinyin.ts), and search by them
 * (core/search.ts): polyphones read in context with their other readings kept, full pinyin,
 * initials, a syllable being typed, pinyin mixed with Han, tags and placeholder names, ranking
 * and highlighting.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/library';
import { pinyinTable, refreshPinyinTable } from '../../core/pinyin';
import { buildSearchIndex, highlightRanges, scanEntries, searchEntries, searchTexts } from '../../core/search';

const entry = (id: string, title: string, body = title, extra: Partial<Entry> = {}): Entry => ({ id, kind: 'snippet', title, path: [], body, tags: [], ...extra });

describe('pinyinTable', () => {
  it('reads polyphones in context, first, and keeps their other readings', () => {
    const table = pinyinTable(['银行', '重庆', '表率']);
    expect(table['银行']!.split(' ')[1]!.split(',')[0]).toBe('hang');
    expect(table['重庆']!.split(' ')[0]!.split(',')[0]).toBe('chong');
    const lv = table['表率']!.split(' ')[1]!.split(',');
    expect(lv[0]).toBe('shuai');
    expect(lv).toContain('lv');
  });

  it('gives one token per character, none for what is not Han, and rows only for Han texts', () => {
    const table = pinyinTable(['第2条', 'abc', '']);
    expect(Object.keys(table)).toEqual(['第2条']);
    expect(table['第2条']!.split(' ')).toHaveLength(3);
    expect(table['第2条']!.split(' ')[1]).toBe('');
  });

  it('keeps rows it had and drops rows no longer asked for, any text a key', () => {
    const first = pinyinTable(['学习', '__proto__作风']);
    expect(Object.hasOwn(first, '__proto__作风')).toBe(true);
    const next = refreshPinyinTable(['学习', '担当'], first);
    expect(Object.keys(next).sort()).toEqual(['学习', '担当'].sort());
    expect(next['学习']).toBe(first['学习']);
  });
});

describe('search by pinyin', () => {
  const entries = [
    entry('a', '争做表率', '在工作中争做表率。'),
    entry('b', '发挥表率作用', '发挥党员的表率作用。'),
    entry('c', '去银行办事', '去银行办事。'),
    entry('d', '重庆之行', '到重庆学习。'),
    entry('e', '学习不够深入', '理论学习不够深入。', { tags: ['排比'] }),
    entry('f', '落款', '{{单位全称|某单位}}\n{{姓名}}', { kind: 'template', path: ['落款'] }),
  ];
  const table = pinyinTable(entries.flatMap(searchTexts));
  const index = buildSearchIndex(entries, { pinyin: (text) => table[text] });
  const ids = (query: string) => searchEntries(index, query).slice().map((e) => e.id);

  it('finds by full pinyin, by initials, by a syllable being typed, and mixed with Han', () => {
    expect(ids('biaoshuai')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids('biaolv')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids('bl')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids('biaol')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids('bl作用')).toEqual(['b']);
    expect(ids('yinhang')).toEqual(['c']);
    expect(ids('chongqing')).toEqual(['d']);
  });

  it('ranks a title that starts with the query first', () => {
    expect(ids('zzbl')[0]).toBe('a');
    expect(ids('fhbl')[0]).toBe('b');
  });

  it('finds tags and placeholder names', () => {
    expect(ids('排比')).toEqual(['e']);
    expect(ids('单位全称')).toEqual(['f']);
    expect(ids('dwqc')).toEqual(['f']);
  });

  it('still finds what a plain scan finds', () => {
    for (const query of ['表率', '学习', '银行', '作用', '单位']) {
      expect(ids(query).sort(), query).toEqual(
        expect.arrayContaining(scanEntries(entries, query).map((e) => e.id)),
      );
    }
  });

  it('reads across spaces and punctuation inside a title or a name, never starting on them', () => {
    const more = [
      entry('p', '说实话、办实事', '正文'),
      entry('q', '“三会一课”', '正文'),
      entry('r', '其他', '正文', { path: ['学习 教育'] }),
    ];
    const moreTable = pinyinTable(more.flatMap(searchTexts));
    const moreIndex = buildSearchIndex(more, { pinyin: (text) => moreTable[text] });
    const found = (query: string) => searchEntries(moreIndex, query).slice().map((e) => e.id);
    expect(found('sshbss')).toEqual(['p']);
    expect(found('huaban')).toEqual(['p']);
    expect(found('hb')).toEqual(['p']);
    expect(found('shyk')).toEqual(['q']);
    expect(found('xxjy')).toEqual(['r']);
    expect(highlightRanges('说实话、办实事', 'sshbss', moreTable['说实话、办实事'])).toEqual([[0, 7]]);
    expect(highlightRanges('“三会一课”', 'shyk', moreTable['“三会一课”'])).toEqual([[1, 5]]);
  });

  it('marks the matched characters, by Han and by pinyin', () => {
    expect(highlightRanges('发挥表率作用', '表率')).toEqual([[2, 4]]);
    expect(highlightRanges('发挥表率作用', 'bl', table['发挥表率作用'])).toEqual([[2, 4]]);
    expect(highlightRanges('发挥表率作用', 'bl作用', table['发挥表率作用'])).toEqual([[2, 6]]);
  });
});

describe('ranking', () => {
  it('puts an equal title first, short phrases above long templates, the whole report not first', () => {
    const whole = entry('whole', '个人党性分析报告', '学习'.repeat(400), { kind: 'template' });
    const long = entry('long', '加强理论学习方面', '学习'.repeat(150), { kind: 'template', path: ['一、'] });
    const short = entry('short', '持续深化理论学习', '持续深化理论学习。');
    const equal = entry('equal', '理论学习', '理论学习。');
    const index = buildSearchIndex([whole, long, short, equal]);
    const order = searchEntries(index, '学习').slice().map((e) => e.id);
    expect(order[order.length - 1]).toBe('whole');
    expect(order.indexOf('short')).toBeLessThan(order.indexOf('long'));
    expect(searchEntries(index, '理论学习').at(0)!.id).toBe('equal');
  });

  it('lifts favourites and recent uses within the same rank', () => {
    const a = entry('a', '学习一', '学习一');
    const b = entry('b', '学习二', '学习二');
    const index = buildSearchIndex([a, b]);
    expect(searchEntries(index, '学习').slice().map((e) => e.id)).toEqual(['a', 'b']);
    expect(searchEntries(index, '学习', { favorites: ['b'] }).slice().map((e) => e.id)).toEqual(['b', 'a']);
    expect(searchEntries(index, '学习', { recent: ['b'] }).slice().map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('lifts within each rank only: a favourite text match stays below title matches, above other text matches', () => {
    const index = buildSearchIndex([
      entry('t1', '学习一', '正文'),
      entry('x1', '其他一', '说到学习'),
      entry('t2', '学习二', '正文'),
      entry('x2', '其他二', '说到学习'),
      entry('t3', '再谈学习', '正文'),
    ]);
    const ranked = (lift: { favorites?: string[]; recent?: string[] }) => searchEntries(index, '学习', lift).slice().map((e) => e.id);
    expect(ranked({})).toEqual(['t1', 't2', 't3', 'x1', 'x2']);
    expect(ranked({ favorites: ['x2'] })).toEqual(['t1', 't2', 't3', 'x2', 'x1']);
    expect(ranked({ favorites: ['x2', 't2'], recent: ['t3'] })).toEqual(['t2', 't1', 't3', 'x2', 'x1']);
  });

  it('reads results by position, as a list does', () => {
    const index = buildSearchIndex([entry('a', '学习一', '一'), entry('b', '学习二', '二'), entry('c', '其他', '三')]);
    const results = searchEntries(index, '学习');
    expect(results.length).toBe(2);
    expect([results.at(0)!.id, results.at(-1)!.id, results.at(2)]).toEqual(['a', 'b', undefined]);
    expect([...results].map((e) => e.id)).toEqual(['a', 'b']);
    expect(results.slice(1).map((e) => e.id)).toEqual(['b']);
    expect(searchEntries(index, '').slice().map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});
