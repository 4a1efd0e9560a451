import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  type RemovedNode,
  draftPlaceholders,
  findNode,
  indentNode,
  insertNodes,
  moveBy,
  moveNode,
  outdentNode,
  removeNode,
  restoreNode,
  setDraftValues,
  updateNode,
} from '../../core/draft/edit';
import { partsFromText } from '../../core/draft/from-report';
import type { Draft, DraftNode } from '../../core/draft/model';
import { headingNumber } from '../../core/draft/numbering';
import { countDraft } from '../../core/draft/render';
import { randomIdPart } from '../../core/library-edit';
import type { Collection, Entry } from '../../core/library';
import { framePartOf } from '../../core/tags';
import { Tabs } from '../Tabs';
import { AddPanel } from './AddPanel';
import { CountBadge } from './CountBadge';
import { DeliverBar } from './DeliverBar';
import { DraftPreview } from './DraftPreview';
import { type Caret, type PartMove, PartRow } from './PartRow';
import { TargetInput } from './TargetInput';
import { ValuesForm } from './ValuesForm';
import { draftParagraphs, effectiveValues, filledDraft } from './draft-delivery';
import type { SaveState } from './useDrafts';
import type { usePreferences } from '../usePreferences';
import type { Outcome } from '../deliver';

const newNodeId = () => `n-${randomIdPart()}`;

interface Props {
  draft: Draft;
  mode: 'panel' | 'page';
  collections: Collection[];
  entries: Entry[];
  preferences: ReturnType<typeof usePreferences>;
  saveState: SaveState;
  onChange: (draft: Draft) => void;
  onClose: () => void;
  onOpenFull?: () => void;
  onInsert?: (text: string, allowTruncate: boolean) => Promise<Outcome>;
  onStatus: (message: string, tone: 'info' | 'success' | 'fallback' | 'error', detail?: string) => void;
}

/**
 * One draft: its title and target, its parts in order (edited in place,
 * moved by keyboard or by dragging), one form for all its placeholders, the
 * live counts, and the ways to deliver it.
 */
