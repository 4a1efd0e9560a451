import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { FileDrop, useDropTarget } from './FileDrop';
import type { ParsedImport } from './import-placeholders';
import { ImportPreview } from './ImportPreview';
import { ReadingProgress } from './ReadingProgress';
import { useReportImport } from './useReportImport';

/**
 * 导入报告: the user's own report, pasted or from a .txt/.docx file, parsed
 * into a collection they look over (and trim) before it is added. Nothing is
 * written until 添加到我的模板库; an error changes nothing.
 */
export function ImportView() {
  const preview = useSignal<ParsedImport | null>(null);
  const pasted = useSignal('');
  const reading = useReportImport();
  const show = (parsed: ParsedImport | null) => {
    if (parsed) preview.value = parsed;
  };
  const parsePasted = () => void reading.importText(pasted.value).then(show);
  const readFile = (file: File) => void reading.importFile(file).then(show);

  const drop = useDropTarget(readFile);
  const busy = reading.state.value !== null;
  const shown = preview.value;
  if (shown) {
    return <ImportPreview key={shown.collection.id} parsed={shown} onCancel={() => (preview.value = null)} />;
  }
  return (
    <div class={`view import-view${drop.dragging.value ? ' dragging' : ''}`} {...drop.handlers}>
      <h2 class="view-heading">{i18n.t('optImportHeading')}</h2>
      <p class="hint">{i18n.t('optImportIntro')}</p>
      <div class="import-sources">
        <section class="import-source" aria-labelledby="paste-heading">
          <h3 id="paste-heading" class="small-heading">
            {i18n.t('optPasteHeading')}
          </h3>
          <label class="visually-hidden" for="report-text">
            {i18n.t('optPasteLabel')}
          </label>
          <textarea
            id="report-text"
            name="report-text"
            class="input report-text"
            rows={12}
            placeholder={i18n.t('optPastePlaceholder')}
            value={pasted.value}
            disabled={busy}
            onInput={(event) => (pasted.value = (event.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="button-row">
            <button type="button" class="button button-primary" data-action="parse-text" disabled={busy} onClick={parsePasted}>
              {i18n.t('optParseText')}
            </button>
          </div>
        </section>
        <section class="import-source" aria-labelledby="file-heading">
          <h3 id="file-heading" class="small-heading">
            {i18n.t('optFileHeading')}
          </h3>
          <FileDrop
            name="report-file"
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            label={i18n.t('optChooseReport')}
            hint={i18n.t('optReportFileHint')}
            disabled={busy}
            onFile={readFile}
          />
        </section>
      </div>
      {reading.state.value && <ReadingProgress name={reading.state.value.name} progress={reading.state.value.progress} onCancel={reading.cancel} />}
    </div>
  );
}
