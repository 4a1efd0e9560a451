/**
 * A draft as it leaves the composer: its placeholders filled (the user's
 * values, else today's date for a dynamic default, else what they typed last
 * time, else the default), rendered once, and turned into what each way out
 * needs (the files themselves: core/draft/export.ts).
 */
import { prefillValue } from '../../core/dynamic-values';
import type { DocParagraph } from '../../core/draft/document';
export { docxFile, plainTextFile } from '../../core/draft/export';
import { draftPlaceholders, draftValues } from '../../core/draft/edit';
import type { Draft } from '../../core/draft/model';
import { renderDraft } from '../../core/draft/render';
import { valueFor } from '../../core/placeholders';

/** Every placeholder's value as the form shows it. */
export function effectiveValues(draft: Draft, remembered: Readonly<Record<string, string>>, today: Date): Record<string, string> {
  const own = draftValues(draft);
  return Object.fromEntries(
    draftPlaceholders(draft).map((p) => [p.name, valueFor(own, p.name) ?? prefillValue(p.defaultValue, valueFor(remembered, p.name), today)]),
  );
}

/** The draft with every placeholder's value written into it: what a DRAFT.json export holds. */
export function filledDraft(draft: Draft, remembered: Readonly<Record<string, string>>, today: Date): Draft {
  return { ...draft, values: Object.entries(effectiveValues(draft, remembered, today)) };
}

export function draftParagraphs(draft: Draft, remembered: Readonly<Record<string, string>>, today: Date): DocParagraph[] {
  return renderDraft(filledDraft(draft, remembered, today), { today });
}

/** A file name for the draft's exports: its name, without what file systems refuse. */
export function exportFileName(draft: Draft, extension: string): string {
  const base = (draft.name || draft.title || '草稿').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 80) || '草稿';
  return `${base}.${extension}`;
}
