import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import type { OutlineNode } from '../../core/outline';

interface Props {
  nodes: OutlineNode[];
  onActivate: (entry: Entry) => void;
}

/** The report as a tree: whole report, sections, items, and the phrases of each. */
export function Outline({ nodes, onActivate }: Props) {
  return (
    <ul class="outline" aria-label={i18n.t('treeLabel')}>
      {nodes.map((node) => (
        <OutlineItem key={node.template.id} node={node} level={0} onActivate={onActivate} />
      ))}
    </ul>
  );
}

function OutlineItem({ node, level, onActivate }: { node: OutlineNode; level: number; onActivate: (entry: Entry) => void }) {
  const open = useSignal(level < 2);
  const hasContent = node.children.length > 0 || node.phrases.length > 0;
  const groupId = `outline-${node.template.id.replace(/[^\w-]/g, '_')}`;
  return (
    <li data-entry-id={node.template.id}>
      <div class="node-row">
        {hasContent ? (
          <button
            type="button"
            class="disclosure"
            aria-expanded={open.value}
            aria-controls={groupId}
            aria-label={node.template.title}
            onClick={() => (open.value = !open.value)}
          >
            ▸
          </button>
        ) : (
          <span class="disclosure-spacer" />
        )}
        <button
          type="button"
          class="node-title"
          data-level={level}
          title={i18n.t('copy')}
          onClick={() => onActivate(node.template)}
        >
          {node.template.title}
        </button>
      </div>
      {hasContent && open.value && (
        <div id={groupId}>
          {node.phrases.length > 0 && (
            <div class="phrases" role="group" aria-label={i18n.t('phrasesHeading')}>
              {node.phrases.map((phrase) => (
                <button
                  key={phrase.id}
                  type="button"
                  class="phrase"
                  data-entry-id={phrase.id}
                  onClick={() => onActivate(phrase)}
                >
                  {phrase.title}
                </button>
              ))}
            </div>
          )}
          {node.children.length > 0 && (
            <ul>
              {node.children.map((child) => (
                <OutlineItem key={child.template.id} node={child} level={level + 1} onActivate={onActivate} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
