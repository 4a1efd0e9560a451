import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countChars } from '../../core/draft/count';
import { documentInsertText, documentPlainText } from '../../core/draft/document';
import {
  canPlace,
  draftPlaceholders,
  findNode,
  indentNode,
  insertNodes,
  moveBy,
  moveNode,
  outdentNode,
  removeNode,
  restoreNode,
  setDraftValues,
  updateNode,
} from '../../core/draft/edit';
import { DRAFT_FILE_FORMAT, draftFileText, readDraftFile } from '../../core/draft/file';
import { draftFromText, partsFromText } from '../../core/draft/from-report';
import type { Draft, DraftNode } from '../../core/draft/model';
import { headingNumber } from '../../core/draft/numbering';
import { countDraft, renderDraft } from '../../core/draft/render';
import { partsFromCollection, structureOnly } from '../../core/draft/skeleton';
import { parseReport } from '../../core/report-parser';
import { readBuiltinLibrary } from '../../scripts/builtin-library-plugin';

const seed = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8');
const TODAY = new Date(2026, 11, 1);
const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};

function node(heading: string, text = '', children: DraftNode[] = [], kind: DraftNode['kind'] = 'heading'): DraftNode {
  return { id: heading || text, kind, heading, runIn: false, text, children };
}

function draft(nodes: DraftNode[], extra: Partial<Draft> = {}): Draft {
  return { id: 'd', name: '草稿', title: '', nodes, signature: '', values: [], createdAt: 0, updatedAt: 0, ...extra };
}

const headings = (d: Draft) => renderDraft(d, { today: TODAY }).filter((p) => p.kind !== 'body').map((p) => p.text);

describe('numbering', () => {
  it('writes the genre’s four levels by position, in Chinese and Arabic numerals', () => {
    expect([1, 2, 10, 11, 20, 21].map((n) => headingNumber(1, n))).toEqual(['一、', '二、', '十、', '十一、', '二十、', '二十一、']);
    expect([1, 12].map((n) => headingNumber(2, n))).toEqual(['（一）', '（十二）']);
    expect(headingNumber(3, 3)).toBe('3.');
    expect(headingNumber(4, 2)).toBe('（2）');
  });

  it('rebuilds every number when parts move, whatever numbering the source had', () => {
    // The seed numbers its items 一是/二是; the draft writes （一）（二） and, under a group label, 1. 2.
    const d = draftFromText(seed, { id: 'd', now: 0, newId: ids() });
    expect(headings(d).slice(1, 6)).toEqual([
      '一、主要差距不足',
      '（一）创新思维能力还需进一步提升。',
      '（二）综合协调能力还需进一步提升。',
      '（三）影响带动能力还需进一步提升。',
      '二、成因分析',
    ]);
    // A group label becomes a numbered heading, so the items under it stay under it when read again.
    expect(headings(d)).toContain('（一）主观上');
    expect(headings(d)).toContain('1.工作任务重，学习有所放松。');
    const [opening, first, second, third] = d.nodes;
    const moved = moveBy(d, third!.id, -1, 1);
    expect(moved.nodes.map((n) => n.id)).toEqual([opening!.id, first!.id, third!.id, second!.id]);
    expect(headings(moved).filter((h) => /^[一二三]、/.test(h))).toEqual(['一、主要差距不足', '二、努力方向', '三、成因分析']);
  });

  it('leaves text parts unnumbered and counts only headings among siblings', () => {
    const d = draft([node('', '开头。', [], 'text'), node('甲'), node('', '过渡。', [], 'text'), node('乙', '', [node('子')])]);
    expect(headings(d)).toEqual(['一、甲', '二、乙', '（一）子']);
  });
});

describe('counting', () => {
  it('counts characters, not words: Han, punctuation, digits and letters once each, white space not at all', () => {
    expect(countChars('我们，2026年　Word 文档。\n')).toBe(15);
    expect(countChars('')).toBe(0);
    expect(countChars('𠀀')).toBe(1);
  });

  it('counts each part with everything under it, numbers included, and the whole draft', () => {
    const d = draft([node('甲', '一二三', [node('乙', '四五')])], { title: '标题' });
    const counts = countDraft(d, { today: TODAY });
    // 一、甲 (3) + 一二三 (3) + （一）乙 (4) + 四五 (2)
    expect(counts.parts.get('甲')).toBe(12);
    expect(counts.parts.get('乙')).toBe(6);
    expect(counts.total).toBe(14);
  });

  it('counts the text as it will be delivered, with the values filled in', () => {
    const d = draft([node('', '{{单位|某某单位}}的工作', [], 'text')], { values: [['单位', '县局']] });
    expect(countDraft(d, { today: TODAY }).total).toBe(5);
  });
});

