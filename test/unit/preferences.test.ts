import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Entry } from '../../core/library';
import { favoritesAndRecentFirst } from '../../core/ordering';
import { RECENT_LIMIT, readPreferences, recordUse, rememberPlaceholderValues, toggleFavorite } from '../../utils/preferences';

describe('preferences in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('toggles favourites, newest first', async () => {
    await toggleFavorite('a');
    await toggleFavorite('b');
    expect((await readPreferences()).favorites).toMatchObject({ ok: true, value: ['b', 'a'] });
    await toggleFavorite('a');
    expect((await readPreferences()).favorites).toMatchObject({ ok: true, value: ['b'] });
    // Stored as earlier versions of Bixia stored it: the list, and its version mark.
    expect(await fakeBrowser.storage.local.get(['favorites', 'favorites$'])).toEqual({ favorites: ['b'], favorites$: { v: 1 } });
  });

  it('keeps recent uses newest first, once each, up to the limit', async () => {
    await recordUse('a', 1);
    await recordUse('b', 2);
    const recent = await recordUse('a', 3);
    expect(recent).toEqual([
      { id: 'a', at: 3 },
      { id: 'b', at: 2 },
    ]);
    for (let i = 0; i < RECENT_LIMIT + 5; i++) await recordUse(`x${i}`, 10 + i);
    const last = await recordUse('y', 100);
    expect(last).toHaveLength(RECENT_LIMIT);
    expect(last[0]).toEqual({ id: 'y', at: 100 });
  });

  it('merges placeholder values typed now into those typed before', async () => {
    await rememberPlaceholderValues({ 单位: '开发区', 主办单位: '省委党校' });
    await rememberPlaceholderValues({ 单位: '高新区' });
    expect((await readPreferences()).placeholderValues).toMatchObject({ ok: true, value: { 单位: '高新区', 主办单位: '省委党校' } });
  });

  it('stores placeholder values as [name, value] pairs, so names such as constructor survive Firefox storage', async () => {
    await fakeBrowser.storage.local.set({ placeholderValues: { 单位: '开发区' }, placeholderValues$: { v: 1 } });
    expect((await readPreferences()).placeholderValues).toMatchObject({ ok: true, value: { 单位: '开发区' } });
    await rememberPlaceholderValues({ constructor: '甲', toString: '乙' });
    expect(await fakeBrowser.storage.local.get(['placeholderValues', 'placeholderValues$'])).toEqual({
      placeholderValues: [
        ['单位', '开发区'],
        ['constructor', '甲'],
        ['toString', '乙'],
      ],
      placeholderValues$: { v: 2 },
    });
    const read = await readPreferences();
    expect(read.placeholderValues.ok && Object.entries(read.placeholderValues.value)).toEqual([
      ['单位', '开发区'],
      ['constructor', '甲'],
      ['toString', '乙'],
    ]);
  });
});

describe('favoritesAndRecentFirst', () => {
  const e = (id: string): Entry => ({ id, kind: 'template', title: id, body: id, path: [], tags: [] });
  const entries = ['a', 'b', 'c', 'd', 'e'].map(e);
  const ids = (list: Entry[]) => list.map((x) => x.id);

  it('puts favourites first, then recent uses, then the rest in order', () => {
    expect(ids(favoritesAndRecentFirst(entries, ['d'], ['b', 'd', 'e']))).toEqual(['d', 'b', 'e', 'a', 'c']);
  });

  it('ignores ids that are no longer in the library, and changes nothing without preferences', () => {
    expect(ids(favoritesAndRecentFirst(entries, ['gone'], []))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(favoritesAndRecentFirst(entries, [], []))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
