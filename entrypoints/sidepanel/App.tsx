import { useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { buildOutline } from '../../core/outline';
import { renderBody } from '../../core/placeholders';
import { ResultList, optionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { StatusBar } from '../../components/StatusBar';
import { useEntrySearch } from '../../components/useEntrySearch';
import { useStatus } from '../../components/useStatus';
import { copyText } from '../../utils/clipboard';
import { allEntries, loadCollections } from '../../utils/library-source';
import { Outline } from './Outline';

const LIST_ID = 'panel-results';

export function App() {
  const collections = useMemo(() => loadCollections(), []);
  const entries = useMemo(() => allEntries(collections), [collections]);
  const outlines = useMemo(() => collections.flatMap((c) => buildOutline(c.entries)), [collections]);
  const search = useEntrySearch(entries);
  const status = useStatus();
  const inputRef = useRef<HTMLInputElement>(null);

  const activate = async (entry: Entry | undefined) => {
    if (!entry) return;
    const ok = await copyText(renderBody(entry.body));
    status.show(ok ? i18n.t('copied') : i18n.t('copyFailed'), ok ? 'success' : 'error');
  };

  const searching = search.query.value.trim() !== '';
  const results = search.results.value;
  return (
    <main class="panel" data-ready="true">
      <h1 class="visually-hidden">{i18n.t('sidePanelTitle')}</h1>
      <SearchBox
        inputRef={inputRef}
        value={search.query.value}
        listId={LIST_ID}
        activeOptionId={searching && results.length ? optionId(LIST_ID, search.selected.value) : undefined}
        onInput={search.setQuery}
        onMove={search.move}
        onEnter={() => activate(search.current())}
      />
      <div class="panel-body">
        {searching ? (
          <ResultList
            id={LIST_ID}
            results={results}
            selected={search.selected.value}
            onSelect={(i) => (search.selected.value = i)}
            onActivate={activate}
          />
        ) : (
          <Outline nodes={outlines} onActivate={activate} />
        )}
      </div>
      <StatusBar message={status.message} tone={status.tone} />
    </main>
  );
}
