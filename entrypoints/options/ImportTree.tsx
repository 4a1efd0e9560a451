import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import type { FramePart } from '../../core/tags';
import type { SnippetGroup, TemplateNode } from './logic';
import { excerpt, framePart, joinPath, tickState } from './logic';

type Toggle = (ids: readonly string[], on: boolean) => void;

/** What both trees share: the ticks, the entry shown in the body pane, and the row that takes Tab. */
interface TreeProps {
  ticked: ReadonlySet<string>;
  onToggle: Toggle;
  selectedId: string;
  onSelect: (entryId: string) => void;
  /** The row key that is in the Tab order (the selected row when it is in this tree, else the first). */
  tabKey: string;
}

interface RowProps extends Omit<TreeProps, 'tabKey' | 'selectedId'> {
  rowKey: string;
  /** The entry this row stands for, or none for a group of phrases. */
  entryId?: string;
  /** Everything the row's box ticks (its entry and what is under it). */
  ids: readonly string[];
  label: string;
  kind?: string;
  selected: boolean;
  tabbable: boolean;
}

const FRAME_LABEL: Record<FramePart, () => string> = {
  opening: () => i18n.t('optFrameOpening'),
  closing: () => i18n.t('optFrameClosing'),
  signature: () => i18n.t('optFrameSignature'),
};

/**
 * A row's box and words. The box is ticked when its entry is, mixed when only
 * part of what is under it is; a click on it ticks everything under it, or,
 * when all of it was ticked, unticks it. A click on the words shows the entry.
 * The row (the treeitem) has the focus, so the box is out of the Tab order.
 */
function RowLine(props: RowProps & { level: number; expanded?: boolean; groupId?: string }) {
  const { entryId, ids, ticked, onToggle, onSelect, label, kind, selected, level, expanded, groupId } = props;
  const state = tickState(ticked, ids);
  const checked = entryId ? ticked.has(entryId) : state === 'all';
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = !entryId && state === 'some';
  }, [state, entryId]);
  return (
    // The row is the tree item, and owns its group (a sibling), so that its name is its own line, not everything under it.
    <div
      class={`tree-row${selected ? ' tree-row-selected' : ''}`}
      {...rowAttributes(props)}
      aria-level={level}
      aria-expanded={expanded}
      aria-owns={groupId}
      onClick={entryId ? () => onSelect(entryId) : undefined}
    >
      <input
        ref={ref}
        type="checkbox"
        tabIndex={-1}
        aria-hidden="true"
        data-entry-id={entryId}
        checked={checked}
        onClick={(event) => event.stopPropagation()}
        onChange={() => onToggle(ids, state !== 'all')}
      />
      {kind && <span class="tick-kind">{kind}</span>}
      <span class="tick-label">
        {label}
      </span>
    </div>
  );
}

/** Ids cannot hold every character an entry id or a path may. */
const groupIdOf = (rowKey: string) => `tree-group-${rowKey.replace(/[^\w-]/g, '_')}`;

/** The ARIA state of a row: ticked (aria-checked), shown in the body pane (aria-selected). */
function rowAttributes({ rowKey, entryId, ids, ticked, selected, tabbable }: RowProps) {
  const state = tickState(ticked, ids);
  return {
    role: 'treeitem',
    tabIndex: tabbable ? 0 : -1,
    'aria-checked': entryId ? ticked.has(entryId) : state === 'all' ? true : state === 'some' ? 'mixed' : false,
    'aria-selected': entryId ? selected : undefined,
    'data-row': rowKey,
    'data-entry-id': entryId,
  } as const;
}

/**
 * Keys in a tree: ↑/↓ (Home/End) move to the next row and show its entry,
 * → and ← go to the first child and to the parent, Enter shows the focused
 * row's entry, Space ticks its box.
 */
function onTreeKeyDown(event: KeyboardEvent, onSelect: (entryId: string) => void) {
  const tree = event.currentTarget as HTMLElement;
  const row = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!row || !tree.contains(row) || event.altKey || event.ctrlKey || event.metaKey) return;
  const rows = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const at = rows.indexOf(row);
  let next: HTMLElement | null | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = rows[at + 1];
      break;
    case 'ArrowUp':
      next = rows[at - 1];
      break;
    case 'Home':
      next = rows[0];
      break;
    case 'End':
      next = rows[rows.length - 1];
      break;
    case 'ArrowRight':
      // The row's group is its sibling (see RowLine).
      next = row.parentElement?.querySelector<HTMLElement>(':scope > [role="group"] > li > [role="treeitem"]');
      break;
    case 'ArrowLeft':
      next = row.parentElement?.parentElement?.closest('li')?.querySelector<HTMLElement>(':scope > [role="treeitem"]');
      break;
    case 'Enter':
      if (row.dataset.entryId) onSelect(row.dataset.entryId);
      break;
    case ' ':
      row.querySelector<HTMLInputElement>(':scope > input[type="checkbox"]')?.click();
      break;
    default:
      return;
  }
  event.preventDefault();
  if (!next) return;
  next.focus();
  if (next.dataset.entryId) onSelect(next.dataset.entryId);
}

