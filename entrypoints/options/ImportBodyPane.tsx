import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import type { PlaceholderRule } from '../../core/placeholders';
import { bodySegments, segmentLines } from './import-placeholders';
import { partLabel } from './ImportTree';
import { joinPath } from './logic';

/** Beyond this many characters the pane stops: it is redrawn on every keystroke in a placeholder's name. */
const PANE_LIMIT = 20_000;

interface Props {
  entry: Entry;
  /** The entry's text as the report has it, before placeholders. */
  plain: string;
  /** The placeholders the user keeps, as they are named now. */
  rules: readonly PlaceholderRule[];
}

/**
 * The entry the user selected, as it will be inserted: what part of the
 * report it is and where it sits, then the report's words, with the words
 * that become placeholders marked (the placeholder's name in the title).
 * Built from text nodes, never HTML.
 */
export function ImportBodyPane({ entry, plain, rules }: Props) {
  const shown = plain.length > PANE_LIMIT ? plain.slice(0, PANE_LIMIT) : plain;
  const lines = segmentLines(bodySegments(shown, rules));
  // A template's path ends with its own title; a phrase's is the part it came from.
  const where = joinPath(entry.kind === 'template' ? entry.path.slice(0, -1) : entry.path);
  return (
    // Focusable: a long body scrolls inside the pane, and keyboard users scroll it too.
    <section class="body-pane" tabIndex={0} aria-labelledby="body-pane-heading" data-body-pane data-entry-id={entry.id}>
      <h3 id="body-pane-heading" class="small-heading">
        {i18n.t('optBodyPaneHeading')}
      </h3>
      <p class="body-pane-title">
        <span class="tick-kind">{partLabel(entry)}</span>
        {where && <span class="hint">{where}</span>}
      </p>
      <div class="body-pane-text" data-body-text>
        {lines.map((line, i) => (
          <p key={i}>
            {line.map((segment, j) =>
              segment.placeholder === undefined ? (
                segment.text
              ) : (
                <mark key={j} class="placeholder-mark" data-placeholder={segment.placeholder} title={i18n.t('optMarkTitle', [segment.placeholder])}>
                  {segment.text}
                </mark>
              ),
            )}
          </p>
        ))}
        {shown !== plain && <p class="hint">{i18n.t('optPreviewCut', [String(PANE_LIMIT)])}</p>}
      </div>
      {lines.some((line) => line.some((segment) => segment.placeholder !== undefined)) && <p class="hint body-pane-legend">{i18n.t('optBodyPaneLegend')}</p>}
    </section>
  );
}