export function DraftEditor(props: Props) {
  const { draft, preferences } = props;
  const caret = useSignal<Caret | null>(null);
  const dragId = useSignal<string | null>(null);
  const dropTarget = useSignal<{ id: string; where: 'before' | 'after' } | null>(null);
  const removed = useSignal<RemovedNode | null>(null);
  /** The part whose control should have focus once the list has been drawn again (after a move). */
  const refocus = useSignal<{ id: string; selector: string; caret?: number } | null>(null);
  // The day dynamic values stand for, taken again when the date changes: what the form shows is what a delivery writes.
  const day = new Date().toDateString();
  const today = useMemo(() => new Date(), [day]);
  /** The side panel has room for one pane at a time: the draft, or the library to add from. */
  const pane = useSignal<'draft' | 'add'>('draft');
  const previewing = useSignal(false);

  const placeholders = useMemo(() => draftPlaceholders(draft), [draft]);
  const values = useMemo(() => effectiveValues(draft, preferences.values.value, today), [draft, preferences.values.value, today]);
  const counts = useMemo(() => countDraft(filledDraft(draft, preferences.values.value, today), { today }), [draft, preferences.values.value, today]);
  const rows = useMemo(() => numberedRows(draft.nodes), [draft.nodes]);

  useEffect(() => {
    const wanted = refocus.value;
    if (!wanted) return;
    refocus.value = null;
    const control = document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(wanted.id)}"] ${wanted.selector}`);
    control?.focus();
    if (wanted.caret !== undefined && (control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement)) {
      control.setSelectionRange(wanted.caret, wanted.caret);
    }
  });

  const now = () => Date.now();
  const change = (next: Draft) => {
    if (next !== draft) props.onChange(next);
  };

  const move = (id: string, how: PartMove) => {
    const active = document.activeElement as HTMLElement | null;
    const selector = active?.closest('[data-node-id]') ? controlSelector(active) : '.part-handle';
    const next =
      how === 'up' ? moveBy(draft, id, -1, now()) : how === 'down' ? moveBy(draft, id, 1, now()) : how === 'indent' ? indentNode(draft, id, now()) : outdentNode(draft, id, now());
    if (next === draft) {
      props.onStatus(i18n.t('composerCannotMove'), 'info');
      return;
    }
    refocus.value = { id, selector };
    change(next);
  };

  const remove = (id: string) => {
    const result = removeNode(draft, id, now());
    if (!result.removed) return;
    removed.value = result.removed;
    if (caret.value?.nodeId === id) caret.value = null;
    change(result.draft);
  };

  /** Adds an entry from the library: a template as parts after the current one, a phrase at the caret. */
  const add = (entry: Entry) => {
    if (entry.kind === 'snippet') return addPhrase(entry.body);
    const part = framePartOf(entry);
    if (part === 'signature') {
      change({ ...draft, signature: entry.body, updatedAt: now() });
      pane.value = 'draft';
      props.onStatus(i18n.t('composerAddedSignature'), 'success');
      return;
    }
    const parts = part
      ? { title: '', nodes: [{ id: newNodeId(), kind: 'text' as const, heading: '', runIn: false, text: entry.body, children: [] }], signature: '' }
      : partsFromText(entry.body, newNodeId, entry.path.length === 0);
    let next = insertNodes(draft, parts.nodes, placeAfterCurrent(draft, caret.value?.nodeId), now());
    if (parts.title && !next.title) next = { ...next, title: parts.title };
    if (parts.signature && !next.signature) next = { ...next, signature: parts.signature };
    change(next);
    pane.value = 'draft';
    props.onStatus(i18n.t('composerAddedParts', [String(parts.nodes.length), entry.title]), 'success');
    const first = parts.nodes[0];
    if (first) refocus.value = { id: first.id, selector: first.kind === 'text' ? '.part-text' : '.part-heading' };
  };

  const addPhrase = (body: string) => {
    pane.value = 'draft';
    const at = caret.value;
    const target = at ? findNode(draft, at.nodeId)?.node : undefined;
    if (!at || !target) {
      const node: DraftNode = { id: newNodeId(), kind: 'text', heading: '', runIn: false, text: body, children: [] };
      change(insertNodes(draft, [node], { parentId: null, index: draft.nodes.length }, now()));
      props.onStatus(i18n.t('composerAddedPhraseNew'), 'success');
      return;
    }
    const field = at.field === 'heading' && target.kind !== 'text' ? 'heading' : 'text';
    const old = target[field];
    const start = Math.min(at.start, old.length);
    const end = Math.min(Math.max(at.end, start), old.length);
    // A heading is one line: a phrase with line breaks goes into the text.
    const piece = field === 'heading' ? body.replace(/\n+/g, '') : body;
    change(updateNode(draft, target.id, { [field]: old.slice(0, start) + piece + old.slice(end) }, now()));
    caret.value = { ...at, field, start: start + piece.length, end: start + piece.length };
    refocus.value = { id: target.id, selector: field === 'heading' ? '.part-heading' : '.part-text', caret: start + piece.length };
    props.onStatus(i18n.t('composerAddedPhrase'), 'success');
  };

  const drop = (targetId: string) => {
    const id = dragId.value;
    const where = dropTarget.value?.where ?? 'before';
    dragId.value = null;
    dropTarget.value = null;
    if (!id || id === targetId) return;
    const found = findNode(draft, targetId);
    if (!found) return;
    const next = moveNode(draft, id, { parentId: found.place.parentId, index: found.place.index + (where === 'after' ? 1 : 0) }, now());
    if (next === draft) props.onStatus(i18n.t('composerCannotMove'), 'info');
    change(next);
  };

  const paneTabs = [
    { name: 'draft' as const, label: i18n.t('composerPaneDraft') },
    { name: 'add' as const, label: i18n.t('composerAddTitle') },
  ];
  const showMain = props.mode === 'page' || pane.value === 'draft';
  const showAdd = props.mode === 'page' || pane.value === 'add';

  return (
    <div class="draft-editor" data-mode={props.mode} data-draft-id={draft.id} data-save-state={props.saveState}>
      {props.mode === 'panel' && (
        <Tabs label={i18n.t('composerPanes')} tabs={paneTabs} selected={pane.value} idPrefix={PANE_TAB} panelId={PANE_PANEL} onSelect={(name) => (pane.value = name)} />
      )}
      <PaneFrame panel={props.mode === 'panel'} labelledBy={`${PANE_TAB}-${pane.value}`}>
        <div class="draft-main" hidden={!showMain}>
          <header class="draft-header">
            <button type="button" class="button" data-action="close-draft" onClick={props.onClose}>
              {i18n.t('composerBackToList')}
            </button>
            <span class="save-state" data-state={props.saveState} role="status">
              {props.saveState === 'saved' ? i18n.t('composerSaved') : props.saveState === 'saving' ? i18n.t('composerSaving') : i18n.t('composerSaveFailed')}
            </span>
            <button
              type="button"
              class="button"
              data-action="toggle-preview"
              aria-pressed={previewing.value}
              onClick={() => (previewing.value = !previewing.value)}
            >
              {i18n.t('composerPreview')}
            </button>
            {props.onOpenFull && (
              <button type="button" class="button" data-action="open-full" onClick={props.onOpenFull}>
                {i18n.t('composerOpenFull')}
              </button>
            )}
          </header>
          <label class="draft-field">
            <span>{i18n.t('composerTitle')}</span>
            <input
              type="text"
              name="title"
              value={draft.title}
              onInput={(event) => change({ ...draft, title: (event.currentTarget as HTMLInputElement).value, updatedAt: now() })}
            />
          </label>
          <div class="draft-total">
            <CountBadge count={counts.total} target={draft.target} />
            <TargetInput
              label={i18n.t('composerTarget')}
              name="draft-target"
              step={500}
              value={draft.target}
              onChange={(target) => change({ ...draft, target, updatedAt: now() })}
            />
          </div>
          {removed.value && (
            <div class="undo-bar" role="status">
              <span>{i18n.t('composerPartRemoved')}</span>
              <button
                type="button"
                class="button"
                data-action="undo-remove-part"
                onClick={() => {
                  const back = removed.value!;
                  removed.value = null;
                  change(restoreNode(draft, back, now()));
                }}
              >
                {i18n.t('undo')}
              </button>
            </div>
          )}
          {previewing.value ? (
            <DraftPreview paragraphs={draftParagraphs(draft, preferences.values.value, today)} />
          ) : rows.length === 0 ? (
            <p class="composer-note empty-draft">{i18n.t('composerEmptyDraft')}</p>
          ) : (
            <ol class="parts" aria-label={i18n.t('composerPartsLabel')} onDragLeave={() => (dropTarget.value = null)}>
              {rows.map(({ node, depth, number }) => (
                <PartRow
                  key={node.id}
                  node={node}
                  depth={depth}
                  number={number}
                  count={counts.parts.get(node.id) ?? 0}
                  current={caret.value?.nodeId === node.id}
                  dragging={dragId.value === node.id}
                  dropAt={dropTarget.value?.id === node.id ? dropTarget.value.where : null}
                  onChange={(patch) => change(updateNode(draft, node.id, patch, now()))}
                  onMove={(how) => move(node.id, how)}
                  onRemove={() => remove(node.id)}
                  onCaret={(c) => (caret.value = c)}
                  onDragStart={() => (dragId.value = node.id)}
                  onDragEnd={() => {
                    dragId.value = null;
                    dropTarget.value = null;
                  }}
                  onDragOver={(where) => {
                    if (dragId.value && dragId.value !== node.id) dropTarget.value = { id: node.id, where };
                  }}
                  onDrop={() => drop(node.id)}
                />
              ))}
            </ol>
          )}
          <div class="part-adders">
            <button
              type="button"
              class="button"
              data-action="add-section"
              onClick={() => addBlank(draft, 'heading', caret.value?.nodeId, change, refocus)}
            >
              {i18n.t('composerAddHeading')}
            </button>
            <button type="button" class="button" data-action="add-text" onClick={() => addBlank(draft, 'text', caret.value?.nodeId, change, refocus)}>
              {i18n.t('composerAddText')}
            </button>
          </div>
          <label class="draft-field">
            <span>{i18n.t('composerSignature')}</span>
            <textarea
              name="signature"
              rows={3}
              placeholder={i18n.t('composerSignatureHint')}
              value={draft.signature}
              onInput={(event) => change({ ...draft, signature: (event.currentTarget as HTMLTextAreaElement).value, updatedAt: now() })}
            />
          </label>
          <ValuesForm
            placeholders={placeholders}
            values={values}
            onChange={(name, value) => change(setDraftValues(draft, { [name]: value }, now()))}
          />
          <DeliverBar draft={draft} today={today} remembered={preferences.values.value} preferences={preferences} onInsert={props.onInsert} onStatus={props.onStatus} />
        </div>
        <AddPanel hidden={!showAdd} collections={props.collections} entries={props.entries} preferences={preferences} onAdd={add} />
      </PaneFrame>
    </div>
  );
}

