import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/library';
import { buildCollection } from '../../core/library';
import {
  EMPTY_DRAFT,
  NO_FILTER,
  countTicked,
  excerpt,
  framePart,
  draftFromEntry,
  draftsDiffer,
  entryDraftOf,
  fileNameWithoutExtension,
  filterEntries,
  isBodyEmpty,
  isTextTarget,
  megabytes,
  neighbourAfterRemoval,
  setTicked,
  snippetGroups,
  splitPath,
  splitTags,
  templateTree,
  tickState,
  viewFromHash,
} from '../../entrypoints/options/logic';

const entry = (id: string, kind: Entry['kind'], path: string[], tags: string[] = []): Entry => ({ id, kind, title: id, body: `${id}正文`, path, tags });

describe('viewFromHash', () => {
  it('opens the view the hash names, the library otherwise', () => {
    expect(viewFromHash('#import')).toBe('import');
    expect(viewFromHash('#backup')).toBe('backup');
    expect(viewFromHash('#library')).toBe('library');
    expect(viewFromHash('')).toBe('library');
    expect(viewFromHash('#nonsense')).toBe('library');
    expect(viewFromHash('#import/extra')).toBe('import');
  });
});

describe('editor fields', () => {
  it('splits tags on commas of either width, 、, semicolons and blanks, each once', () => {
    expect(splitTags('章节, 学习、表率；学习  差距\u3000整改')).toEqual(['章节', '学习', '表率', '差距', '整改']);
    expect(splitTags(' , 、 ')).toEqual([]);
  });

  it('splits a section path on / (either width) and ›, and joins it with " / "', () => {
    expect(splitPath('成因分析 / 主观上')).toEqual(['成因分析', '主观上']);
    expect(splitPath('成因分析／主观上 › 一是')).toEqual(['成因分析', '主观上', '一是']);
    expect(splitPath('  ')).toEqual([]);
    const e = entry('a', 'template', ['成因分析', '主观上'], ['章节', '学习']);
    expect(draftFromEntry(e)).toMatchObject({ path: '成因分析 / 主观上', tags: '章节、学习' });
    expect(entryDraftOf(draftFromEntry(e))).toEqual({ kind: 'template', title: 'a', body: 'a正文', path: ['成因分析', '主观上'], tags: ['章节', '学习'] });
  });

  it('sees a change only where saving would change something', () => {
    const saved = draftFromEntry(entry('a', 'template', ['成因分析'], ['章节', '学习']));
    expect(draftsDiffer(saved, { ...saved, tags: '章节, 学习' })).toBe(false);
    expect(draftsDiffer(saved, { ...saved, path: ' 成因分析 ' })).toBe(false);
    expect(draftsDiffer(saved, { ...saved, title: ' a ' })).toBe(false);
    expect(draftsDiffer(saved, { ...saved, tags: '学习、章节' })).toBe(true);
    expect(draftsDiffer(saved, { ...saved, body: 'a正文 ' })).toBe(true);
    expect(draftsDiffer(saved, { ...saved, kind: 'snippet' })).toBe(true);
    expect(draftsDiffer(EMPTY_DRAFT, EMPTY_DRAFT)).toBe(false);
  });

  it('treats a body of blanks as empty', () => {
    expect(isBodyEmpty({ ...EMPTY_DRAFT, body: '\u3000\n' })).toBe(true);
    expect(isBodyEmpty({ ...EMPTY_DRAFT, body: '  \n ' })).toBe(true);
    expect(isBodyEmpty({ ...EMPTY_DRAFT, body: '学' })).toBe(false);
  });
});

describe('the entry list', () => {
  const entries = [
    entry('t1', 'template', [], ['全文']),
    entry('s1', 'snippet', ['差距'], ['排比']),
    entry('t2', 'template', ['差距'], ['章节']),
    entry('s2', 'snippet', ['差距'], ['对仗']),
  ];

  it('filters by kind, tag and favourites, keeping the order it was given', () => {
    expect(filterEntries(entries, NO_FILTER, new Set())).toBe(entries);
    expect(filterEntries(entries, { ...NO_FILTER, kind: 'snippet' }, new Set()).map((e) => e.id)).toEqual(['s1', 's2']);
    expect(filterEntries(entries, { ...NO_FILTER, tag: '章节' }, new Set()).map((e) => e.id)).toEqual(['t2']);
    expect(filterEntries(entries, { kind: 'template', tag: '', favoritesOnly: true }, new Set(['t2', 's1'])).map((e) => e.id)).toEqual(['t2']);
  });

  it('selects the next row after a deletion, else the previous, else none', () => {
    expect(neighbourAfterRemoval(entries, 's1')).toBe('t2');
    expect(neighbourAfterRemoval(entries, 's2')).toBe('t2');
    expect(neighbourAfterRemoval([entries[0]!], 't1')).toBeNull();
    expect(neighbourAfterRemoval(entries, 'gone')).toBeNull();
  });
});

