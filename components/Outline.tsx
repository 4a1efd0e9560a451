import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import type { OutlineNode } from '../core/outline';
import './outline.css';

interface Props {
  nodes: OutlineNode[];
  onActivate: (entry: Entry) => void;
}

/** The report as a tree: whole report, sections, items, and the phrases of each. */
export function Outline({ nodes, onActivate }: Props) {
  return (
    <ul class="outline" aria-label={i18n.t('treeLabel')}>
      {nodes.map((node) => (
        <OutlineItem key={node.key} node={node} level={0} onActivate={onActivate} />
      ))}
    </ul>
  );
}

function countPhrases(node: OutlineNode): number {
  return node.phrases.length + node.children.reduce((sum, child) => sum + countPhrases(child), 0);
}

function OutlineItem({ node, level, onActivate }: { node: OutlineNode; level: number; onActivate: (entry: Entry) => void }) {
  const template = node.template;
  // A group of phrases opens only its own level at first: the phrase library has hundreds.
  const open = useSignal(template ? level < 2 : false);
  const hasContent = node.children.length > 0 || node.phrases.length > 0;
  const groupId = `outline-${node.key.replace(/[^\w-]/g, '_')}`;
  const title = node.title || i18n.t('phrasesHeading');
  return (
    <li data-entry-id={template?.id} data-group={template ? undefined : title}>
      <div class="node-row">
        {!template ? (
          // A group's own title opens and closes it; the arrow only shows which way it is.
          <span class="disclosure" aria-hidden="true" data-open={open.value ? 'true' : undefined}>
            ▸
          </span>
        ) : hasContent ? (
          <button
            type="button"
            class="disclosure"
            aria-expanded={open.value}
            aria-controls={groupId}
            aria-label={title}
            onClick={() => (open.value = !open.value)}
          >
            ▸
          </button>
        ) : (
          <span class="disclosure-spacer" />
        )}
        {template ? (
          <button type="button" class="node-title" data-level={level} title={i18n.t('copy')} onClick={() => onActivate(template)}>
            {title}
          </button>
        ) : (
          <button
            type="button"
            class="node-title node-group"
            data-level={level}
            aria-expanded={open.value}
            aria-controls={hasContent ? groupId : undefined}
            onClick={() => (open.value = !open.value)}
          >
            {title}
            <span class="node-count">{countPhrases(node)}</span>
          </button>
        )}
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
                <OutlineItem key={child.key} node={child} level={level + 1} onActivate={onActivate} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
