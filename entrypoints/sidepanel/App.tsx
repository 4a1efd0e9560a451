import { useSignal } from '@preact/signals';
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
import { allEntries, loadCollections } from '../../utils/library-source';
import { Outline } from './Outline';
import { Reading } from './Reading';

const LIST_ID = 'panel-results';
type View = 'outline' | 'read';

export function App() {
  const collections = useMemo(() => loadCollections(), []);
  const entries = useMemo(() => allEntries(collections), [collections]);
  const outlines = useMemo(() => collections.flatMap((c) => buildOutline(c.entries)), [collections]);
  const paragraphs = useMemo(
    () =>
      collections.flatMap((c) => {
        const whole = c.entries.find((e) => e.kind === 'template' && e.path.length === 0);
        return whole ? readingParagraphs(whole, c.entries.filter((e) => e.kind === 'snippet')) : [];
      }),
    [collections],
  );
  const preferences = usePreferences();
  const search = useEntrySearch(entries, preferences.favorites, preferences.recent);
  const status = useStatus();
  const view = useSignal<View>('outline');
  const inputRef = useRef<HTMLInputElement>(null);

  const use = useEntryUse({
    preferences,
    mode: 'now',
    // Looked up at each use, so the panel follows the user from tab to tab.
    tabId: async () => (await targetTab()).tabId,
    onOutcome: (outcome: Outcome) => status.show(outcome.message, outcome.tone),
  });

  // Ready to type into at once, like the popup.
  useEffect(() => inputRef.current?.focus(), []);

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pinned = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is Entry => e !== undefined);

  const form = use.form.value;
  if (form) {
    return (
      <main class="panel" data-ready="true">
        <PlaceholderForm
          entry={form.entry}
          placeholders={form.placeholders}
          remembered={preferences.values.value}
          onSubmit={use.submitForm}
          onCancel={use.cancelForm}
        />
        <StatusBar message={status.message} tone={status.tone} />
      </main>
    );
  }

  const searching = search.query.value.trim() !== '';
  // As in the popup, nothing is listed until favourites and recent uses are known.
  const ready = preferences.loaded.value;
  const results = ready ? search.results.value : [];
  const favorites = pinned(preferences.favorites.value);
  const recent = pinned(preferences.recent.value.filter((id) => !preferences.favorites.value.includes(id)));
  const toggleFavorite = (entry: Entry) => void preferences.toggleFavorite(entry.id);
  const insert = (entry: Entry) => use.use(entry, 'insert');

  return (
    <main class="panel" data-ready={ready ? 'true' : undefined}>
      <h1 class="visually-hidden">{i18n.t('sidePanelTitle')}</h1>
      <SearchBox
        inputRef={inputRef}
        value={search.query.value}
        listId={LIST_ID}
        activeOptionId={searching && results.length ? optionId(LIST_ID, search.selected.value) : undefined}
        onInput={search.setQuery}
        onMove={search.move}
        onEnter={(event) => {
          const entry = ready ? search.current() : undefined;
          if (entry) use.use(entry, event.ctrlKey || event.metaKey ? 'copy' : 'insert');
        }}
      />
      {!searching && (
        <div class="tabs" role="tablist" aria-label={i18n.t('sidePanelTitle')}>
          {(['outline', 'read'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={view.value === name}
              aria-controls="panel-body"
              class="tab"
              onClick={() => (view.value = name)}
            >
              {name === 'outline' ? i18n.t('tabBrowse') : i18n.t('tabRead')}
            </button>
          ))}
        </div>
      )}
      <div class="panel-body" id="panel-body" role={searching ? undefined : 'tabpanel'} aria-labelledby={searching ? undefined : `tab-${view.value}`}>
        {!ready ? null : searching ? (
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
          <Reading paragraphs={paragraphs} onActivate={insert} />
        ) : (
          <>
            {[
              { key: 'favorites', heading: i18n.t('favoritesHeading'), list: favorites },
              { key: 'recent', heading: i18n.t('recentHeading'), list: recent },
            ].map(
              ({ key, heading, list }) =>
                list.length > 0 && (
                  <section key={key} class="pinned" aria-label={heading}>
                    <h2 class="pinned-heading">{heading}</h2>
                    <ResultList
                      id={`panel-${key}`}
                      results={list}
                      selected={-1}
                      favorites={preferences.favorites.value}
                      onSelect={() => undefined}
                      onActivate={insert}
                      onToggleFavorite={toggleFavorite}
                    />
                  </section>
                ),
            )}
            <Outline nodes={outlines} onActivate={insert} />
          </>
        )}
      </div>
      <StatusBar message={status.message} tone={status.tone} />
    </main>
  );
}
