import { i18n } from '#i18n';
import type { DraftNode } from '../../core/draft/model';
import { CountBadge } from './CountBadge';
import { TargetInput } from './TargetInput';

export type PartMove = 'up' | 'down' | 'indent' | 'outdent';

/** Where the caret was last in a part, so a phrase goes in there. */
export interface Caret {
  nodeId: string;
  field: 'heading' | 'text';
  start: number;
  end: number;
}

interface Props {
  node: DraftNode;
  depth: number;
  /** The number the part is written with ("一、", "（二）"), '' for text and labels. */
  number: string;
  count: number;
  current: boolean;
  dragging: boolean;
  dropAt: 'before' | 'after' | null;
  onChange: (patch: Partial<Omit<DraftNode, 'id' | 'children'>>) => void;
  onMove: (move: PartMove) => void;
  onRemove: () => void;
  onCaret: (caret: Caret) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDragOver: (where: 'before' | 'after') => void;
  onDrop: () => void;
}

const KEY_MOVES: Record<string, PartMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

/**
 * One part of the draft: its number, heading and text, edited in place.
 * Alt+↑/↓ moves it among its neighbours, Alt+→/← one level deeper or up;
 * its handle drags it anywhere in the outline.
 */
export function PartRow(props: Props) {
  const { node, depth, number, count } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229 || !event.altKey || event.ctrlKey || event.metaKey) return;
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    props.onMove(move);
  };
  const caret = (field: Caret['field']) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    props.onCaret({ nodeId: node.id, field, start: input.selectionStart ?? input.value.length, end: input.selectionEnd ?? input.value.length });
  };
  const kindLabel = node.kind === 'text' ? i18n.t('composerPartText') : undefined;
  return (
    <li
      class="part"
      data-node-id={node.id}
      data-depth={depth}
      data-kind={node.kind}
      data-current={props.current ? 'true' : undefined}
      data-dragging={props.dragging ? 'true' : undefined}
      data-drop={props.dropAt ?? undefined}
      style={{ '--depth': depth - 1 }}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        event.preventDefault();
        const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
        props.onDragOver(event.clientY < box.top + box.height / 2 ? 'before' : 'after');
      }}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop();
      }}
    >
      <div class="part-head">
        <span
          class="part-handle"
          draggable
          tabIndex={0}
          role="img"
          aria-label={i18n.t('composerDrag')}
          title={i18n.t('composerDrag')}
          onDragStart={(event) => {
            event.dataTransfer?.setData('text/plain', node.id);
            if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            props.onDragStart();
          }}
          onDragEnd={props.onDragEnd}
        >
          ⠿
        </span>
        {node.kind === 'text' ? (
          <span class="part-kind">{kindLabel}</span>
        ) : (
          <>
            {number && <span class="part-number">{number}</span>}
            <input
              class="part-heading"
              type="text"
              name="heading"
              aria-label={kindLabel ?? i18n.t('composerHeading')}
              value={node.heading}
              onInput={(event) => props.onChange({ heading: (event.currentTarget as HTMLInputElement).value })}
              onFocus={caret('heading')}
              onSelect={caret('heading')}
              onKeyUp={caret('heading')}
            />
          </>
        )}
        <CountBadge count={count} target={depth === 1 ? node.target : undefined} />
        <span class="part-tools">
          {(['up', 'down', 'outdent', 'indent'] as const).map((move) => (
            <button
              key={move}
              type="button"
              class="icon-button"
              data-move={move}
              aria-label={i18n.t(MOVE_LABELS[move])}
              title={i18n.t(MOVE_LABELS[move])}
              onClick={() => props.onMove(move)}
            >
              {MOVE_MARKS[move]}
            </button>
          ))}
          <button type="button" class="icon-button" data-action="remove-part" aria-label={i18n.t('composerRemovePart')} title={i18n.t('composerRemovePart')} onClick={props.onRemove}>
            ✕
          </button>
        </span>
      </div>
      <textarea
        class="part-text"
        name="text"
        rows={textRows(node)}
        aria-label={i18n.t('composerText')}
        placeholder={node.kind === 'text' ? i18n.t('composerTextHint') : i18n.t('composerBodyHint')}
        value={node.text}
        onInput={(event) => props.onChange({ text: (event.currentTarget as HTMLTextAreaElement).value })}
        onFocus={caret('text')}
        onSelect={caret('text')}
        onKeyUp={caret('text')}
      />
      {depth === 1 && node.kind !== 'text' && (
        <TargetInput label={i18n.t('composerPartTarget')} name="target" step={100} value={node.target} onChange={(target) => props.onChange({ target })} />
      )}
    </li>
  );
}

/** Room for the text as it is: one line for a heading whose text is all in its children, up to twelve. */
function textRows(node: DraftNode): number {
  if (node.text === '' && node.children.length > 0) return 1;
  return Math.min(12, Math.max(node.kind === 'text' ? 3 : 2, Math.ceil(node.text.length / 22)));
}


const MOVE_LABELS = {
  up: 'composerMoveUp',
  down: 'composerMoveDown',
  indent: 'composerIndent',
  outdent: 'composerOutdent',
} as const;
const MOVE_MARKS: Record<PartMove, string> = { up: '↑', down: '↓', indent: '→', outdent: '←' };
