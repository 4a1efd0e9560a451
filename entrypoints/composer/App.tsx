import { useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { Composer } from '../../components/composer/Composer';
import { LibraryProblem } from '../../components/LibraryProblem';
import { useCollections } from '../../components/useCollections';
import { usePreferences } from '../../components/usePreferences';
import { allEntries } from '../../utils/library-source';
import { resetStored } from '../../utils/stored';
import { browser } from 'wxt/browser';

/** The draft a link opened: composer.html#<draft id>. */
function draftInAddress(): string | undefined {
  const id = decodeURIComponent(location.hash.slice(1));
  return id || undefined;
}

/**
 * 写报告 with room: the composer in a tab of its own, the draft beside what
 * can go into it. It has no page to insert into; it copies and exports.
 */
export function App() {
  const preferences = usePreferences();
  const library = useCollections(preferences.settings, preferences.loaded.value);
  const collections = library.collections.value;
  const entries = useMemo(() => allEntries(collections), [collections]);
  const ready = preferences.loaded.value && library.loaded.value;
  const openManager = () => void browser.runtime.openOptionsPage();
  return (
    <main class="composer-page" data-ready={ready ? 'true' : undefined}>
      <header class="composer-page-header">
        <h1>{i18n.t('composerPageTitle')}</h1>
        <button type="button" class="button" data-action="manage-library" onClick={openManager}>
          {i18n.t('manageLibrary')}
        </button>
      </header>
      <LibraryProblem problems={[library.problem.value, ...preferences.problems.value]} notSaved={preferences.notSaved.value} onReset={resetStored} onOpenManager={openManager} />
      {ready && (
        <Composer
          mode="page"
          collections={collections}
          entries={entries}
          preferences={preferences}
          initialDraftId={draftInAddress()}
          onOpenManager={openManager}
          onOpenDraft={(id) => history.replaceState(null, '', id ? `#${encodeURIComponent(id)}` : location.pathname)}
        />
      )}
    </main>
  );
}
