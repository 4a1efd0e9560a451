import { i18n } from '#i18n';
import { listPlaceholders, renderBody } from '../../core/placeholders';

/** Beyond this many characters the preview stops: it is redrawn on every keystroke. */
const PREVIEW_LIMIT = 20_000;

/**
 * What the body inserts, with each placeholder filled by its default, and the
 * placeholders found: the user sees `{{名称|默认值}}` work as they type it.
 */
export function BodyPreview({ body }: { body: string }) {
  const placeholders = listPlaceholders(body);
  // As inserting does when the user keeps the prefilled form: a name's default fills every occurrence of it.
  const defaults = Object.fromEntries(placeholders.filter((p) => p.defaultValue !== '').map((p) => [p.name, p.defaultValue]));
  const rendered = renderBody(body, defaults);
  const text = rendered.length > PREVIEW_LIMIT ? rendered.slice(0, PREVIEW_LIMIT) : rendered;
  return (
    <section class="preview" data-preview aria-labelledby="preview-heading">
      <h3 id="preview-heading" class="small-heading">
        {i18n.t('optPreviewHeading')}
      </h3>
      <div class="preview-text" data-preview-text>
        {text.trim() === '' ? <p class="hint">{i18n.t('optPreviewEmpty')}</p> : text.split('\n').map((line, i) => <p key={i}>{line}</p>)}
        {text !== rendered && <p class="hint">{i18n.t('optPreviewCut', [String(PREVIEW_LIMIT)])}</p>}
      </div>
      <h4 class="small-heading">{i18n.t('optPlaceholdersHeading', [String(placeholders.length)])}</h4>
      {placeholders.length === 0 ? (
        <p class="hint">{i18n.t('optPlaceholdersNone')}</p>
      ) : (
        <ul class="placeholder-list" data-placeholders>
          {placeholders.map((p) => (
            <li key={p.name} data-placeholder={p.name}>
              <span class="placeholder-name">{p.name}</span>
              <span class="placeholder-default">
                {p.defaultValue ? i18n.t('optPlaceholderDefault', [p.defaultValue]) : i18n.t('optPlaceholderNoDefault', [`【${p.name}】`])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
