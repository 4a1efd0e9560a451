/**
 * The acceptance checks of the foundation issue, on the seed report: the
 * built-in library's structure, its placeholders, and that nothing is lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:bixia-builtin-library';
import { buildBuiltinCollection } from '../../core/builtin-library';
import { listPlaceholders, renderBody } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';

const seed = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8');
const seedWithoutMarkers = seed.replace(/##paid(begin|end)##/g, '').trim();
const templates = builtin.entries.filter((e) => e.kind === 'template');
const snippets = builtin.entries.filter((e) => e.kind === 'snippet');

describe('the built-in library generated from the seed report', () => {
  it('is what the build plugin generates from data/seed-report.txt', () => {
    expect(builtin).toEqual(readBuiltinCollection());
    expect(builtin.readOnly).toBe(true);
  });

  it('keeps the repository copy of the seed identical to the shared one it came from', () => {
    const shared = new URL('../../../shared/seed-report.txt', import.meta.url);
    let original: string | null = null;
    try {
      original = readFileSync(shared, 'utf8');
    } catch {
      // The product never reads ../shared; outside a checkout beside it there is nothing to compare.
    }
    if (original !== null) expect(seed).toBe(original);
  });

  it('has the three sections as its top-level paths, in order', () => {
    const topLevel = templates.filter((t) => t.tags.includes('章节')).map((t) => t.path[0]);
    expect(topLevel).toEqual(['主要差距不足', '成因分析', '努力方向']);
  });

  it('has one whole-report template whose text is the seed without the markers', () => {
    const whole = templates.filter((t) => t.path.length === 0);
    expect(whole).toHaveLength(1);
    expect(renderBody(whole[0]!.body)).toBe(seedWithoutMarkers);
    expect(whole[0]!.title).toBe('参加市县级领导干部“创新领导力提升”高级研修班个人党性分析报告');
  });

  it('has three items under 主要差距不足 and four under 努力方向', () => {
    const itemsUnder = (section: string) =>
      templates.filter((t) => t.path.length === 2 && t.path[0] === section).map((t) => t.title);
    expect(itemsUnder('主要差距不足')).toEqual([
      '创新思维能力还需进一步提升',
      '综合协调能力还需进一步提升',
      '影响带动能力还需进一步提升',
    ]);
    expect(itemsUnder('努力方向')).toEqual([
      '不断提高学习能力，争做解放思想的表率',
      '不断提高领导能力，争做勤政务实的表率',
      '不断提高创新能力，争做克难奋进的表率',
      '不断提高自律能力，争做永葆本色的表率',
    ]);
  });

  it('splits 成因分析 into 主观上 and 客观上, each with its 一是 / 二是 items', () => {
    const under = (path: string[]) =>
      templates
        .filter((t) => t.path.length === path.length + 1 && path.every((p, i) => t.path[i] === p))
        .map((t) => t.title);
    expect(under(['成因分析'])).toEqual(['主观上', '客观上']);
    expect(under(['成因分析', '主观上'])).toEqual(['工作任务重，学习有所放松', '思想压力大，工作不够大胆']);
    expect(under(['成因分析', '客观上'])).toEqual(['外在环境和政策的影响和制约', '工作任务繁重']);
    const subjective = templates.find((t) => t.path.join('/') === '成因分析/主观上')!;
    expect(renderBody(subjective.body)).toMatch(/^主观上：一是工作任务重.*二是思想压力大.*大胆。$/);
  });

  it('inserts each item with its own numbering and nothing of its neighbours', () => {
    const second = templates.find((t) => t.title === '综合协调能力还需进一步提升')!;
    const text = renderBody(second.body);
    expect(text.startsWith('二是综合协调能力还需进一步提升。工业园区的发展')).toBe(true);
    expect(text).not.toContain('三是');
    expect(text).not.toContain('\n');
  });

  it('has no marker or BOM in any title, body or path', () => {
    for (const entry of builtin.entries) {
      for (const text of [entry.title, entry.body, ...entry.path]) {
        expect(text).not.toMatch(/##paid|\ufeff/);
      }
    }
  });

  it('puts every sentence of the seed in some template body once placeholders take their defaults', () => {
    const rendered = templates.filter((t) => t.path.length > 0).map((t) => renderBody(t.body));
    const wholeText = renderBody(templates.find((t) => t.path.length === 0)!.body);
    const sentences = seedWithoutMarkers.split(/(?<=[。！？])|\n/).map((s) => s.trim()).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(30);
    for (const sentence of sentences) {
      expect(wholeText).toContain(sentence);
      // Everything but the title and the opening paragraph also lives in a section.
      if (!seedWithoutMarkers.split('\n').slice(0, 2).join('\n').includes(sentence)) {
        expect(rendered.some((body) => body.includes(sentence)), sentence).toBe(true);
      }
    }
  });

  it('turns the course, the organisers and the workplace into placeholders that default to the original words', () => {
    const whole = templates.find((t) => t.path.length === 0)!;
    const names = Object.fromEntries(listPlaceholders(whole.body).map((p) => [p.name, p.defaultValue]));
    expect(names).toMatchObject({
      研修班名称: '“创新领导力提升”高级研修班',
      主办单位: '市委组织部和X大学',
      单位全称: '工业园区',
      单位简称: '园区',
    });
    expect(whole.body).not.toMatch(/(?<!\|)工业园区(?!\}\})/);
    const filled = renderBody(whole.body, { 单位全称: '经济开发区', 单位简称: '开发区', 主办单位: '省委党校' });
    expect(filled).toContain('作为一名开发区干部');
    expect(filled).toContain('但是，经济开发区作为县域经济发展的前沿阵地');
    expect(filled).toContain('我参加了省委党校联合举办的');
    expect(filled).not.toContain('园区');
  });

  it('makes the unit’s one-character short form a placeholder where it stands as a word, not inside 园区', () => {
    const whole = templates.find((t) => t.path.length === 0)!;
    for (const words of ['全{{单位单字简称|区}}上下', '{{单位单字简称|区}}辖镇', '{{单位单字简称|区}}务和镇务', '{{单位单字简称|区}}、镇']) {
      expect(whole.body).toContain(words);
    }
    expect(whole.body.match(/\{\{单位单字简称\|区\}\}/g)).toHaveLength(5);
    const filled = renderBody(whole.body, { 单位全称: 'X县农业农村局', 单位简称: '农业农村局', 单位单字简称: '局', 所在地域: '县域' });
    expect(filled).toContain('团结带领全局上下齐心协力');
    expect(filled).not.toContain('园区');
  });

  it('makes the county and the writer’s position placeholders too', () => {
    const whole = templates.find((t) => t.path.length === 0)!;
    expect(whole.body.match(/\{\{所在地域\|县域\}\}经济/g)).toHaveLength(3);
    const filled = renderBody(whole.body, { 所在地域: '市域', 职务: '党工委副书记' });
    expect(filled).toContain('作为市域经济发展的前沿阵地');
    expect(filled).toContain('作为党工委副书记，既要统观全局');
    expect(filled).not.toContain('县域');
  });

  it('adds the 落款 the seed lacks, after the report’s own templates: unit, position and name, date', () => {
    const index = builtin.entries.findIndex((e) => e.title === '落款');
    const signature = builtin.entries[index]!;
    expect(signature).toMatchObject({ kind: 'template', path: ['落款'], tags: ['落款'] });
    expect(builtin.entries.slice(0, index).every((e) => e.kind === 'template')).toBe(true);
    expect(builtin.entries.slice(index + 1).every((e) => e.kind === 'snippet')).toBe(true);
    expect(listPlaceholders(signature.body)).toEqual([
      { name: '单位全称', defaultValue: '工业园区' },
      { name: '职务', defaultValue: '党工委书记' },
      { name: '姓名', defaultValue: '某某' },
      { name: '日期', defaultValue: '@今天' },
    ]);
    expect(renderBody(signature.body, { 姓名: '张某', 日期: '2026年12月20日' })).toBe('工业园区\n党工委书记　张某\n2026年12月20日');
    // Every built-in placeholder has a default: the date left as it is reads as the day it is used.
    expect(renderBody(signature.body, {}, new Date(2026, 11, 1))).toBe('工业园区\n党工委书记　某某\n2026年12月1日');
    expect(signature.id).toBe('builtin:t-18t10xz0ak18rp');
  });

  it('offers the set phrases of the genre as snippets, each with the path it came from', () => {
    const byText = new Map(snippets.map((s) => [renderBody(s.body), s]));
    expect(byText.get('说实话、办实事、鼓实劲、求实效')?.path).toEqual([
      '努力方向',
      '不断提高自律能力，争做永葆本色的表率',
    ]);
    expect(byText.get('一种职业准备、一种生存方式、一种生活状态、一种精神追求')?.path[0]).toBe('努力方向');
    expect(byText.get('堂堂正正做人、踏踏实实做事')?.tags).toContain('对仗');
    expect(byText.get('说实话、办实事、鼓实劲、求实效')?.tags).toContain('排比');
    // An item's heading is a template already, never a snippet too.
    const headings = new Set(templates.map((t) => t.title));
    expect(snippets.filter((s) => headings.has(renderBody(s.body))).map((s) => s.title)).toEqual([]);
    expect(byText.get('不仅要带头干事创业，更要带着队伍干事创业')?.path[0]).toBe('主要差距不足');
    for (const snippet of snippets) {
      expect(seedWithoutMarkers).toContain(renderBody(snippet.body));
      expect(snippet.body.length).toBeLessThanOrEqual(80);
    }
  });

  it('gives every entry a unique id, and the same ids when the seed is parsed again', () => {
    const ids = builtin.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = buildBuiltinCollection(seed, JSON.parse(readFileSync(new URL('../../data/seed-placeholders.json', import.meta.url), 'utf8')));
    expect(again.entries.map((e) => e.id)).toEqual(ids);
  });

  it('refuses a placeholder mapping whose words or contexts are not in the seed', () => {
    expect(() =>
      buildBuiltinCollection(seed, { placeholders: [{ name: '单位', text: '不存在的单位' }] }),
    ).toThrow(/does not occur/);
    expect(() =>
      buildBuiltinCollection(seed, { placeholders: [{ name: '单位', text: '区', contexts: ['全区', '区委'] }] }),
    ).toThrow(/"区委" \(单位\) does not occur/);
  });
});