/** What part of the report an entry is, in words: 全文, 开头, 章节, 条目, 结尾, 落款, or a phrase. */
export function partLabel(entry: Entry): string {
  if (entry.kind === 'snippet') return i18n.t('kindSnippet');
  const frame = framePart(entry);
  if (frame) return FRAME_LABEL[frame]();
  return entry.path.length === 0 ? i18n.t('wholeReport') : entry.path.length === 1 ? i18n.t('section') : i18n.t('optItem');
}

function kindOf(node: TemplateNode): { kind?: string; label: string } {
  // A frame's title only repeats its kind (开头, 结尾, 落款): its first words say more.
  if (framePart(node.entry)) return { kind: partLabel(node.entry), label: excerpt(renderBody(node.entry.body)) };
  // Items go without a badge: the nesting says what they are.
  return { kind: node.depth <= 1 ? partLabel(node.entry) : undefined, label: node.entry.title };
}

function TemplateRows({ nodes, ...tree }: TreeProps & { nodes: TemplateNode[] }) {
  return (
    <>
      {nodes.map((node) => {
        const props: RowProps = {
          ...tree,
          ...kindOf(node),
          rowKey: node.entry.id,
          entryId: node.entry.id,
          ids: node.ids,
          selected: node.entry.id === tree.selectedId,
          tabbable: node.entry.id === tree.tabKey,
        };
        return (
          <li
            key={node.entry.id}
            role="none"
            data-depth={node.depth}
            data-title={node.entry.title}
            data-frame={framePart(node.entry) ?? undefined}
          >
            <RowLine
              {...props}
              level={node.depth + 1}
              expanded={node.children.length > 0 ? true : undefined}
              groupId={node.children.length > 0 ? groupIdOf(node.entry.id) : undefined}
            />
            {node.children.length > 0 && (
              <ul role="group" class="import-tree" id={groupIdOf(node.entry.id)}>
                <TemplateRows nodes={node.children} {...tree} />
              </ul>
            )}
          </li>
        );
      })}
    </>
  );
}

/** The templates, as a tree: the whole report and its sections (and its opening and closing), items under their section. */
export function ImportTree({ nodes, ...tree }: Omit<TreeProps, 'tabKey'> & { nodes: TemplateNode[] }) {
  const all = nodes.flatMap(function flat(n): string[] {
    return [n.entry.id, ...n.children.flatMap(flat)];
  });
  const tabKey = all.includes(tree.selectedId) ? tree.selectedId : (all[0] ?? '');
  return (
    <ul class="import-tree" role="tree" aria-labelledby="tree-heading" data-template-tree onKeyDown={(event) => onTreeKeyDown(event, tree.onSelect)}>
      <TemplateRows nodes={nodes} {...tree} tabKey={tabKey} />
    </ul>
  );
}

/** The phrases, grouped under the part of the report each came from. */
export function SnippetGroups({ groups, ...tree }: Omit<TreeProps, 'tabKey'> & { groups: SnippetGroup[] }) {
  // Paths may hold blanks, which an id cannot (aria-labelledby is a list of ids).
  const keys = groups.map((_, index) => `group-${index}`);
  const inHere = groups.some((group) => group.entries.some((e) => e.id === tree.selectedId));
  const tabKey = inHere ? tree.selectedId : (keys[0] ?? '');
  return (
    <ul class="snippet-groups" role="tree" aria-labelledby="groups-heading" data-snippet-tree onKeyDown={(event) => onTreeKeyDown(event, tree.onSelect)}>
      {groups.map((group, index) => {
        const ids = group.entries.map((e) => e.id);
        const where = group.path.length ? joinPath(group.path) : i18n.t('wholeReport');
        const rowKey = keys[index]!;
        const props: RowProps = {
          ...tree,
          rowKey,
          ids,
          label: i18n.t('optGroupLabel', [where, String(ids.length)]),
          selected: false,
          tabbable: rowKey === tabKey,
        };
        return (
          <li key={rowKey} class="snippet-group" role="none">
            <RowLine {...props} level={1} expanded={true} groupId={groupIdOf(rowKey)} />
            <ul role="group" class="snippet-list" id={groupIdOf(rowKey)}>
              {group.entries.map((entry) => {
                const row: RowProps = {
                  ...tree,
                  rowKey: entry.id,
                  entryId: entry.id,
                  ids: [entry.id],
                  label: entry.title,
                  selected: entry.id === tree.selectedId,
                  tabbable: entry.id === tabKey,
                };
                return (
                  <li key={entry.id} role="none">
                    <RowLine {...row} level={2} />
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
