import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { PlaceholderForm } from '../../components/PlaceholderForm';
import { ResultList, optionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { StatusBar } from '../../components/StatusBar';
import type { Action, Outcome } from '../../components/deliver';
import { tabFromUrl, targetTab } from '../../components/target-tab';
import { useEntrySearch } from '../../components/useEntrySearch';
import { useEntryUse } from '../../components/useEntryUse';
import { usePreferences } from '../../components/usePreferences';
import { useStatus } from '../../components/useStatus';
import { allEntries, builtinCollection } from '../../utils/library-source';
import { useCollections } from '../../components/useCollections';
import { LibraryProblem } from '../../components/LibraryProblem';
import { openSidePanel } from '../../utils/side-panel';
import { resetStored } from '../../utils/stored';
import { browser } from 'wxt/browser';

const LIST_ID = 'popup-results';

/** Closes the popup, or its tab when it was opened as a page for a given tab. */
async function closePopup(): Promise<void> {
  if (tabFromUrl() !== undefined) {
    const self = await browser.tabs.getCurrent();
    if (self?.id !== undefined) {
      await browser.tabs.remove(self.id);
      return;
    }
  }
  window.close();
}

/**
 * Whether favourites or recent uses name entries not in the first chunk: the
 * user's own, or those of the built-in collections loaded after the first screen.
 */
function pinsLaterEntries(preferences: { favorites: { value: string[] }; recent: { value: string[] } }): boolean {
  return [...preferences.favorites.value, ...preferences.recent.value].some((id) => !id.startsWith(`${builtinCollection.id}:`));
}

export function App() {
  const preferences = usePreferences();
  // The model report's collection is in the page; the other built-in collections are a chunk of
  // their own and the user's library can be megabytes (half a second to read 10,000 entries).
  // They are read after the list has been shown, unless a favourite or recent entry of theirs
  // belongs at the top of the list, which must not jump under Enter.
  const pinsUser = preferences.loaded.value && pinsLaterEntries(preferences);
  const shown = useSignal(false);
  const library = useCollections(preferences.settings, preferences.loaded.value && (pinsUser || shown.value));
  const collections = library.collections.value;
  const entries = useMemo(() => allEntries(collections), [collections]);
  const search = useEntrySearch(entries, preferences.favorites, preferences.recent);
  const status = useStatus();
  const inputRef = useRef<HTMLInputElement>(null);
  const target = useMemo(() => targetTab(), []);
  const windowId = useRef<number | undefined>(undefined);

  useEffect(() => {
    inputRef.current?.focus();
    void target.then((t) => (windowId.current = t.windowId));
  }, []);
  const ready = preferences.loaded.value && (library.loaded.value || !pinsUser);
  const libraryLoaded = library.loaded.value;
  useEffect(() => {
    // Runs after the list is painted. Search focused and results shown: what npm run bench
    // times against a blank page.
    if (!ready) return;
    performance.mark('bixia-ready');
    shown.value = true;
  }, [ready]);
  useEffect(() => {
    if (libraryLoaded) performance.mark('bixia-library-loaded');
  }, [libraryLoaded]);

  const onOutcome = (outcome: Outcome, action: Action) => {
    if (action === 'insert' && outcome.delivered && (outcome.pending || outcome.tone === 'success')) {
      void closePopup();
      return;
    }
    status.show(outcome.message, outcome.tone, outcome.detail);
    inputRef.current?.focus();
  };
  const use = useEntryUse({
    preferences,
    // The page only takes text once it has focus again, which it gets when the popup closes.
    mode: 'after-popup-closes',
    tabId: async () => (await target).tabId,
    onOutcome,
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    const entry = search.current();
    if (entry && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void preferences.toggleFavorite(entry.id);
    }
  };

  const form = use.form.value;
  if (form) {
    return (
      <main class="popup" data-ready="true">
        <h1 class="visually-hidden">{i18n.t('actionTitle')}</h1>
        <PlaceholderForm
          entry={form.entry}
          placeholders={form.placeholders}
          remembered={preferences.values.value}
          onSubmit={use.submitForm}
          onCancel={() => {
            use.cancelForm();
            requestAnimationFrame(() => inputRef.current?.focus());
          }}
        />
        <footer class="popup-footer">
          <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
        </footer>
      </main>
    );
  }

  // Favourites and recent uses reorder the list, so it waits for them (a few
  // milliseconds): a list that jumps under the user's Enter would insert the wrong entry.
  const results = ready ? search.results.value : [];
  const current = ready ? search.current() : undefined;
  return (
    <main
      class="popup"
      data-ready={ready ? 'true' : undefined}
      data-library={libraryLoaded ? 'loaded' : 'loading'}
      onKeyDown={onKeyDown}
    >
      <h1 class="visually-hidden">{i18n.t('actionTitle')}</h1>
      <SearchBox
        inputRef={inputRef}
        value={search.query.value}
        listId={results.length ? LIST_ID : undefined}
        activeOptionId={results.length ? optionId(LIST_ID, search.selected.value) : undefined}
        onInput={search.setQuery}
        onMove={search.move}
        onEnter={(event) => {
          const entry = current;
          if (entry) use.use(entry, event.ctrlKey || event.metaKey ? 'copy' : 'insert');
        }}
      />
      {ready && libraryLoaded && entries.length === 0 ? (
        <p class="empty empty-library" role="status">{i18n.t('nothingShown')}</p>
      ) : ready && (
        <ResultList
          id={LIST_ID}
          results={results}
          selected={search.selected.value}
          favorites={preferences.favorites.value}
          onSelect={(i) => (search.selected.value = i)}
          onActivate={(entry) => use.use(entry, 'insert')}
          onToggleFavorite={(entry) => void preferences.toggleFavorite(entry.id)}
        />
      )}
      <LibraryProblem
        problems={[library.problem.value, ...preferences.problems.value]}
        notSaved={preferences.notSaved.value}
        onReset={resetStored}
        onOpenManager={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      />
      <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
      <footer class="popup-footer">
        <button
          type="button"
          class="button button-primary"
          disabled={!current}
          onClick={() => current && use.use(current, 'insert')}
          title="Enter"
        >
          {i18n.t('insertAction')}
        </button>
        <button
          type="button"
          class="button"
          disabled={!current}
          onClick={() => current && use.use(current, 'copy')}
          title="Ctrl+Enter"
        >
          {i18n.t('copyAction')}
        </button>
        <button
          type="button"
          class="button"
          disabled={!current}
          aria-pressed={current ? preferences.favorites.value.includes(current.id) : false}
          onClick={() => current && void preferences.toggleFavorite(current.id)}
          title="Ctrl+S"
        >
          {current && preferences.favorites.value.includes(current.id) ? `★ ${i18n.t('unfavorite')}` : `☆ ${i18n.t('favorite')}`}
        </button>
        <span class="spacer" />
        <button
          type="button"
          class="button"
          data-action="manage-library"
          title={i18n.t('manageLibrary')}
          aria-label={i18n.t('manageLibrary')}
          onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        >
          ⚙
        </button>
        <button type="button" class="button" onClick={() => void openSidePanel(windowId.current).then(() => window.close())}>
          {i18n.t('openSidePanel')}
        </button>
      </footer>
    </main>
  );
}