describe('placeholders across the draft', () => {
  const d = draft([node('{{单位|某单位}}的问题', '在{{单位|某单位}}工作{{年限|三}}年', [node('', '{{单位}}', [], 'text')])], {
    title: '{{年度|@今年}}年度报告',
    signature: '{{单位|某单位}}\n{{日期|@今天}}',
  });

  it('asks each name once, in order of first appearance, with its first default', () => {
    expect(draftPlaceholders(d)).toEqual([
      { name: '年度', defaultValue: '@今年' },
      { name: '单位', defaultValue: '某单位' },
      { name: '年限', defaultValue: '三' },
      { name: '日期', defaultValue: '@今天' },
    ]);
  });

  it('fills one value everywhere the name stands, and dynamic defaults with the day', () => {
    const filled = setDraftValues(d, { 单位: '县水利局' }, 5);
    expect(filled.updatedAt).toBe(5);
    expect(documentPlainText(renderDraft(filled, { today: TODAY }))).toBe(
      '2026年度报告\n\n一、县水利局的问题\n在县水利局工作三年\n县水利局\n\n县水利局\n2026年12月1日',
    );
  });

  it('keeps values as pairs, so names such as __proto__ and constructor survive', () => {
    const odd = draft([node('', '{{__proto__|甲}}{{constructor|乙}}', [], 'text')]);
    const filled = setDraftValues(odd, { ['__proto__']: '一', constructor: '二' }, 1);
    expect(filled.values).toEqual([
      ['__proto__', '一'],
      ['constructor', '二'],
    ]);
    expect(documentInsertText(renderDraft(filled))).toBe('一二');
  });

  it('tells the 落款’s date line from its other lines', () => {
    const kinds = renderDraft(draft([], { signature: '某某单位\n张某\n二〇二六年十二月一日' })).map((p) => p.kind);
    expect(kinds).toEqual(['signature', 'signature', 'date']);
    expect(renderDraft(draft([], { signature: '某某单位\n张某' })).map((p) => p.kind)).toEqual(['signature', 'signature']);
  });
});

