import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { EntryFormScreen } from '../../components/EntryFormScreen';
import { LibraryProblem } from '../../components/LibraryProblem';
import { SurfaceResults, SurfaceSearch } from '../../components/SurfaceResults';
import { StatusBar } from '../../components/StatusBar';
import type { Action } from '../../components/deliver';
import { tabFromUrl, targetTab } from '../../components/target-tab';
import { useEntrySurface } from '../../components/useEntrySurface';
import { openSidePanel } from '../../utils/side-panel';
import { resetStored } from '../../utils/stored';
import { browser } from 'wxt/browser';
import { type EarlyKey, takeEarlyKeys } from './early-keys';

const LIST_ID = 'popup-results';
/** The footer names the keys until the user has used this many different entries. */
const KEY_HINTS_UNTIL = 3;

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
 * The popup. Its first screen (search box, first rows, footer) is in popup.html, rendered at
 * build time from this component (scripts/first-screen-plugin.ts) and taken over here: the
 * first render must give the same markup, so it lists the model report's entries at once and
 * lets favourites and recent uses reorder them when they are read.
 */
export function App({ initialQuery = '' }: { initialQuery?: string }) {
  const target = useMemo(() => targetTab(), []);
  const inputRef = useRef<HTMLInputElement>(null);
  const windowId = useRef<number | undefined>(undefined);
  const surface = useEntrySurface({
    // The page only takes text once it has focus again, which it gets when the popup closes.
    mode: 'after-popup-closes',
    tabId: async () => (await target).tabId,
    deferLibrary: true,
    initialQuery,
    onOutcome: (outcome, action) => {
      if (action === 'insert' && outcome.delivered && (outcome.pending || outcome.tone === 'success')) {
        void closePopup();
        return true;
      }
      inputRef.current?.focus();
      return false;
    },
  });
  const { preferences, library, search, status, use, ready } = surface;
  /** Enter pressed before the list was final (favourites not read yet), with the entry it was pressed on. */
  const early = useRef<{ action: Action; entry: Entry }[]>([]);
  /** Arrows move the list shown; an action waits, with the entry shown, until the list is final. */
  const onKey = (key: EarlyKey) => {
    if (key === 'down' || key === 'up') return search.move(key === 'down' ? 1 : -1);
    const entry = search.current();
    if (!entry) return;
    if (ready) use.use(entry, key);
    else early.current.push({ action: key, entry });
  };

  useEffect(() => {
    inputRef.current?.focus();
    void target.then((t) => (windowId.current = t.windowId));
    // Keys pressed on the first screen before this code ran.
    takeEarlyKeys().forEach(onKey);
  }, []);
  const libraryLoaded = library.loaded.value;
  useEffect(() => {
    if (!ready) return;
    // Runs after the list is painted: search focused, final results shown. The first screen in
    // popup.html may have said so already (entrypoints/popup-boot.ts), when its rows were final.
    if (performance.getEntriesByName('bixia-ready').length === 0) performance.mark('bixia-ready');
    performance.mark('bixia-interactive');
    surface.firstScreenShown();
    for (const { action, entry } of early.current.splice(0)) use.use(entry, action);
  }, [ready]);
  useEffect(() => {
    if (libraryLoaded) performance.mark('bixia-library-loaded');
  }, [libraryLoaded]);

  const onEnter = (event: KeyboardEvent) => onKey(event.ctrlKey || event.metaKey ? 'copy' : 'insert');

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) return;
    const entry = search.current();
    if (ready && entry && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void preferences.toggleFavorite(entry.id);
    }
  };

  if (use.form.value) {
    return (
      <EntryFormScreen surface={surface} class="popup" heading={i18n.t('actionTitle')} onCancel={() => requestAnimationFrame(() => inputRef.current?.focus())} />
    );
  }

  const current = search.current();
  const favorite = current !== undefined && preferences.favorites.value.includes(current.id);
  const showHints = !preferences.loaded.value || preferences.recent.value.length < KEY_HINTS_UNTIL;
  const openManager = () => void browser.runtime.openOptionsPage().then(() => window.close());
  return (
    <main class="popup" data-ready={ready ? 'true' : undefined} data-library={libraryLoaded ? 'loaded' : 'loading'} onKeyDown={onKeyDown}>
      <h1 class="visually-hidden">{i18n.t('actionTitle')}</h1>
      <SurfaceSearch surface={surface} listId={LIST_ID} inputRef={inputRef} onEnter={onEnter} />
      {ready && libraryLoaded && surface.entries.length === 0 ? (
        <p class="empty empty-library" role="status">
          {i18n.t('nothingShown')}
        </p>
      ) : (
        <SurfaceResults surface={surface} id={LIST_ID} onActivate={(entry) => ready && use.use(entry, 'insert')} />
      )}
      <LibraryProblem problems={[library.problem.value, ...preferences.problems.value]} notSaved={preferences.notSaved.value} onReset={resetStored} onOpenManager={openManager} />
      <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
      {showHints && (
        <p class="key-hints" data-hints>
          <kbd>Enter</kbd> {i18n.t('insertAction')} · <kbd>Ctrl+Enter</kbd> {i18n.t('copyAction')} · <kbd>Ctrl+S</kbd> {i18n.t('favorite')}
        </p>
      )}
      <footer class="popup-footer">
        <button type="button" class="button button-primary" disabled={!current} onClick={() => current && ready && use.use(current, 'insert')} title="Enter">
          {i18n.t('insertAction')}
        </button>
        <button type="button" class="button" disabled={!current} onClick={() => current && ready && use.use(current, 'copy')} title="Ctrl+Enter">
          {i18n.t('copyAction')}
        </button>
        <button
          type="button"
          class="button"
          disabled={!current}
          aria-pressed={favorite}
          onClick={() => current && ready && void preferences.toggleFavorite(current.id)}
          title="Ctrl+S"
        >
          {favorite ? `★ ${i18n.t('unfavorite')}` : `☆ ${i18n.t('favorite')}`}
        </button>
        <span class="spacer" />
        <button type="button" class="button" data-action="manage-library" title={i18n.t('manageLibrary')} aria-label={i18n.t('manageLibrary')} onClick={openManager}>
          ⚙
        </button>
        <button type="button" class="button" onClick={() => void openSidePanel(windowId.current).then(() => window.close())}>
          {i18n.t('openSidePanel')}
        </button>
      </footer>
    </main>
  );
}
