import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { buildSearchIndex, searchEntries } from '../../core/search';
import { builtinCollection } from '../../utils/library-source';
import { browserUi } from '../../utils/platform';
import { insertAtCaret } from './insert-at-caret';
import { type ShortcutRow, shortcutRows } from './shortcuts';

/** A handful is enough to try; the popup is where the whole library is searched. */
const TRY_RESULTS = 5;
const LIST_ID = 'try-results';

const PIN = { chrome: 'welcomePinChrome', firefox: 'welcomePinFirefox' } as const;
const CHANGE_SHORTCUTS = { chrome: 'welcomeShortcutsChangeChrome', firefox: 'welcomeShortcutsChangeFirefox' } as const;
const SHORTCUT_LABEL = { 'open-popup': 'commandOpenPopup', 'open-side-panel': 'commandOpenSidePanel', 'open-picker': 'commandOpenPicker' } as const;

/**
 * The page a new user sees once, on install: what Bixia is, how to pin its
 * button, its shortcuts as the browser has them, a box to try an insertion in,
 * and where to import one's own reports.
 */
export function App() {
  const shortcuts = useSignal<ShortcutRow[] | null>(null);
  useEffect(() => {
    // Read each time the page opens: a user who changed a binding sees theirs.
    browser.commands.getAll().then(
      (commands) => (shortcuts.value = shortcutRows(commands)),
      () => (shortcuts.value = []),
    );
  }, []);

  return (
    <>
      <header class="welcome-header">
        <h1>{i18n.t('welcomePageTitle')}</h1>
        <p>{i18n.t('welcomeIntro')}</p>
        <p class="welcome-soft">{i18n.t('welcomePrivacy')}</p>
      </header>
      <main class="welcome" data-ready={shortcuts.value ? 'true' : undefined}>
        <section aria-labelledby="pin-heading">
          <h2 id="pin-heading">{i18n.t('welcomePinHeading')}</h2>
          <p data-pin={browserUi}>{i18n.t(PIN[browserUi])}</p>
        </section>
        <section aria-labelledby="shortcuts-heading">
          <h2 id="shortcuts-heading">{i18n.t('welcomeShortcutsHeading')}</h2>
          <p>{i18n.t('welcomeShortcutsIntro')}</p>
          <dl class="shortcuts">
            {(shortcuts.value ?? []).map((row) => (
              <div key={row.action} class="shortcut" data-command={row.action}>
                <dt>{i18n.t(SHORTCUT_LABEL[row.action])}</dt>
                <dd>{row.keys ? <kbd>{row.keys}</kbd> : <span class="welcome-soft">{i18n.t('welcomeShortcutUnset')}</span>}</dd>
              </div>
            ))}
          </dl>
          <p class="welcome-soft">{i18n.t(CHANGE_SHORTCUTS[browserUi])}</p>
        </section>
        <TryIt />
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{i18n.t('welcomeImportHeading')}</h2>
          <p>{i18n.t('welcomeImportText')}</p>
          <p>
            <button type="button" class="button button-primary" data-action="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('welcomeImportButton')}
            </button>
          </p>
          <p>{i18n.t('welcomeComposeText')}</p>
        </section>
      </main>
    </>
  );
}

/**
 * A practice box and a small search of the model report. The chosen entry is
 * inserted at the box's caret, placeholders with their defaults, so that one
 * Ctrl+Z takes it out again.
 */
function TryIt() {
  const query = useSignal('');
  const selected = useSignal(0);
  const status = useSignal('');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const index = useMemo(() => buildSearchIndex(builtinCollection.entries), []);
  const results = query.value.trim() === '' ? [] : searchEntries(index, query.value).slice(0, TRY_RESULTS);
  const current = results[Math.min(selected.value, results.length - 1)];

  const insert = (entry: Entry) => {
    const field = fieldRef.current;
    if (!field) return;
    insertAtCaret(field, renderBody(entry.body));
    status.value = i18n.t('welcomeTryInserted', [entry.title]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed while an input method is composing belong to it.
    if (event.isComposing || event.keyCode === 229) return;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && results.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      selected.value = (selected.value + step + results.length) % results.length;
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      insert(current);
    }
  };

  const listShown = results.length > 0;
  return (
    <section aria-labelledby="try-heading" class="try">
      <h2 id="try-heading">{i18n.t('welcomeTryHeading')}</h2>
      <p>{i18n.t('welcomeTryIntro')}</p>
      <div class="try-grid">
        <div class="try-field">
          <label for="try-field">{i18n.t('welcomeTryFieldLabel')}</label>
          <textarea id="try-field" ref={fieldRef} rows={8} spellcheck={false} />
        </div>
        <div class="try-search">
          <label for="try-search">{i18n.t('welcomeTrySearchLabel')}</label>
          <input
            id="try-search"
            type="search"
            role="combobox"
            list={undefined}
            aria-expanded={listShown}
            aria-controls={listShown ? LIST_ID : undefined}
            aria-activedescendant={current ? `${LIST_ID}-${results.indexOf(current)}` : undefined}
            aria-autocomplete="list"
            autocomplete="off"
            spellcheck={false}
            placeholder={i18n.t('welcomeTrySearchPlaceholder')}
            value={query.value}
            onInput={(event) => {
              query.value = (event.currentTarget as HTMLInputElement).value;
              selected.value = 0;
            }}
            onKeyDown={onKeyDown}
          />
          {listShown ? (
            <ul id={LIST_ID} class="results try-results" role="listbox" aria-label={i18n.t('resultsLabel')}>
              {results.map((entry, i) => (
                <li
                  key={entry.id}
                  id={`${LIST_ID}-${i}`}
                  class="row"
                  role="option"
                  aria-selected={entry === current}
                  data-entry-id={entry.id}
                  onMouseMove={() => (selected.value = i)}
                  // The box keeps its caret only if the click does not take the focus first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insert(entry)}
                >
                  <span class={`badge badge-${entry.kind}`}>{entry.kind === 'template' ? i18n.t('kindTemplate') : i18n.t('kindSnippet')}</span>
                  <span class="row-title">{entry.title}</span>
                </li>
              ))}
            </ul>
          ) : (
            query.value.trim() !== '' && <p class="welcome-soft">{i18n.t('resultCount', 0)}</p>
          )}
        </div>
      </div>
      <p class="try-status" role="status">
        {status.value}
      </p>
    </section>
  );
}
