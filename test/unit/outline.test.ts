import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBuiltinCollection } from '../../core/builtin-library';
import { buildOutline, type OutlineNode } from '../../core/outline';

const seed = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8');
const collection = buildBuiltinCollection(seed, { placeholders: [] });

describe('buildOutline', () => {
  it('puts the whole report at the root, sections and items below it', () => {
    const roots = buildOutline(collection.entries);
    expect(roots).toHaveLength(1);
    const titles = (node: OutlineNode) => node.children.map((c) => c.title);
    expect(titles(roots[0]!)).toEqual(['开头', '主要差距不足', '成因分析', '努力方向']);
    expect(titles(roots[0]!.children[2]!)).toEqual(['主观上', '客观上']);
    expect(titles(roots[0]!.children[2]!.children[0]!)).toHaveLength(2);
  });

  it('hangs every phrase under the template it came from', () => {
    const roots = buildOutline(collection.entries);
    const all: OutlineNode[] = [];
    const visit = (n: OutlineNode) => {
      all.push(n);
      n.children.forEach(visit);
    };
    roots.forEach(visit);
    const owner = all.find((n) => n.phrases.some((p) => p.title === '说实话、办实事、鼓实劲、求实效'));
    expect(owner?.template?.title).toBe('不断提高自律能力，争做永葆本色的表率');
    const phraseCount = all.reduce((sum, n) => sum + n.phrases.length, 0);
    expect(phraseCount).toBe(collection.entries.filter((e) => e.kind === 'snippet').length);
  });

  it('groups phrases without templates by their own paths, in order', () => {
    const phrase = (id: string, path: string[]) => ({ id, kind: 'snippet' as const, title: id, body: id, path, tags: [] });
    const roots = buildOutline([phrase('a', ['开头']), phrase('b', ['问题查摆', '理论学习']), phrase('c', ['问题查摆', '政治能力']), phrase('d', ['问题查摆', '理论学习'])]);
    expect(roots.map((n) => [n.title, n.template])).toEqual([
      ['开头', null],
      ['问题查摆', null],
    ]);
    expect(roots[0]!.phrases.map((p) => p.id)).toEqual(['a']);
    expect(roots[1]!.children.map((n) => n.title)).toEqual(['理论学习', '政治能力']);
    expect(roots[1]!.children[0]!.phrases.map((p) => p.id)).toEqual(['b', 'd']);
    expect(new Set(roots.flatMap((n) => [n.key, ...n.children.map((c) => c.key)])).size).toBe(4);
  });
});
