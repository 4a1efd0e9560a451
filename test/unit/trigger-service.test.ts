/**
 * The table a frame matches typed shortcuts against (utils/trigger-service.ts)
 * and the options page's changes to the stored shortcuts
 * (entrypoints/options/triggers-write.ts), over the fake extension storage.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import builtin from 'virtual:bixia-builtin-library';

beforeAll(() => import('../../utils/trigger-service'), 30_000);

async function fresh() {
  vi.resetModules();
  const service = await import('../../utils/trigger-service');
  const write = await import('../../entrypoints/options/triggers-write');
  const stored = await import('../../utils/stored');
  return { ...service, ...write, ...stored };
}

const phrase = builtin.entries.find((entry) => entry.body === '说实话、办实事、鼓实劲、求实效')!;
const dated = builtin.entries.find((entry) => entry.body.includes('@今天'));

describe('the table a frame gets', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is empty with no shortcuts, and holds each trigger normalised with the very text it expands to', async () => {
    const m = await fresh();
    expect(await m.triggersFor('https://oa.example.cn')).toEqual({ pairs: [], until: Infinity });
    await m.addTrigger(phrase.id, '；BL');
    m.onStorageChanged({ triggers: {} });
    expect(await m.triggersFor('https://oa.example.cn')).toEqual({ pairs: [[';bl', phrase.body]], until: Infinity });
  });

  it('reads nothing but the shortcuts while the user has none', async () => {
    const m = await fresh();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await m.triggersFor('https://oa.example.cn');
    const asked = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((key) => typeof key === 'string' && !key.startsWith('triggers'))).toEqual([]);
  });

  it('leaves out triggers whose entry is gone, and is empty on a site turned off or with the switch off', async () => {
    const m = await fresh();
    await m.addTrigger(phrase.id, ';bl');
    await m.addTrigger('no-such-entry', ';zz');
    await m.addOffSite('example.cn');
    m.onStorageChanged({ triggers: {} });
    expect((await m.triggersFor('https://oa.example.cn/x')).pairs).toEqual([]);
    expect((await m.triggersFor('https://example.com/x')).pairs).toEqual([[';bl', phrase.body]]);
    await m.setTriggersEnabled(false);
    m.onStorageChanged({ triggers$: {} });
    expect((await m.triggersFor('https://example.com/x')).pairs).toEqual([]);
  });

  it("fills placeholders with remembered values, today's date, and holds that date until midnight only", async () => {
    if (!dated) return expect.unreachable('the built-in library has an entry with @今天');
    const m = await fresh();
    await m.addTrigger(dated.id, ';lk');
    const day = new Date(2026, 11, 3, 15, 0);
    const table = await m.triggersFor('https://example.com', day);
    expect(table.pairs[0]![1]).toContain('2026年12月3日');
    // With blanks, the entry comes along, for the form at the caret; a phrase without any comes as text only.
    expect(table.pairs[0]![2]).toMatchObject({ id: dated.id, body: dated.body });
    expect(table.until).toBe(new Date(2026, 11, 4).getTime());
    // The next day the table is made again, with the new date.
    const next = await m.triggersFor('https://example.com', new Date(2026, 11, 4, 9, 0));
    expect(next.pairs[0]![1]).toContain('2026年12月4日');
  });

  it('is made again only when the shortcuts, the library or the remembered values change', async () => {
    const m = await fresh();
    expect(m.onStorageChanged({ favorites: {} })).toBe(false);
    expect(m.onStorageChanged({ recent: {}, drafts: {} })).toBe(false);
    for (const key of ['triggers', 'library', 'placeholderValues', 'library$']) expect(m.onStorageChanged({ [key]: {} }), key).toBe(true);
  });

  it('expands nothing when the stored shortcuts cannot be read', async () => {
    const m = await fresh();
    await fakeBrowser.storage.local.set({ triggers: { rows: 'broken' }, triggers$: { v: 1 } });
    expect(await m.triggersFor('https://example.com')).toEqual({ pairs: [], until: Infinity });
  });
});

describe('what the options page may store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses a trigger taken, a prefix either way, or malformed, and stores nothing then', async () => {
    const m = await fresh();
    await m.addTrigger(phrase.id, ';bl');
    const before = await fakeBrowser.storage.local.get(['triggers', 'triggers$']);
    for (const [trigger, code] of [
      ['；bl', 'same'],
      [';b', 'prefix'],
      [';blx', 'prefix'],
      ['bl', 'no-mark'],
      ['; b', 'space'],
    ] as const) {
      await expect(m.addTrigger(phrase.id, trigger), trigger).rejects.toMatchObject({ name: 'TriggerRefused', refusal: { code } });
    }
    expect(await fakeBrowser.storage.local.get(['triggers', 'triggers$'])).toEqual(before);
  });

  it('changes and removes one row, refuses a change to a row another page removed, and keeps sites unique', async () => {
    const m = await fresh();
    await m.addTrigger(phrase.id, ';bl');
    await m.addTrigger(phrase.id, '//sh');
    const row = { entryId: phrase.id, trigger: ';bl' };
    expect((await m.changeTrigger(row, ';blx')).rows.map((r) => r.trigger)).toEqual([';blx', '//sh']);
    await expect(m.changeTrigger(row, ';q')).rejects.toMatchObject({ refusal: { code: 'gone' } });
    expect((await m.removeTrigger({ entryId: phrase.id, trigger: '//sh' })).rows.map((r) => r.trigger)).toEqual([';blx']);
    await m.addOffSite('oa.example.cn');
    await expect(m.addOffSite('oa.example.cn')).rejects.toMatchObject({ refusal: { code: 'site-exists' } });
    expect((await m.removeOffSite('oa.example.cn')).offSites).toEqual([]);
  });
});
