import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { collectionIdFor } from '../../core/collection-id';
import { parseReport } from '../../core/report-parser';
import type { ReportSource } from '../../core/report-source';
import { FileDrop, useDropTarget } from './FileDrop';
import { type ParsedImport, parsedImport } from './import-placeholders';
import { ImportPreview } from './ImportPreview';
import { fileNameWithoutExtension } from './logic';
import { readFailedMessage, reportFileMessage, writeErrorMessage } from './messages';
import { ReadingProgress } from './ReadingProgress';
import { useFileReading } from './useFileReading';

/**
 * 导入报告: the user's own report, pasted or from a .txt/.docx file, parsed
 * into a collection they look over (and trim) before it is added. Nothing is
 * written until 添加到我的模板库; an error changes nothing.
 */
export function ImportView() {
  const preview = useSignal<ParsedImport | null>(null);
  const pasted = useSignal('');
  const reading = useFileReading();

  /** `text` identifies the report (core/collection-id.ts); `report` is what the parser reads, the text or a Word document's paragraphs. */
  const parse = async (text: string, token: number, fileName?: string, report: ReportSource = text) => {
    // Let "正在解析…" paint before the parser takes the thread.
    if (!(await reading.working(fileName ?? '', token))) return;
    const fallbackTitle = fileName ? fileNameWithoutExtension(fileName) : i18n.t('optPastedTitle');
    const parsed = parsedImport(parseReport(report, { fallbackTitle }), { collectionId: collectionIdFor(text) }, fileName);
    reading.done(token);
    preview.value = parsed;
  };

  const parsePasted = () => {
    const token = reading.begin('', null);
    if (pasted.value.trim() === '') reading.fail(token, { code: 'empty', message: i18n.t('optPasteEmpty') });
    else parse(pasted.value, token).catch((error) => reading.fail(token, writeErrorMessage(error)));
  };

  const readFile = async (file: File) => {
    const token = reading.begin(file.name, file.size);
    try {
      // Loaded only now: the Word reader (mammoth) is large and most visits never import.
      const reader = await import('../../core/report-file');
      if (file.size > reader.MAX_DOCX_FILE_BYTES) return reading.fail(token, reportFileMessage('too-large', reader.REPORT_FILE_MESSAGES));
      const bytes = await reading.read(file, token);
      if (!bytes || !(await reading.working(file.name, token))) return;
      const result = await reader.readReportFile(bytes, file.name);
      if (!result.ok) return reading.fail(token, reportFileMessage(result.error, reader.REPORT_FILE_MESSAGES));
      await parse(result.text, token, file.name, result.report);
    } catch (error) {
      console.error(error);
      reading.fail(token, readFailedMessage());
    }
  };

  const drop = useDropTarget((file) => void readFile(file));
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
            onFile={(file) => void readFile(file)}
          />
        </section>
      </div>
      {reading.state.value && <ReadingProgress name={reading.state.value.name} progress={reading.state.value.progress} onCancel={reading.cancel} />}
    </div>
  );
}
