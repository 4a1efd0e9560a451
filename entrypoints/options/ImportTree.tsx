import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SnippetGroup, TemplateNode } from './logic';
import { joinPath, tickState } from './logic';

type Toggle = (ids: readonly string[], on: boolean) => void;

interface TickProps {
  /** The entry this box stands for, or none for a group's box. */
  entryId?: string;
  /** Everything this box ticks (its entry and what is under it). */
  ids: readonly string[];
  ticked: ReadonlySet<string>;
  onToggle: Toggle;
  label: string;
  kind?: string;
}

/**
 * One checkbox: ticked when its entry is, shown as mixed when only part of
 * what is under it is ticked. A click ticks everything under it, or, when all
 * of it was ticked, unticks it.
 */
function TickBox({ entryId, ids, ticked, onToggle, label, kind }: TickProps) {
  const state = tickState(ticked, ids);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <label class="tick">
      <input
        ref={ref}
        type="checkbox"
        data-entry-id={entryId}
        checked={entryId ? ticked.has(entryId) : state === 'all'}
        onChange={() => onToggle(ids, state !== 'all')}
      />
      {kind && <span class="tick-kind">{kind}</span>}
      <span class="tick-label">{label}</span>
    </label>
  );
}

/** The templates, as nested lists: the whole report and its sections, items under their section. */
export function ImportTree({ nodes, ticked, onToggle }: { nodes: TemplateNode[]; ticked: ReadonlySet<string>; onToggle: Toggle }) {
  return (
    <ul class="import-tree">
      {nodes.map((node) => (
        <li key={node.entry.id} data-depth={node.depth}>
          <TickBox
            entryId={node.entry.id}
            ids={node.ids}
            ticked={ticked}
            onToggle={onToggle}
            kind={node.depth === 0 ? i18n.t('wholeReport') : node.depth === 1 ? i18n.t('section') : undefined}
            label={node.entry.title}
          />
          {node.children.length > 0 && <ImportTree nodes={node.children} ticked={ticked} onToggle={onToggle} />}
        </li>
      ))}
    </ul>
  );
}

/** The phrases, grouped under the part of the report each came from. */
export function SnippetGroups({ groups, ticked, onToggle }: { groups: SnippetGroup[]; ticked: ReadonlySet<string>; onToggle: Toggle }) {
  return (
    <ul class="snippet-groups">
      {groups.map((group) => {
        const ids = group.entries.map((e) => e.id);
        const where = group.path.length ? joinPath(group.path) : i18n.t('wholeReport');
        return (
          <li key={where} class="snippet-group">
            <TickBox ids={ids} ticked={ticked} onToggle={onToggle} label={i18n.t('optGroupLabel', [where, String(ids.length)])} />
            <ul class="snippet-list">
              {group.entries.map((entry) => (
                <li key={entry.id}>
                  <TickBox entryId={entry.id} ids={[entry.id]} ticked={ticked} onToggle={onToggle} label={entry.title} />
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