describe('parts from report text', () => {
  it('keeps every word of the model report and its tree when rendered and read back', () => {
    const d = draftFromText(seed, { id: 'd', now: 0, newId: ids() });
    const text = documentPlainText(renderDraft(d, { today: TODAY }));
    const strip = (s: string) => s.replace(/##paid(begin|end)##/g, '').replace(/\s/g, '');
    // Only the numbers change: 一是 → （一）, under 主观上：一是 → 1.
    const withoutNumbers = (s: string) => s.replace(/[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[一二三四]是|\d+\.|(?<=[主客]观上)：/g, '');
    expect(withoutNumbers(strip(text))).toBe(withoutNumbers(strip(seed)));
    const again = parseReport(text);
    // The numbers change family (一是 → （一）, a group label → a heading), the titles and their nesting do not.
    const shape = (n: ReturnType<typeof parseReport>['root']): unknown => ({ title: n.title, children: n.children.map(shape) });
    const original = parseReport(seed);
    expect(again.title).toBe(original.title);
    expect(shape(again.root)).toEqual(shape(original.root));
  });

  it('splits a run-in heading from its text, and a heading alone from none', () => {
    const { nodes } = partsFromText('一、理论学习方面\n（一）学得不深。平时忙于事务。\n（二）用得不够', ids(), false);
    expect(nodes).toMatchObject([
      { kind: 'heading', heading: '理论学习方面', runIn: false, text: '' },
    ]);
    expect(nodes[0]!.children).toMatchObject([
      { heading: '学得不深。', runIn: true, text: '平时忙于事务。' },
      { heading: '用得不够', runIn: false, text: '' },
    ]);
  });

  it('builds a framework’s skeleton from its top-level templates: 开头, sections, 结尾 and 落款', () => {
    const frame = readBuiltinLibrary().collections.find((c) => c.id === 'builtin-dangxing')!;
    const parts = partsFromCollection(frame.entries, ids())!;
    expect(parts.title).toBe('{{年度|@今年}}年度个人党性分析报告');
    expect(parts.nodes.map((n) => n.kind)).toEqual(['text', 'heading', 'heading', 'heading', 'text']);
    expect(parts.signature.split('\n').at(-1)).toBe('{{日期|@今天}}');
    const only = structureOnly(parts);
    expect(only.nodes.every((n) => n.kind === 'heading' && n.text === '')).toBe(true);
    expect(only.nodes[0]!.children.length).toBeGreaterThan(0);
    // A heading that ran on into its text ends without the comma that led into it.
    expect(only.nodes.flatMap((n) => n.children).every((c) => !/[，,；;]$/.test(c.heading))).toBe(true);
  });

  it('has no skeleton for a collection of phrases alone', () => {
    const phrases = readBuiltinLibrary().collections.find((c) => c.id === 'builtin-phrases')!;
    expect(partsFromCollection(phrases.entries, ids())).toBeUndefined();
  });
});

describe('editing the tree', () => {
  const base = () => draft([node('甲', '', [node('甲一'), node('甲二')]), node('乙'), node('丙')]);

  it('moves up and down among siblings, and refuses past the ends', () => {
    const d = base();
    expect(moveBy(d, '丙', -1, 1).nodes.map((n) => n.id)).toEqual(['甲', '丙', '乙']);
    expect(moveBy(d, '甲', -1, 1)).toBe(d);
    expect(moveBy(d, '甲二', 1, 1)).toBe(d);
  });

  it('indents into the previous sibling and outdents after the parent', () => {
    const d = indentNode(base(), '乙', 1);
    expect(d.nodes.map((n) => n.id)).toEqual(['甲', '丙']);
    expect(d.nodes[0]!.children.map((n) => n.id)).toEqual(['甲一', '甲二', '乙']);
    const back = outdentNode(d, '甲一', 2);
    expect(back.nodes.map((n) => n.id)).toEqual(['甲', '甲一', '丙']);
    const first = base();
    expect(indentNode(first, '甲', 1)).toBe(first);
  });

  it('moves a part with its children anywhere, but never into itself or past the fourth level', () => {
    const d = base();
    const moved = moveNode(d, '甲', { parentId: null, index: 3 }, 1);
    expect(moved.nodes.map((n) => n.id)).toEqual(['乙', '丙', '甲']);
    expect(moveNode(d, '甲', { parentId: '甲一', index: 0 }, 1)).toBe(d);
    const deep = draft([node('一', '', [node('二', '', [node('三', '', [node('四')])])]), node('x', '', [node('y')])]);
    expect(canPlace(deep, [findNode(deep, 'x')!.node], '三')).toBe(false);
    expect(moveNode(deep, 'x', { parentId: '三', index: 0 }, 1)).toBe(deep);
    expect(moveNode(deep, 'y', { parentId: '三', index: 1 }, 1).nodes[0]!.children[0]!.children[0]!.children.map((n) => n.id)).toEqual(['四', 'y']);
  });

  it('puts a removed part back where it was', () => {
    const d = base();
    const { draft: without, removed } = removeNode(d, '甲一', 1);
    expect(without.nodes[0]!.children.map((n) => n.id)).toEqual(['甲二']);
    expect(restoreNode(without, removed!, 2).nodes[0]!.children.map((n) => n.id)).toEqual(['甲一', '甲二']);
  });

  it('flattens parts too deep for where they are inserted into their parent’s text', () => {
    const deep = draft([node('一', '', [node('二', '', [node('三')])])]);
    const inserted = insertNodes(deep, [node('新', '正文', [node('子', '子文')])], { parentId: '三', index: 0 }, 1);
    const placed = inserted.nodes[0]!.children[0]!.children[0]!.children[0]!;
    expect(placed).toMatchObject({ heading: '新', text: '正文\n子\n子文', children: [] });
  });

  it('changes one part’s fields and stamps the draft', () => {
    const d = updateNode(base(), '甲二', { heading: '改过', text: '新文' }, 9);
    expect(findNode(d, '甲二')!.node).toMatchObject({ heading: '改过', text: '新文' });
    expect(d.updatedAt).toBe(9);
  });
});

describe('draft files', () => {
  it('reads back what it writes, and refuses anything else with a reason', () => {
    const d = draftFromText(seed, { id: 'd1', now: 1700000000000, newId: ids() });
    const read = readDraftFile(draftFileText(d));
    expect(read).toEqual({ ok: true, draft: d });
    expect(readDraftFile('{')).toEqual({ ok: false, error: 'not-json' });
    expect(readDraftFile('{"format":"bixia-library"}')).toEqual({ ok: false, error: 'not-draft' });
    expect(readDraftFile(JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 2, draft: d }))).toEqual({ ok: false, error: 'too-new' });
    expect(readDraftFile(JSON.stringify({ format: DRAFT_FILE_FORMAT, version: 1, draft: { ...d, nodes: 'x' } }))).toEqual({ ok: false, error: 'not-draft' });
  });
});
