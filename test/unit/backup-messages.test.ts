/**
 * Every way a backup file is refused, as the options page says it in Chinese:
 * the field named in the user's terms, no validation library English.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ChromeMessage, generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type Collection, type Entry, libraryDocument } from '../../core/library';
import { MAX_BACKUP_BYTES, checkLibraryBytes, checkLibraryValue } from '../../core/library-schema';

const messages = vi.hoisted(() => ({ zh: {} as Record<string, { message: string }>, en: {} as Record<string, { message: string }>, lang: 'zh' as 'zh' | 'en' }));

vi.mock('#i18n', () => ({
  i18n: {
    t: (key: string, substitutions: string[] = []) => {
      const found = messages[messages.lang][key.replaceAll('.', '_')];
      if (!found) throw new Error(`no message ${key}`);
      return found.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    },
  },
}));

beforeAll(async () => {
  for (const [lang, file] of [['zh', 'zh_CN'], ['en', 'en']] as const) {
    const parsed = await parseMessagesFile(fileURLToPath(new URL(`../../locales/${file}.yml`, import.meta.url)));
    messages[lang] = generateChromeMessages(parsed) as Record<string, ChromeMessage>;
  }
});

const entry = (id: string, extra: Record<string, unknown> = {}): Entry => ({ id, kind: 'snippet', title: '甲', body: '甲', path: [], tags: [], ...extra }) as Entry;
const collection = (id: string, entries: Entry[], extra: Record<string, unknown> = {}): Collection =>
  ({ id, name: `集合 ${id}`, readOnly: false, entries, ...extra }) as Collection;

/** A valid backup of three collections, the third with twelve entries, and `change` made to it. */
function backup(change: (doc: Record<string, any>) => void = () => undefined): unknown {
  const doc = JSON.parse(
    JSON.stringify(
      libraryDocument([
        collection('c-1', [entry('c-1:s-0')]),
        collection('c-2', [entry('c-2:s-0')]),
        collection(
          'c-3',
          Array.from({ length: 12 }, (_, i) => entry(`c-3:s-${i}`, { body: `第${i}条` })),
        ),
      ]),
    ),
  );
  change(doc);
  return doc;
}

