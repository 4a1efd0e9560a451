import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { draftFileText } from '../../core/draft/file';
import type { Draft } from '../../core/draft/model';
import { copyText } from '../../utils/clipboard';
import { downloadBlob } from '../../utils/download';
import type { Outcome } from '../deliver';
import type { usePreferences } from '../usePreferences';
import { docxFile, draftParagraphs, exportFileName, filledDraft, insertText, plainTextFile } from './draft-delivery';

interface Props {
  draft: Draft;
  remembered: Record<string, string>;
  preferences: ReturnType<typeof usePreferences>;
  /** Only where there is a page to insert into (the side panel); `allowTruncate` once the user has agreed to a cut. */
  onInsert?: (text: string, allowTruncate: boolean) => Promise<Outcome>;
  onStatus: (message: string, tone: 'info' | 'success' | 'fallback' | 'error', detail?: string) => void;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The ways a finished draft leaves the composer: into the page's field as
 * paragraphs (one undo step), onto the clipboard, or as a file. Each fills
 * the placeholders the same way, and remembers the values given.
 */
export function DeliverBar({ draft, remembered, preferences, onInsert, onStatus }: Props) {
  const busy = useSignal(false);
  /** The text that did not fit the field: inserting the same text again inserts what fits. */
  const tooLong = useSignal<string | null>(null);
  const run = async (task: (today: Date) => Promise<void>) => {
    if (busy.value) return;
    busy.value = true;
    const today = new Date();
    try {
      await task(today);
      await preferences.rememberValues(Object.fromEntries(filledDraft(draft, remembered, today).values));
    } catch {
      onStatus(i18n.t('composerExportFailed'), 'error');
    } finally {
      busy.value = false;
    }
  };
  const paragraphs = (today: Date) => draftParagraphs(draft, remembered, today);
  const empty = draft.title.trim() === '' && draft.nodes.length === 0 && draft.signature.trim() === '';

  return (
    <div class="deliver-bar" role="group" aria-label={i18n.t('composerDeliver')} data-busy={busy.value ? 'true' : undefined}>
      {onInsert && (
        <button
          type="button"
          class="button button-primary"
          data-action="insert-draft"
          disabled={empty}
          onClick={() =>
            void run(async (today) => {
              const text = insertText(paragraphs(today));
              const outcome = await onInsert(text, tooLong.value === text);
              tooLong.value = outcome.tooLong ? text : null;
              // The popup's words for this speak of keys; here the user clicks.
              const message = outcome.tooLong ? i18n.t('composerTooLong', outcome.sizes ?? ['', '']) : outcome.message;
              onStatus(message, outcome.tone, outcome.detail);
            })
          }
        >
          {i18n.t('composerInsert')}
        </button>
      )}
      <button
        type="button"
        class="button"
        data-action="copy-draft"
        disabled={empty}
        onClick={() =>
          void run(async (today) => {
            const copied = await copyText(plainTextFile(paragraphs(today)).trimEnd());
            onStatus(copied ? i18n.t('copied') : i18n.t('copyFailed'), copied ? 'success' : 'error');
          })
        }
      >
        {i18n.t('composerCopy')}
      </button>
      <button
        type="button"
        class="button"
        data-action="export-docx"
        disabled={empty}
        onClick={() =>
          void run(async (today) => {
            const bytes = await docxFile(paragraphs(today), draft.updatedAt);
            const name = exportFileName(draft, 'docx');
            downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }), name);
            onStatus(i18n.t('composerExported', [name]), 'success');
          })
        }
      >
        {i18n.t('composerExportDocx')}
      </button>
      <button
        type="button"
        class="button"
        data-action="export-txt"
        disabled={empty}
        onClick={() =>
          void run(async (today) => {
            const name = exportFileName(draft, 'txt');
            downloadBlob(new Blob([plainTextFile(paragraphs(today))], { type: 'text/plain;charset=utf-8' }), name);
            onStatus(i18n.t('composerExported', [name]), 'success');
          })
        }
      >
        {i18n.t('composerExportTxt')}
      </button>
      <button
        type="button"
        class="button"
        data-action="export-json"
        onClick={() =>
          void run(async (today) => {
            const name = exportFileName(draft, 'json');
            const json = draftFileText(filledDraft(draft, remembered, today));
            downloadBlob(new Blob([json], { type: 'application/json;charset=utf-8' }), name);
            onStatus(i18n.t('composerExported', [name]), 'success');
          })
        }
      >
        {i18n.t('composerExportJson')}
      </button>
    </div>
  );
}
