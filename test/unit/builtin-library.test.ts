/**
 * Bixia's own collections (data/builtin/ and the model report): what a
 * machine can check of content that ships. The wording itself is reviewed by
 * people, by the rules in docs/builtin-library.md.
 */
import { readFileSync } from 'node:fs';
import builtin, { builtinInfo } from 'virtual:bixia-builtin-library';
import { collections as extra } from 'virtual:bixia-builtin-extra';
import { describe, expect, it } from 'vitest';
import { PHRASE_FUNCTIONS, PHRASE_SHAPES, checkBuiltinDocument, duplicateKey, frameTitle } from '../../core/builtin-check';
import { isBuiltinCollectionId, isBuiltinEntryId } from '../../core/builtin-ids';
import { type Entry, libraryDocument } from '../../core/library';
import { checkLibraryValue } from '../../core/library-schema';
import { listPlaceholders, placeholderUses, renderBody } from '../../core/placeholders';
import { buildSearchIndex, searchEntries } from '../../core/search';
import { readBuiltinLibrary } from '../../scripts/builtin-library-plugin';

const list = JSON.parse(readFileSync(new URL('../../data/builtin/collections.json', import.meta.url), 'utf8')) as {
  collections: { id: string; file: string; shownByDefault: boolean }[];
};
const readData = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../data/builtin/${file}`, import.meta.url), 'utf8'));
const collections = [builtin, ...extra];
const shownByDefault = Object.fromEntries(builtinInfo.map((info) => [info.id, info.shownByDefault]));
const entries = collections.flatMap((c) => c.entries);
const phrases = collections.find((c) => c.id === 'builtin-phrases')!.entries;

describe('the built-in collections', () => {
  it('are the model report first, then every listed file, in order, as the settings list them', () => {
    expect(builtinInfo.map((info) => info.id)).toEqual(collections.map((c) => c.id));
    expect(builtinInfo.map((info) => info.templates + info.snippets)).toEqual(collections.map((c) => c.entries.length));
    expect(collections.map((c) => c.id)).toEqual(['builtin', ...list.collections.map((c) => c.id)]);
    expect(collections.every((c) => c.readOnly && isBuiltinCollectionId(c.id))).toBe(true);
    expect(entries.every((e) => isBuiltinEntryId(e.id))).toBe(true);
  });

  it('pass the library schema, as a user\'s collections do', () => {
    const checked = checkLibraryValue(JSON.parse(JSON.stringify(libraryDocument(collections))));
    expect(checked.ok ? 'ok' : checked.error).toBe('ok');
  });

  it.each(list.collections)('$file passes every check of a built-in file', ({ id, file }) => {
    const { problems } = checkBuiltinDocument(readData(file), id);
    expect(problems).toEqual([]);
  });

  it('give every placeholder a default that is not empty', () => {
    const missing = entries.flatMap((e) => placeholderUses(e.body).filter((p) => !p.defaultValue?.trim()).map((p) => `${e.id} {{${p.name}}}`));
    expect(missing).toEqual([]);
  });

  it('have no entry that says what another says', () => {
    const seen = new Map<string, string>();
    const twins: string[] = [];
    for (const e of entries) {
      // A 落款 is the same few lines in every document that has one.
      const key = e.tags[0] === '落款' ? `${e.id}` : duplicateKey(e);
      const twin = seen.get(key);
      if (twin) twins.push(`${e.id} = ${twin}`);
      else seen.set(key, e.id);
    }
    expect(twins).toEqual([]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('show the model report and the phrase library by default', () => {
    expect(shownByDefault.builtin).toBe(true);
    expect(shownByDefault['builtin-phrases']).toBe(true);
  });

  it('give a placeholder name one meaning: the shared names default alike within a collection', () => {
    const clashes: string[] = [];
    // The model report's collection is what the parser makes of it, with its own mapping.
    for (const c of collections.filter((c) => c.id !== 'builtin')) {
      const defaults = new Map<string, Set<string>>();
      for (const e of c.entries) for (const p of placeholderUses(e.body)) {
        if (!defaults.has(p.name)) defaults.set(p.name, new Set());
        defaults.get(p.name)!.add(p.defaultValue ?? '');
      }
      for (const name of ['姓名', '职务', '单位全称', '党组织名称', '会议名称', '年度', '日期']) {
        if ((defaults.get(name)?.size ?? 0) > 1) clashes.push(`${c.id} ${name}: ${[...defaults.get(name)!].join(' / ')}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('the phrase library', () => {
  it('holds at least 300 phrases, each tagged with its function and shape', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(300);
    for (const p of phrases) {
      expect(p.kind, p.id).toBe('snippet');
      expect(PHRASE_FUNCTIONS, p.id).toContain(p.tags[0]);
      expect(p.path[0], p.id).toBe(p.tags[0]);
      expect(p.tags.filter((t) => (PHRASE_SHAPES as readonly string[]).includes(t)), p.id).toHaveLength(1);
    }
  });

  it('covers every function, and the usual 方面 of 问题查摆 and 原因剖析', () => {
    const count = (path: string[]) => phrases.filter((p) => path.every((step, i) => p.path[i] === step)).length;
    for (const fn of PHRASE_FUNCTIONS) expect(count([fn]), fn).toBeGreaterThanOrEqual(25);
    for (const aspect of ['理论学习', '政治能力', '担当作为', '作风纪律', '廉洁自律', '联系服务群众']) {
      expect(count(['问题查摆', aspect]), aspect).toBeGreaterThanOrEqual(10);
    }
    for (const aspect of ['理想信念', '宗旨意识', '党性修养', '纪律规矩', '主观与客观']) {
      expect(count(['原因剖析', aspect]), aspect).toBeGreaterThanOrEqual(8);
    }
  });

  it('has slot frames whose blank is a placeholder, titled with the blank as ……', () => {
    const frames = phrases.filter((p) => p.tags.includes('框架'));
    expect(frames.length).toBeGreaterThanOrEqual(60);
    for (const f of frames) {
      expect(listPlaceholders(f.body).length, f.id).toBeGreaterThan(0);
      expect(f.title, f.id).toBe(frameTitle(f.body));
    }
    // A frame read with its defaults is a whole phrase, with no 【gap】 left.
    expect(frames.filter((f) => /【/.test(renderBody(f.body)))).toEqual([]);
  });
});