async function message(checked: ReturnType<typeof checkLibraryValue>): Promise<string> {
  if (checked.ok) throw new Error('accepted');
  const { backupCheckMessage } = await import('../../entrypoints/options/messages');
  return backupCheckMessage(checked.error).message;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('a refused backup, said in Chinese', () => {
  it.each([
    ['a body too long', backup((d) => (d.collections[2].entries[11].body = '字'.repeat(500_001))), '备份文件已损坏或被改动过：第 3 个模板库的第 12 条的“正文”超过 500000 字。模板库没有改动。'],
    ['a title too long', backup((d) => (d.collections[0].entries[0].title = '字'.repeat(501))), '第 1 个模板库的第 1 条的“标题”超过 500 字'],
    ['a missing body', backup((d) => delete d.collections[1].entries[0].body), '第 2 个模板库的第 1 条的“正文”缺失'],
    ['a body that is a number', backup((d) => (d.collections[0].entries[0].body = 3)), '第 1 个模板库的第 1 条的“正文”应为文字'],
    ['an unknown kind', backup((d) => (d.collections[0].entries[0].kind = 'paragraph')), '第 1 个模板库的第 1 条的“类型”只能是 template 或 snippet'],
    ['too many tags', backup((d) => (d.collections[0].entries[0].tags = Array.from({ length: 31 }, (_, i) => `标签${i}`))), '第 1 个模板库的第 1 条的“标签”超过 30 项'],
    ['an empty tag', backup((d) => (d.collections[0].entries[0].tags = ['好', '  '])), '第 1 个模板库的第 1 条的第 2 个标签不能为空'],
    ['a section name that is not text', backup((d) => (d.collections[0].entries[0].path = ['一', 2])), '第 1 个模板库的第 1 条的第 2 级章节名应为文字'],
    ['an empty collection name', backup((d) => (d.collections[1].name = ' ')), '第 2 个模板库的“名称”不能为空'],
    ['an id with spaces', backup((d) => (d.collections[0].entries[0].id = 'c 1')), '第 1 个模板库的第 1 条的“编号”格式不对'],
    ['a negative time', backup((d) => (d.collections[0].updatedAt = -1)), '第 1 个模板库的“修改时间”应为不小于 0 的整数'],
    ['a read-only mark that is text', backup((d) => (d.collections[0].readOnly = 'no')), '第 1 个模板库的“只读”标记应为true 或 false'],
    ['entries that are not a list', backup((d) => (d.collections[0].entries = {})), '第 1 个模板库的条目列表应为列表'],
    ['collections that are not a list', backup((d) => (d.collections = 'c-1')), '模板库列表应为列表'],
    ['a favourite that is not text', backup((d) => (d.favorites = ['c-1:s-0', 7])), '第 2 个收藏应为文字'],
    ['a placeholder value too long', backup((d) => (d.placeholderValues = { 单位: '字'.repeat(501) })), '占位符“单位”的记忆值超过 500 字'],
    ['too many placeholder values', backup((d) => (d.placeholderValues = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`名${i}`, '值'])))), '占位符记忆超过 1000 项'],
    ['an export time that is a number', backup((d) => (d.exportedAt = 5)), '“导出时间”应为文字'],
    ['a version that is a string', backup((d) => (d.version = '1')), '备份文件已损坏或被改动过：“版本号”应为数字。模板库没有改动。'],
    ['no version', backup((d) => delete d.version), '“版本号”缺失'],
  ])('%s', async (_name, file, expected) => {
    const text = await message(checkLibraryValue(file));
    expect(text).toContain(expected);
    expect(text).toMatch(/^备份文件已损坏或被改动过：.+。模板库没有改动。$/);
    expect(text).not.toMatch(/Invalid|Expected|received|collections\[/);
  });

  it.each([
    ['too large', () => checkLibraryBytes(new Uint8Array(MAX_BACKUP_BYTES + 1)), '文件太大（32 MB），备份文件不能超过 32 MB。模板库没有改动。'],
    ['not JSON', () => checkLibraryBytes(encode('{"format": "bixia-library", ')), '这不是 JSON 文件（或已损坏），无法读取。模板库没有改动。'],
    ['not a backup', () => checkLibraryBytes(encode('{"snippets": []}')), '这个 JSON 文件不是笔匣的备份。模板库没有改动。'],
    ['a later format version', () => checkLibraryValue(backup((d) => (d.version = 2))), '这个备份的格式版本是 2，这个版本的笔匣不认识。请更新笔匣后再恢复。模板库没有改动。'],
    ['too many entries', () => checkLibraryValue(backup((d) => (d.collections[0].entries = Array.from({ length: 50_001 }, (_, i) => entry(`c-1:s-${i}`))))), '备份中有 50014 个条目，超过了上限 50000。模板库没有改动。'],
    ['one id twice', () => checkLibraryValue(backup((d) => (d.collections[1].entries[0].id = 'c-1:s-0'))), '备份中有重复的编号（c-1:s-0），文件可能被改动过。模板库没有改动。'],
    ['no entries', () => checkLibraryValue(backup((d) => (d.collections = []))), '这个备份里没有任何条目。模板库没有改动。'],
  ])('%s', async (_name, check, expected) => {
    expect(await message(check())).toBe(expected);
  });
});

describe('a refused backup, said in English', () => {
  it('names the field inner part first', async () => {
    messages.lang = 'en';
    try {
      const text = await message(checkLibraryValue(backup((d) => (d.collections[2].entries[11].body = '字'.repeat(500_001)))));
      expect(text).toBe('The backup file is damaged or was edited by hand: the body of entry 12 of collection 3 is longer than 500000 characters. Your library was not changed.');
    } finally {
      messages.lang = 'zh';
    }
  });
});
