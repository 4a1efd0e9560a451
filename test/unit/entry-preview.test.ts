import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/library';
import { entryPreview } from '../../components/EntryRow';

const entry = (title: string, body: string): Entry => ({ id: 'x:t-1', kind: 'template', title, body, path: [], tags: [] });

describe('the start of an entry shown in a list row', () => {
  it('drops the heading the row already shows and fills placeholders with their defaults', () => {
    expect(entryPreview(entry('主要差距不足', '一、主要差距不足\n我在{{单位简称|园区}}工作。'))).toBe('我在园区工作。');
  });

  it('reads only the start of a long body, and never shows half a placeholder', () => {
    // Each placeholder is 17 characters of source and one of text, so the source read for the
    // preview ends inside the 19th, whose raw start would otherwise show.
    const body = `{{名称甲乙丙丁戊己庚辛壬|园}}`.repeat(40);
    expect(entryPreview(entry('标题', body))).toBe('园'.repeat(18));
    expect(entryPreview(entry('标题', `{{单位全称|工业园区}}${'习'.repeat(10_000)}`))).toBe(`工业园区${'习'.repeat(76)}…`);
  });
});