/** The parts in reading order with the number each is written with. */
function numberedRows(nodes: readonly DraftNode[]): { node: DraftNode; depth: number; number: string }[] {
  const rows: { node: DraftNode; depth: number; number: string }[] = [];
  const walk = (list: readonly DraftNode[], depth: number) => {
    let ordinal = 0;
    for (const node of list) {
      rows.push({ node, depth, number: node.kind === 'heading' ? headingNumber(depth, ++ordinal) : '' });
      walk(node.children, depth + 1);
    }
  };
  walk(nodes, 1);
  return rows;
}

/** Right after the part the user is in, as its sibling; at the end when they are in none. */
function placeAfterCurrent(draft: Draft, currentId: string | undefined) {
  const found = currentId ? findNode(draft, currentId) : undefined;
  return found ? { parentId: found.place.parentId, index: found.place.index + 1 } : { parentId: null, index: draft.nodes.length };
}

function addBlank(
  draft: Draft,
  kind: 'heading' | 'text',
  currentId: string | undefined,
  change: (d: Draft) => void,
  refocus: { value: { id: string; selector: string } | null },
) {
  const node: DraftNode = { id: newNodeId(), kind, heading: '', runIn: false, text: '', children: [] };
  change(insertNodes(draft, [node], placeAfterCurrent(draft, currentId), Date.now()));
  refocus.value = { id: node.id, selector: kind === 'text' ? '.part-text' : '.part-heading' };
}

/** Which of a part's controls had focus, to give it back after a move. */
function controlSelector(element: HTMLElement): string {
  if (element.classList.contains('part-heading')) return '.part-heading';
  if (element.classList.contains('part-text')) return '.part-text';
  const move = element.getAttribute('data-move');
  return move ? `[data-move="${move}"]` : '.part-handle';
}

const PANE_TAB = 'composer-pane';
const PANE_PANEL = 'composer-pane-panel';

/** In the side panel, the draft and the add pane are one tab panel, labelled by the selected tab; on the page, both show side by side. */
function PaneFrame({ panel, labelledBy, children }: { panel: boolean; labelledBy: string; children: ComponentChildren }) {
  if (!panel) return <>{children}</>;
  return (
    <div id={PANE_PANEL} class="draft-panes" role="tabpanel" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
