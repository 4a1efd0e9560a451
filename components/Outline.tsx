import { type Signal, signal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import type { OutlineNode } from '../core/outline';
import { defaultOpen, phraseKey, treeKeyAction, visibleRows } from './outline-keys';
import './outline.css';

interface Props {
  /** Names the tree's element ids, and its open groups and focused row, which outlive it (see `stateFor`). */
  id: string;
  nodes: OutlineNode[];
  onActivate: (entry: Entry) => void;
}

interface TreeState {
  /** Keys of the nodes whose open state is not their default one. */
  toggled: Signal<ReadonlySet<string>>;
  /** The row that is the tree's one tab stop, once the user has been in the tree. */
  active: Signal<string | null>;
}

/**
 * Kept beside the component, not in it: the side panel replaces its outline by
 * the placeholder form while an entry is filled in, and the groups the user
 * opened, and the row to go back to, must be there when the outline returns.
 */
const states = new Map<string, TreeState>();
function stateFor(id: string): TreeState {
  let state = states.get(id);
  if (!state) states.set(id, (state = { toggled: signal(new Set()), active: signal(null) }));
  return state;
}

/** The element id of a row; also what a surface remembers to bring the focus back to it. */
export function outlineRowId(treeId: string, key: string): string {
  return `${treeId}-${key.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/**
 * The report as a tree (the WAI-ARIA tree view): whole report, sections,
 * items, and the phrases of each. It is one tab stop; ↑/↓ move between the
 * rows shown, → and ← open and close a node or go to its first child and its
 * parent, Home/End go to the first and last row, Enter (or a click) inserts a
 * template or a phrase, or opens a group of phrases.
 */
export function Outline({ id, nodes, onActivate }: Props) {
  const { toggled, active } = stateFor(id);
  const isOpen = (node: OutlineNode, level: number) => defaultOpen(node, level) !== toggled.value.has(node.key);
  const toggle = (key: string) => {
    const next = new Set(toggled.value);
    if (!next.delete(key)) next.add(key);
    toggled.value = next;
  };
  const rows = visibleRows(nodes, isOpen);
  const tabbable = rows.some((row) => row.key === active.value) ? active.value : rows[0]?.key;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229 || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = rows.findIndex((row) => row.key === active.value);
    if (at < 0) return;
    const action = treeKeyAction(rows, at, event.key);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'move') {
      document.getElementById(outlineRowId(id, rows[action.to]!.key))?.focus();
    } else if (action.type === 'toggle') {
      toggle(rows[at]!.key);
    } else {
      const row = rows[at]!;
      if (row.entry) onActivate(row.entry);
      else toggle(row.key);
    }
  };

  return (
    <ul class="outline" role="tree" aria-label={i18n.t('treeLabel')} onKeyDown={onKeyDown}>
      {nodes.map((node) => (
        <OutlineItem
          key={node.key}
          treeId={id}
          node={node}
          level={0}
          tabbable={tabbable}
          isOpen={isOpen}
          onToggle={toggle}
          onFocusRow={(key) => (active.value = key)}
          onActivate={onActivate}
        />
      ))}
    </ul>
  );
}

function countPhrases(node: OutlineNode): number {
  return node.phrases.length + node.children.reduce((sum, child) => sum + countPhrases(child), 0);
}

interface ItemProps {
  treeId: string;
  node: OutlineNode;
  level: number;
  tabbable: string | null | undefined;
  isOpen: (node: OutlineNode, level: number) => boolean;
  onToggle: (key: string) => void;
  onFocusRow: (key: string) => void;
  onActivate: (entry: Entry) => void;
}

function OutlineItem(props: ItemProps) {
  const { treeId, node, level, tabbable, isOpen, onToggle, onFocusRow, onActivate } = props;
  const template = node.template;
  const open = isOpen(node, level);
  const hasContent = node.children.length > 0 || node.phrases.length > 0;
  const groupId = `${outlineRowId(treeId, node.key)}-group`;
  const title = node.title || i18n.t('phrasesHeading');
  const rowFor = (key: string) => ({
    role: 'treeitem' as const,
    id: outlineRowId(treeId, key),
    tabIndex: key === tabbable ? 0 : -1,
    onFocus: () => onFocusRow(key),
  });
  return (
    <li role="none" data-entry-id={template?.id} data-group={template ? undefined : title}>
      {/* The row is the tree item and its group a sibling it owns (aria-owns), so its name is its own line, not its whole subtree. */}
      <div
        class="node-row"
        {...rowFor(node.key)}
        aria-level={level + 1}
        aria-expanded={hasContent ? open : undefined}
        aria-owns={hasContent && open ? groupId : undefined}
        data-level={level}
        title={template ? i18n.t('insertAction') : undefined}
        onClick={() => (template ? onActivate(template) : onToggle(node.key))}
      >
        {hasContent ? (
          // The mouse's way to open an item without inserting it; the keyboard has → and ←.
          <span
            class="disclosure"
            aria-hidden="true"
            data-open={open ? 'true' : undefined}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(node.key);
            }}
          >
            ▸
          </span>
        ) : (
          <span class="disclosure-spacer" />
        )}
        <span class={template ? 'node-title' : 'node-title node-group'} data-level={level}>
          {title}
          {!template && <span class="node-count">{countPhrases(node)}</span>}
        </span>
      </div>
      {hasContent && open && (
        <div role="group" id={groupId}>
          {node.phrases.length > 0 && (
            <div class="phrases" role="none">
              {node.phrases.map((phrase) => (
                <span
                  key={phrase.id}
                  class="phrase"
                  {...rowFor(phraseKey(phrase))}
                  aria-level={level + 2}
                  data-entry-id={phrase.id}
                  onClick={() => onActivate(phrase)}
                >
                  {phrase.title}
                </span>
              ))}
            </div>
          )}
          {node.children.length > 0 && (
            <ul role="none">
              {node.children.map((child) => (
                <OutlineItem {...props} key={child.key} node={child} level={level + 1} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