describe('the import preview', () => {
  const report = buildCollection(
    '个人党性分析报告\n一、主要差距不足\n一是学习不够。要说实话、办实事、鼓实劲、求实效。\n二是作风不实。\n二、成因分析\n主观上：一是放松学习。二是要求不严。\n以上是我的分析，请批评指正。',
    { collectionId: 'c-test' },
  );
  const tree = templateTree(report.entries);

  it('nests items under their section, with the whole report beside the sections', () => {
    const shape = (nodes: ReturnType<typeof templateTree>): unknown[] => nodes.map((n) => [n.entry.title, ...(n.children.length ? [shape(n.children)] : [])]);
    expect(shape(tree)).toEqual([
      ['个人党性分析报告'],
      ['主要差距不足', [['学习不够'], ['作风不实']]],
      ['成因分析', [['主观上', [['放松学习'], ['要求不严']]]]],
      ['结尾'],
    ]);
  });

  it('knows the parts of the report’s frame by their tags', () => {
    expect(tree.map((node) => framePart(node.entry))).toEqual([null, null, null, 'closing']);
    expect(framePart({ ...tree[1]!.entry, tags: ['开头'] })).toBe('opening');
    expect(framePart({ ...tree[1]!.entry, tags: ['落款'] })).toBe('signature');
    expect(excerpt('以上是我的分析，  请批评指正。', 8)).toBe('以上是我的分析，…');
    expect(excerpt('请批评指正。')).toBe('请批评指正。');
  });

  it('ticks a section with everything under it, the whole report only itself', () => {
    const [whole, gaps] = tree;
    expect(whole!.ids).toEqual([whole!.entry.id]);
    const underGaps = report.entries.filter((e) => e.path[0] === '主要差距不足').map((e) => e.id);
    expect(new Set(gaps!.ids)).toEqual(new Set(underGaps));
    expect(underGaps.some((id) => report.entries.find((e) => e.id === id)!.kind === 'snippet')).toBe(true);
  });

  it('groups phrases by the part of the report they came from, in order', () => {
    const groups = snippetGroups(report.entries);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.entries.every((e) => e.kind === 'snippet' && e.path.join('/') === group.path.join('/'))).toBe(true);
    expect(groups.flatMap((g) => g.entries).length).toBe(report.entries.filter((e) => e.kind === 'snippet').length);
  });

  it('counts what is ticked, and says whether a set is all, some or none ticked', () => {
    const all = new Set(report.entries.map((e) => e.id));
    const templates = report.entries.filter((e) => e.kind === 'template').length;
    expect(countTicked(report.entries, all)).toEqual({ templates, snippets: report.entries.length - templates });
    const gaps = tree[1]!;
    const without = setTicked(all, gaps.ids, false);
    expect(tickState(without, gaps.ids)).toBe('none');
    expect(tickState(all, gaps.ids)).toBe('all');
    expect(tickState(setTicked(without, [gaps.entry.id], true), gaps.ids)).toBe('some');
    expect(countTicked(report.entries, new Set())).toEqual({ templates: 0, snippets: 0 });
  });
});

describe('files and keys', () => {
  it('takes a file name without its extension for a report without a title line', () => {
    expect(fileNameWithoutExtension('2025年党性分析.docx')).toBe('2025年党性分析');
    expect(fileNameWithoutExtension('C:\\docs\\报告.txt')).toBe('报告');
    expect(fileNameWithoutExtension('.txt')).toBe('.txt');
    expect(fileNameWithoutExtension('报告')).toBe('报告');
  });

  it('says sizes in megabytes', () => {
    expect(megabytes(32 * 1024 * 1024)).toBe('32');
    expect(megabytes(2.5 * 1024 * 1024)).toBe('2.5');
  });

  it('knows when Ctrl+Z belongs to a field', () => {
    expect(isTextTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextTarget(null)).toBe(false);
  });
});
