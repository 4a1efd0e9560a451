import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { ResultList, optionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { StatusBar } from '../../components/StatusBar';
import { useEntrySearch } from '../../components/useEntrySearch';
import { useStatus } from '../../components/useStatus';
import { copyText } from '../../utils/clipboard';
import { allEntries, loadCollections } from '../../utils/library-source';

const LIST_ID = 'popup-results';

export function App() {
  const entries = useMemo(() => allEntries(loadCollections()), []);
  const search = useEntrySearch(entries);
  const status = useStatus();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const activate = async (entry: Entry | undefined) => {
    if (!entry) return;
    const ok = await copyText(renderBody(entry.body));
    status.show(ok ? i18n.t('copied') : i18n.t('copyFailed'), ok ? 'success' : 'error');
  };

  const results = search.results.value;
  return (
    <main class="popup" data-ready="true">
      <SearchBox
        inputRef={inputRef}
        value={search.query.value}
        listId={LIST_ID}
        activeOptionId={results.length ? optionId(LIST_ID, search.selected.value) : undefined}
        onInput={search.setQuery}
        onMove={search.move}
        onEnter={() => activate(search.current())}
      />
      <ResultList
        id={LIST_ID}
        results={results}
        selected={search.selected.value}
        onSelect={(i) => (search.selected.value = i)}
        onActivate={activate}
      />
      <footer class="popup-footer">
        <StatusBar message={status.message} tone={status.tone} />
        <span aria-hidden="true">{status.message.value ? '' : i18n.t('keyboardHint')}</span>
      </footer>
    </main>
  );
}
