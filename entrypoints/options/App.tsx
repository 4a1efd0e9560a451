import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { useCollections } from '../../components/useCollections';
import { usePreferences } from '../../components/usePreferences';
import { LibraryProblem } from '../../components/LibraryProblem';
import { AlertBox } from './AlertBox';
import { BackupView } from './BackupView';
import { ConfirmDialog } from './ConfirmDialog';
import { ImportView } from './ImportView';
import { LibraryView } from './LibraryView';
import { SettingsView } from './SettingsView';
import { StatusToast } from './StatusToast';
import { TriggersView } from './TriggersView';
import { type OptionsView, isTextTarget, viewFromHash } from './logic';
import { alert, editorDirty, goTo, pendingDiscard, status, undoLast, view } from './state';
import { saveRawData } from './export';
import { bindCollections, resetStoredKey } from './write';
import { refreshUserPinyin } from '../../utils/pinyin-refresh';
import { pendingEntry } from '../../utils/pending-entry';
import { openPendingEntry } from './pending-entry';

const NAV: { view: OptionsView; label: () => string }[] = [
  { view: 'library', label: () => i18n.t('optTabLibrary') },
  { view: 'import', label: () => i18n.t('optTabImport') },
  { view: 'triggers', label: () => i18n.t('optTabTriggers') },
  { view: 'backup', label: () => i18n.t('optTabBackup') },
  { view: 'settings', label: () => i18n.t('optTabSettings') },
];

/** 管理模板库: the options page, opened in a tab of its own. */
export function App() {
  const preferences = usePreferences();
  const library = useCollections(preferences.settings);
  bindCollections(library.own);
  const ready = library.loaded.value && preferences.loaded.value;
  const own = library.own.value;
  // Pinyin for what the user's library holds now, for the popup's and side panel's search.
  useEffect(() => {
    if (library.loaded.value) void refreshUserPinyin(own).catch(() => undefined);
  }, [own, library.loaded.value]);

  // A text saved from a page (the right-click menu) opens in the editor of a new entry.
  useEffect(() => {
    if (!ready) return;
    void openPendingEntry(own);
    return pendingEntry.watch((next) => next && void openPendingEntry(library.own.peek()));
  }, [ready]);

  useEffect(() => {
    if (location.hash !== `#${view.value}`) history.replaceState(null, '', `#${view.value}`);
    // The Back button and a typed hash switch views too.
    const onUrl = () => goTo(viewFromHash(location.hash), true);
    // Ctrl+Z undoes the last deletion, except in a field, where it undoes typing.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && status.value?.undo && !isTextTarget(event.target as HTMLElement)) {
        event.preventDefault();
        void undoLast();
      }
    };
    // A file dropped beside a drop zone must not make the tab navigate to it.
    const onDrag = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (editorDirty.value) event.preventDefault();
    };
    const listeners: [EventTarget, string, (event: never) => void][] = [
      [window, 'hashchange', onUrl],
      [window, 'popstate', onUrl],
      [document, 'keydown', onKey],
      [window, 'dragover', onDrag],
      [window, 'drop', onDrag],
      [window, 'beforeunload', onUnload],
    ];
    for (const [target, type, listener] of listeners) target.addEventListener(type, listener as EventListener);
    return () => {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener as EventListener);
    };
  }, []);

  const current = view.value;
  const discard = pendingDiscard.value;
  return (
    <main class="options" data-ready={ready ? 'true' : undefined}>
      <header class="options-header">
        <h1 class="options-title">
          <span class="brand">{i18n.t('appName')}</span>
          {i18n.t('manageLibrary')}
        </h1>
        <nav class="options-nav" aria-label={i18n.t('optNavLabel')}>
          {NAV.map((item) => (
            <button
              key={item.view}
              type="button"
              class="nav-button"
              data-view={item.view}
              aria-current={current === item.view ? 'page' : undefined}
              onClick={() => goTo(item.view)}
            >
              {item.label()}
            </button>
          ))}
        </nav>
      </header>
      <LibraryProblem problems={[library.problem.value, ...preferences.problems.value]} onReset={resetStoredKey} onSaveRaw={(key) => void saveRawData(key)} />
      {alert.value && <AlertBox alert={alert.value} onDismiss={() => (alert.value = null)} />}
      <div class="options-body">
        {!ready ? (
          <p class="hint loading">{i18n.t('optLoading')}</p>
        ) : current === 'library' && library.collections.value.length === 0 ? (
          <div class="view">
            <p class="hint empty-library">{i18n.t('nothingShown')}</p>
            <div class="button-row">
              <button type="button" class="button" data-action="open-settings" onClick={() => goTo('settings')}>
                {i18n.t('optTabSettings')}
              </button>
            </div>
          </div>
        ) : current === 'library' ? (
          <LibraryView
            collections={library.collections.value}
            favorites={preferences.favorites.value}
            onToggleFavorite={(id) => void preferences.toggleFavorite(id)}
          />
        ) : current === 'import' ? (
          <ImportView />
        ) : current === 'triggers' ? (
          <TriggersView own={own} />
        ) : current === 'settings' ? (
          <SettingsView settings={preferences.settings.value} onSetBuiltinShown={preferences.setBuiltinShown} />
        ) : (
          <BackupView collections={library.collections.value} />
        )}
      </div>
      <StatusToast />
      {discard && (
        <ConfirmDialog
          title={i18n.t('optDiscardTitle')}
          message={i18n.t('optDiscardMessage')}
          confirmLabel={i18n.t('optDiscard')}
          cancelLabel={i18n.t('optKeepEditing')}
          confirmAction="discard-changes"
          cancelAction="keep-editing"
          onConfirm={() => {
            pendingDiscard.value = null;
            editorDirty.value = false;
            discard.proceed();
          }}
          onCancel={() => {
            pendingDiscard.value = null;
            discard.cancel?.();
          }}
        />
      )}
    </main>
  );
}
