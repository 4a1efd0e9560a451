import { signal, useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { buildOutline } from '../../core/outline';
import { readingParagraphs } from '../../core/reading';
import { ResultList, optionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { EntryFormScreen } from '../../components/EntryFormScreen';
import { useEntrySurface } from '../../components/useEntrySurface';
import { StatusBar } from '../../components/StatusBar';
import { targetTab } from '../../components/target-tab';
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
  const surface = useEntrySurface({
    mode: 'now',
    // Looked up at each use, so the panel follows the user from tab to tab.
    tabId: async () => (await targetTab()).tabId,
  });
  const { preferences, library, collections, entries, search, status, use } = surface;
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
  const view = useSignal<View>('outline');
  const inputRef = useRef<HTMLInputElement>(null);

  // Ready to type into at once, like the popup.
  useEffect(() => inputRef.current?.focus(), []);

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pinned = (ids: string[]) => ids.map((id) => byId.get(id)).filter((e): e is Entry => e !== undefined);

  if (use.form.value) return <EntryFormScreen surface={surface} class="panel" heading={i18n.t('sidePanelTitle')} />;

  const composing = view.value === 'compose';
  const Composer = composerModule.value?.Composer;
  const searching = !composing && search.query.value.trim() !== '';
  // As in the popup, nothing is listed until favourites and recent uses are known.
  const ready = surface.ready;
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
          search={search}
          listId={searching && results.length ? LIST_ID : undefined}
          activeOptionId={searching && results.length ? optionId(LIST_ID, search.selected.value) : undefined}
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
      <div class={searching ? 'panel-body panel-body-list' : 'panel-body'} id="panel-body" tabIndex={-1} role={searching ? undefined : 'tabpanel'} aria-labelledby={searching ? undefined : `tab-${view.value}`}>
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
            sourceOf={surface.sourceOf}
            highlight={surface.highlight}
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
                    sourceOf={surface.sourceOf}
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
