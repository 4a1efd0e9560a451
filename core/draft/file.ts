/**
 * A draft as a file (DRAFT.json): what the composer's 导出草稿文件 writes,
 * with every placeholder's value filled in, and what `npm run export` reads
 * to write the same documents outside the browser.
 */
import * as v from 'valibot';
import type { Draft } from './model';
import { DraftSchema } from './schema';

export const DRAFT_FILE_FORMAT = 'bixia-draft';
export const DRAFT_FILE_VERSION = 1;

export function draftFileText(draft: Draft): string {
  return `${JSON.stringify({ format: DRAFT_FILE_FORMAT, version: DRAFT_FILE_VERSION, draft }, null, 2)}\n`;
}

export type DraftFileResult = { ok: true; draft: Draft } | { ok: false; error: 'not-json' | 'not-draft' | 'too-new' };

export const DRAFT_FILE_MESSAGES: Record<Exclude<DraftFileResult, { ok: true }>['error'], string> = {
  'not-json': '不是有效的 JSON 文件 / Not a valid JSON file',
  'not-draft': '不是笔匣的草稿文件，或文件已损坏 / Not a Bixia draft file, or the file is damaged',
  'too-new': '草稿文件来自更新版本的笔匣，请先升级 / The draft file comes from a newer Bixia; please update first',
};

export function readDraftFile(text: string): DraftFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const file = value as { format?: unknown; version?: unknown; draft?: unknown };
  if (typeof file !== 'object' || file === null || file.format !== DRAFT_FILE_FORMAT) return { ok: false, error: 'not-draft' };
  if (typeof file.version !== 'number' || file.version > DRAFT_FILE_VERSION) return { ok: false, error: file.version === undefined ? 'not-draft' : 'too-new' };
  const parsed = v.safeParse(DraftSchema, file.draft);
  return parsed.success ? { ok: true, draft: parsed.output } : { ok: false, error: 'not-draft' };
}
