import { i18n } from '#i18n';
import type { DocParagraph } from '../../core/draft/document';

/**
 * The draft as it will be delivered: numbers written, placeholders filled,
 * each paragraph set as the exported document sets it (title centred,
 * headings in their weight, 落款 to the right).
 */
export function DraftPreview({ paragraphs }: { paragraphs: readonly DocParagraph[] }) {
  if (paragraphs.length === 0) return <p class="composer-note">{i18n.t('composerEmptyDraft')}</p>;
  return (
    <article class="draft-preview" aria-label={i18n.t('composerPreview')}>
      {paragraphs.map((p, i) => (
        <p key={i} class="preview-paragraph" data-kind={p.kind}>
          <span class="preview-heading">{p.text}</span>
          {p.tail && <span class="preview-tail">{p.tail}</span>}
        </p>
      ))}
    </article>
  );
}
