import { i18n } from '#i18n';
import { collectionLabel } from '../../components/collection-label';
import type { BuiltinInfo } from '../../core/builtin-ids';
import { builtinCollections, isBuiltinShown } from '../../utils/library-source';
import type { Settings } from '../../utils/stored';
import { writeErrorMessage } from './messages';
import { alert, showStatus } from './state';

interface Props {
  settings: Settings;
  onSetBuiltinShown: (id: string, shown: boolean) => Promise<void>;
}

/** What a built-in collection holds, in a few words: "共 64 条（模板 15 · 短语 49）". */
function contents(info: BuiltinInfo): string {
  if (info.templates === 0) return i18n.t('optBuiltinCountPhrases', [String(info.snippets)]);
  if (info.snippets === 0) return i18n.t('optBuiltinCountTemplates', [String(info.templates)]);
  return i18n.t('optBuiltinCount', [String(info.templates + info.snippets), String(info.templates), String(info.snippets)]);
}

/** 设置: which of Bixia's own collections show in the popup, the side panel and search. */
export function SettingsView({ settings, onSetBuiltinShown }: Props) {
  const change = async (collection: BuiltinInfo, shown: boolean) => {
    try {
      await onSetBuiltinShown(collection.id, shown);
      alert.value = null;
      showStatus(i18n.t(shown ? 'optBuiltinShownNow' : 'optBuiltinHiddenNow', [collectionLabel(collection)]));
    } catch (error) {
      // Nothing was saved: the box goes back to what is stored, the alert says why.
      alert.value = writeErrorMessage(error);
    }
  };
  return (
    <div class="view settings-view">
      <h2 class="view-heading">{i18n.t('optSettingsHeading')}</h2>
      <section class="panel" aria-labelledby="builtin-heading">
        <h3 id="builtin-heading" class="small-heading">
          {i18n.t('optBuiltinHeading')}
        </h3>
        <p class="hint">{i18n.t('optBuiltinIntro')}</p>
        <ul class="builtin-list">
          {builtinCollections.map((collection) => {
            const shown = isBuiltinShown(settings, collection.id);
            const id = `builtin-${collection.id}`;
            return (
              <li key={collection.id} class="builtin-choice">
                <input
                  type="checkbox"
                  id={id}
                  name={collection.id}
                  data-builtin-id={collection.id}
                  checked={shown}
                  onChange={(event) => {
                    const box = event.currentTarget as HTMLInputElement;
                    const wanted = box.checked;
                    // Shows the stored choice until the write says otherwise.
                    box.checked = shown;
                    void change(collection, wanted);
                  }}
                />
                <label for={id}>
                  <span class="builtin-name">{collectionLabel(collection)}</span>
                  <span class="hint builtin-count">{contents(collection)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
