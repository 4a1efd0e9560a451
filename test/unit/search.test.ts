import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/library';
import { buildSearchIndex, foldForSearch, scanEntries, searchEntries } from '../../core/search';

const entry = (id: string, title: string, body: string, path: string[] = []): Entry => ({
  id,
  kind: 'template',
  title,
  body,
  path,
  tags: [],
});

const entries = [
  entry('a', '主要差距不足', '一是学习不够。', ['主要差距不足']),
  entry('b', '争做表率', '在{{单位|园区}}做表率。', ['努力方向', '争做表率']),
  entry('c', '成因分析', '学习有所放松。', ['成因分析']),
  entry('d', 'Ｗord 英文', '含有 ABC 的正文', ['其他']),
];
const index = buildSearchIndex(entries);
const ids = (query: string) => searchEntries(index, query).slice().map((e) => e.id);

describe('searchEntries', () => {
  it('lists everything, in library order, for an empty query', () => {
    expect(ids('')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('   ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches Chinese substrings in title, path and text, title matches first', () => {
    expect(ids('学习')).toEqual(['a', 'c']);
    expect(ids('差距')).toEqual(['a']);
    expect(ids('努力')).toEqual(['b']);
    expect(ids('分析 学习')).toEqual(['c']);
  });

  it('ranks a title match above a text match', () => {
    const more = buildSearchIndex([entry('x', '其他', '这里说到表率'), entry('y', '争做表率', '正文')]);
    expect(searchEntries(more, '表率').slice().map((e) => e.id)).toEqual(['y', 'x']);
  });

  it('finds the default words of a placeholder', () => {
    expect(ids('园区')).toEqual(['b']);
  });

  it('ignores case and full-width forms', () => {
    expect(foldForSearch('ＡＢＣ　d')).toBe('abc d');
    expect(ids('abc')).toEqual(['d']);
    expect(ids('WORD')).toEqual(['d']);
  });

  it('requires every term', () => {
    expect(ids('学习 表率')).toEqual([]);
  });

  it('finds what a plain scan finds while the user types, deletes and retypes', () => {
    const alphabet = '学习表率园区争做能力不足ab';
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    const many = Array.from({ length: 300 }, (_, i) =>
      entry(`e${i}`, word(1 + random(6)), word(random(40)), Array.from({ length: random(3) }, () => word(1 + random(4)))),
    );
    const big = buildSearchIndex(many);
    let query = '';
    for (let step = 0; step < 400; step++) {
      const action = random(10);
      if (action < 6) query += alphabet[random(alphabet.length)];
      else if (action < 7) query += ' ';
      else if (action < 9) query = query.slice(0, -1);
      else query = '';
      // The same entries as the plain scan, none missed and none extra (the order is the ranking's).
      const expected = scanEntries(many, query).map((e) => e.id).sort();
      expect(searchEntries(big, query).slice().map((e) => e.id).sort(), JSON.stringify(query)).toEqual(expected);
    }
  });
});