describe('the document frameworks', () => {
  const frames = collections.filter((c) => c.id !== 'builtin' && c.id !== 'builtin-phrases');

  it('are the five documents, each with its whole text, opening, sections and closing', () => {
    expect(frames.map((c) => c.id).sort()).toEqual(['builtin-dangxing', 'builtin-duizhao', 'builtin-fayan', 'builtin-jianshi', 'builtin-piping']);
    for (const c of frames) {
      const tags = c.entries.map((e) => e.tags[0]);
      expect(tags.filter((t) => t === '全文'), c.id).toHaveLength(1);
      expect(tags, c.id).toContain('开头');
      expect(tags, c.id).toContain('结尾');
      expect(tags.filter((t) => t === '章节').length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.entries.every((e) => e.kind === 'template'), c.id).toBe(true);
    }
  });

  it('ask the writer for who and when with the shared names, where the document is signed', () => {
    for (const c of frames) {
      const signature = c.entries.find((e) => e.tags[0] === '落款');
      if (!signature) continue;
      const names = listPlaceholders(signature.body).map((p) => p.name);
      expect(names, c.id).toEqual(expect.arrayContaining(['姓名', '日期']));
    }
    expect(frames.filter((c) => c.entries.some((e) => e.tags[0] === '落款')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the built-in files as the build reads them', () => {
  it('give the same collections as the extension ships', () => {
    expect(readBuiltinLibrary().collections).toEqual(collections);
  });

  it('are refused with the file, the entry and the reason', () => {
    const good = readData('phrases.json') as { collections: { entries: Entry[] }[] };
    const broken = structuredClone(good);
    const entries = broken.collections[0]!.entries;
    entries[0]!.body = '坚持{{内容}}不放松';
    entries[1]!.tags = ['某某'];
    entries[2]!.body = entries[3]!.body;
    const { problems } = checkBuiltinDocument(broken, 'builtin-phrases');
    const about = (id: string) => problems.filter((p) => p.entry === id).map((p) => p.message).join(' | ');
    expect(about(entries[0]!.id)).toMatch(/has no default/);
    expect(about(entries[1]!.id)).toMatch(/first tag must be the function/);
    expect(about(entries[3]!.id)).toMatch(/says the same as/);
    expect(checkBuiltinDocument(good, 'builtin-other').problems.map((p) => p.message).join()).toMatch(/list of built-in files says/);
  });

  it('refuse a framework whose whole text is not its parts', () => {
    const file = list.collections.find((c) => c.id === 'builtin-fayan')!.file;
    const broken = structuredClone(readData(file)) as { collections: { entries: Entry[] }[] };
    const part = broken.collections[0]!.entries.find((e) => e.path.length === 1 && e.tags[0] === '结尾')!;
    part.body += '另加一句。';
    expect(checkBuiltinDocument(broken, 'builtin-fayan').problems.map((p) => p.message)).toContain('the whole document is not its title line and its parts in order');
  });
});

describe('search over the defaults', () => {
  // Words writers of the genre search for; the issue checks with a list of its own.
  const WORDS = [
    '初心使命', '两个维护', '四个意识', '主题教育', '调查研究', '斗争精神', '本领恐慌', '形式主义', '官僚主义', '为民服务', '急难愁盼', '谈心谈话',
    '警示教育', '党风廉政', '一岗双责', '主体责任', '自我革命', '求真务实', '真抓实干', '担当作为', '攻坚克难', '学用结合', '知行合一', '以学促干',
    '奉献', '精神懈怠', '好人主义', '一团和气', '奢靡', '享乐', '文山会海', '层层加码', '纪律规矩', '廉洁自律', '慎独', '家风', '身边人', '三会一课',
    '先锋模范', '表率作用', '整改清单', '回头看', '长效机制', '建章立制', '举一反三', '立行立改', '以上发言', '批评指正', '不妥之处', '对照检查',
    '检视剖析', '思想根源', '世界观', '总开关', '群众观点', '政治能力', '政治站位', '意识形态', '打折扣', '满足于', '得过且过', '进取心', '安于现状',
    '推诿', '走马观花', '作风建设', '八项规定', '四风', '党性修养', '党员意识', '理论武装', '心得体会', '收获', '感悟', '差距', '短板', '不足之处',
    '努力方向', '下一步', '决心', '表态', '自我批评', '相互批评', '同志们', '民主生活会', '组织生活会', '上年度', '民主集中制', '个人有关事项', '敬畏',
    '心存侥幸', '小节', '信仰', '宗旨', '实事求是', '基层', '创新', '担当', '作风', '初心', '整改', '批评', '作为', '责任', '使命', '奋斗',
    '实效',
  ];
  const shown = collections.filter((c) => shownByDefault[c.id]).flatMap((c) => c.entries);
  const index = buildSearchIndex(shown);

  it.each(WORDS)('%s finds at least three entries', (word) => {
    expect(searchEntries(index, word).length).toBeGreaterThanOrEqual(3);
  });
});
