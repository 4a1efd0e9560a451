import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { DocParagraph } from '../../core/draft/document';
import { draftFileText } from '../../core/draft/file';
import type { Draft } from '../../core/draft/model';
import { copyText } from '../../utils/clipboard';
import { downloadBlob } from '../../utils/download';
import type { Outcome } from '../deliver';
import type { usePreferences } from '../usePreferences';
import { documentInsertText } from '../../core/draft/document';
import { docxFile, draftParagraphs, exportFileName, filledDraft, plainTextFile } from './draft-delivery';

interface Props {
  draft: Draft;
  /** The day the form's dynamic values show, so a delivery writes what the user saw. */
  today: Date;
  remembered: Record<string, string>;
  preferences: ReturnType<typeof usePreferences>;
  /** Only where there is a page to insert into (the side panel); `allowTruncate` once the user has agreed to a cut. */
  onInsert?: (text: string, allowTruncate: boolean) => Promise<Outcome>;
  onStatus: (message: string, tone: 'info' | 'success' | 'fallback' | 'error', detail?: string) => void;
}

interface FileExport {
  action: string;
  label: () => string;
  extension: string;
  /** Exported even when empty: a draft file of an empty draft is still the draft. */
  always?: boolean;
  make: (paragraphs: DocParagraph[], filled: Draft) => Promise<Blob> | Blob;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FILE_EXPORTS: readonly FileExport[] = [
  {
    action: 'export-docx',
    label: () => i18n.t('composerExportDocx'),
    extension: 'docx',
    make: async (paragraphs, filled) => new Blob([(await docxFile(paragraphs, filled.updatedAt)) as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }),
  },
  {
    action: 'export-txt',
    label: () => i18n.t('composerExportTxt'),
    extension: 'txt',
    make: (paragraphs) => new Blob([plainTextFile(paragraphs)], { type: 'text/plain;charset=utf-8' }),
  },
  {
    action: 'export-json',
    label: () => i18n.t('composerExportJson'),
    extension: 'json',
    always: true,
    make: (_paragraphs, filled) => new Blob([draftFileText(filled)], { type: 'application/json;charset=utf-8' }),
  },
];

/**
 * The ways a finished draft leaves the composer: into the page's field as
 * paragraphs (one undo step), onto the clipboard, or as a file. Each fills
 * the placeholders the same way, and remembers the values given.
 */
export function DeliverBar({ draft, today, remembered, preferences, onInsert, onStatus }: Props) {
  const busy = useSignal(false);
  /** The text that did not fit the field: inserting the same text again inserts what fits. */
  const tooLong = useSignal<string | null>(null);
  const run = async (task: (paragraphs: DocParagraph[], filled: Draft) => Promise<void>) => {
    if (busy.value) return;
    busy.value = true;
    try {
      const filled = filledDraft(draft, remembered, today);
      await task(draftParagraphs(draft, remembered, today), filled);
      await preferences.rememberValues(Object.fromEntries(filled.values));
    } catch {
      onStatus(i18n.t('composerDeliverFailed'), 'error');
    } finally {
      busy.value = false;
    }
  };
  const empty = draft.title.trim() === '' && draft.nodes.length === 0 && draft.signature.trim() === '';

  const insert = async (paragraphs: DocParagraph[]) => {
    const text = documentInsertText(paragraphs);
    const outcome = await onInsert!(text, tooLong.value === text);
    tooLong.value = outcome.tooLong ? text : null;
    // The popup's words for this speak of keys; here the user clicks.
    const message = outcome.tooLong ? i18n.t('composerTooLong', outcome.sizes ?? ['', '']) : outcome.message;
    onStatus(message, outcome.tone, outcome.detail);
  };

  return (
    <div class="deliver-bar" role="group" aria-label={i18n.t('composerDeliver')} data-busy={busy.value ? 'true' : undefined}>
      {onInsert && (
        <button
          type="button"
          class="button button-primary"
          data-action="insert-draft"
          disabled={empty}
          onClick={() => void run(insert)}
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
          void run(async (paragraphs) => {
            const copied = await copyText(plainTextFile(paragraphs).trimEnd());
            onStatus(copied ? i18n.t('copied') : i18n.t('copyFailed'), copied ? 'success' : 'error');
          })
        }
      >
        {i18n.t('composerCopy')}
      </button>
      {FILE_EXPORTS.map((file) => (
        <button
          key={file.action}
          type="button"
          class="button"
          data-action={file.action}
          disabled={empty && !file.always}
          onClick={() =>
            void run(async (paragraphs, filled) => {
              const name = exportFileName(draft, file.extension);
              downloadBlob(await file.make(paragraphs, filled), name);
              onStatus(i18n.t('composerExported', [name]), 'success');
            })
          }
        >
          {file.label()}
        </button>
      ))}
    </div>
  );
}
