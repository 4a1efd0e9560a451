import { signal, useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { buildOutline } from '../../core/outline';
import { readingParagraphs } from '../../core/reading';
import { PlaceholderForm } from '../../components/PlaceholderForm';
import { ResultList, optionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { StatusBar } from '../../components/StatusBar';
import type { Outcome } from '../../components/deliver';
import { targetTab } from '../../components/target-tab';
import { useEntrySearch } from '../../components/useEntrySearch';
import { useEntryUse } from '../../components/useEntryUse';
import { usePreferences } from '../../components/usePreferences';
import { useStatus } from '../../components/useStatus';
import { allEntries } from '../../utils/library-source';
import { useCollections } from '../../components/useCollections';
import { LibraryProblem } from '../../components/LibraryProblem';
import { resetStored } from '../../utils/stored';
import { CollectionPicker } from '../../components/CollectionPicker';
import { Outline } from '../../components/Outline';
import { deliver } from '../../components/deliver';
import { Reading } from './Reading';
import { PinnedList } from './PinnedList';
import { Tabs } from '../../components/Tabs';
import { browser } from 'wxt/browser';

const LIST_ID = 'panel-results';
const VIEWS = ['outline', 'read', 'compose'] as const;
type View = (typeof VIEWS)[number];

const TAB_LABELS: Record<View, () => string> = {
  outline: () => i18n.t('tabBrowse'),
  read: () => i18n.t('tabRead'),
  compose: () => i18n.t('tabCompose'),
};

/** The composer's code, loaded the first time 写报告 is opened: the panel's first screen does not wait for it. */
type ComposerModule = typeof import('../../components/composer/Composer');
const composerModule = signal<ComposerModule | null>(null);
function loadComposer() {
  if (!composerModule.value) void import('../../components/composer/Composer').then((module) => (composerModule.value = module));
}

export function App() {
  const preferences = usePreferences();
  // Read once favourites and recent uses are in, so they do not wait behind a large library.
  const library = useCollections(preferences.settings, preferences.loaded.value);
  const collections = library.collections.value;
  const entries = useMemo(() => allEntries(collections), [collections]);
  // The outline and the reading view show one collection at a time: the built-in one
  // until the user picks one of theirs.
  const chosenId = useSignal(collections[0]?.id ?? '');
  // None at all when the user has turned every built-in collection off and has none of their own.
  const shown = collections.find((c) => c.id === chosenId.value) ?? collections[0];
  const outlines = useMemo(() => (shown ? buildOutline(shown.entries) : []), [shown]);
  const paragraphs = useMemo(() => {
    const whole = shown?.entries.find((e) => e.kind === 'template' && e.path.length === 0);
    return whole && shown ? readingParagraphs(whole, shown.entries.filter((e) => e.kind === 'snippet')) : [];
  }, [shown]);
  const search = useEntrySearch(entries, preferences.favorites, preferences.recent);
  const status = useStatus();
  const view = useSignal<View>('outline');
  const inputRef = useRef<HTMLInputElement>(null);

  const use = useEntryUse({
    preferences,
    mode: 'now',
    // Looked up at each use, so the panel follows the user from tab to tab.
    tabId: async () => (await targetTab()).tabId,
    onOutcome: (outcome: Outcome) => status.show(outcome.message, outcome.tone, outcome.detail),
  });

  // Ready to type into at once, like the popup.
  useEffect(() => inputRef.current?.focus(), []);

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pinned = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is Entry => e !== undefined);

  const form = use.form.value;
  if (form) {
    return (
      <main class="panel" data-ready="true">
        <h1 class="visually-hidden">{i18n.t('sidePanelTitle')}</h1>
        <PlaceholderForm
          entry={form.entry}
          placeholders={form.placeholders}
          remembered={preferences.values.value}
          onSubmit={use.submitForm}
          onCancel={use.cancelForm}
        />
        <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
      </main>
    );
  }

  const composing = view.value === 'compose';
  const Composer = composerModule.value?.Composer;
  const searching = !composing && search.query.value.trim() !== '';
  // As in the popup, nothing is listed until favourites and recent uses are known.
  const ready = preferences.loaded.value && library.loaded.value;
  const results = ready ? search.results.value : [];
  const favorites = pinned(preferences.favorites.value);
  const recent = pinned(preferences.recent.value.filter((id) => !preferences.favorites.value.includes(id)));
  const toggleFavorite = (entry: Entry) => void preferences.toggleFavorite(entry.id);
  const insert = (entry: Entry) => use.use(entry, 'insert');

  return (
    <main class="panel" data-ready={ready ? 'true' : undefined}>
      <h1 class="visually-hidden">{i18n.t('sidePanelTitle')}</h1>
      {!composing && (
        <SearchBox
          inputRef={inputRef}
          value={search.query.value}
          listId={searching && results.length ? LIST_ID : undefined}
          activeOptionId={searching && results.length ? optionId(LIST_ID, search.selected.value) : undefined}
          onInput={search.setQuery}
          onMove={search.move}
          onEnter={(event) => {
            const entry = ready ? search.current() : undefined;
            if (entry) use.use(entry, event.ctrlKey || event.metaKey ? 'copy' : 'insert');
          }}
        />
      )}
      {!searching && !composing && collections.length > 1 && (
        <CollectionPicker collections={collections} name="collection" value={shown?.id} onChange={(id) => (chosenId.value = id)} />
      )}
      {!searching && (
        <Tabs
          label={i18n.t('sidePanelTitle')}
          tabs={VIEWS.map((name) => ({ name, label: TAB_LABELS[name]() }))}
          selected={view.value}
          idPrefix="tab"
          panelId="panel-body"
          onSelect={(name) => {
            if (name === 'compose') loadComposer();
            view.value = name;
          }}
        />
      )}
      {/* Out of the Tab order (Firefox puts a scrolling box there): what is in it takes the focus, and scrolls it into view. */}
      <div class="panel-body" id="panel-body" tabIndex={-1} role={searching ? undefined : 'tabpanel'} aria-labelledby={searching ? undefined : `tab-${view.value}`}>
        {composing ? (
          ready &&
          Composer && (
            <Composer
              mode="panel"
              collections={collections}
              entries={entries}
              preferences={preferences}
              onInsert={async (text, allowTruncate) => deliver(text, 'insert', (await targetTab()).tabId, 'now', allowTruncate)}
              onOpenFull={(id) => void browser.tabs.create({ url: `${browser.runtime.getURL('/composer.html')}#${encodeURIComponent(id)}` })}
              onOpenManager={() => void browser.runtime.openOptionsPage()}
            />
          )
        ) : !ready ? null : collections.length === 0 ? (
          <p class="empty empty-library" role="status">{i18n.t('nothingShown')}</p>
        ) : searching ? (
          <ResultList
            id={LIST_ID}
            results={results}
            selected={search.selected.value}
            favorites={preferences.favorites.value}
            onSelect={(i) => (search.selected.value = i)}
            onActivate={insert}
            onToggleFavorite={toggleFavorite}
          />
        ) : view.value === 'read' ? (
          paragraphs.length > 0 ? <Reading paragraphs={paragraphs} onActivate={insert} /> : <p class="empty">{i18n.t('readingNone')}</p>
        ) : (
          <>
            {[
              { key: 'favorites', heading: i18n.t('favoritesHeading'), list: favorites },
              { key: 'recent', heading: i18n.t('recentHeading'), list: recent },
            ].map(
              ({ key, heading, list }) =>
                list.length > 0 && (
                  <PinnedList
                    key={key}
                    id={`panel-${key}`}
                    heading={heading}
                    entries={list}
                    favorites={preferences.favorites.value}
                    onActivate={insert}
                    onToggleFavorite={toggleFavorite}
                  />
                ),
            )}
            <Outline id="panel-outline" nodes={outlines} onActivate={insert} />
          </>
        )}
      </div>
      <LibraryProblem
        problems={[library.problem.value, ...preferences.problems.value]}
        notSaved={preferences.notSaved.value}
        onReset={resetStored}
        onOpenManager={() => void browser.runtime.openOptionsPage()}
      />
      {!composing && <StatusBar message={status.message} detail={status.detail} tone={status.tone} />}
      <footer class="panel-footer">
        <button type="button" class="button" data-action="manage-library" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('manageLibrary')}
        </button>
      </footer>
    </main>
  );
}
