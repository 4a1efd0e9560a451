/**
 * A text saved from a page with the right-click menu (utils/pending-entry.ts)
 * opens here as a new entry, its fields filled (kind, a title, the guessed
 * section, the text) for the user to check and change before 保存. It goes into
 * the user's collection changed last; a user with none gets one made for it.
 */
import { i18n } from '#i18n';
import { createCollection } from '../../core/library-edit';
import type { Collection } from '../../core/library';
import { pendingEntry } from '../../utils/pending-entry';
import { joinPath } from './logic';
import { goTo, prefillSerial, prefilledDraft, selectEntry, showStatus } from './state';
import { writeLibrary } from './write';

/** A text chosen longer ago than this was left behind (the options page was not opened then): not taken for new. */
const FRESH_MS = 10 * 60_000;

export async function openPendingEntry(own: readonly Collection[], now = Date.now()): Promise<void> {
  const pending = await pendingEntry.getValue();
  if (!pending) return;
  await pendingEntry.setValue(null);
  if (now - pending.at > FRESH_MS) return;
  let target = [...own].sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0))[0];
  if (!target) {
    const name = i18n.t('optSavedFromPages');
    const out = await writeLibrary((library, at) => {
      const made = createCollection(library, name, at);
      return { library: made.library, result: made.collection };
    });
    if (!out.ok || !out.result) return;
    target = out.result;
  }
  goTo('library');
  prefilledDraft.value = { kind: pending.kind, title: pending.title, path: joinPath(pending.path), tags: '', body: pending.body };
  prefillSerial.value += 1;
  selectEntry(target.id, 'new');
  showStatus(i18n.t('optFromSelection', [target.name]), 'info');
}
