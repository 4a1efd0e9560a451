/**
 * Where a draft starts: a collection's whole report, built from its top-level
 * templates in order (开头, each section, 结尾, 落款) so each part arrives as
 * the collection shaped it, or only the headings of that structure.
 */
import type { Entry } from '../library';
import { framePartOf } from '../tags';
import { type DraftParts, type NewId, partsFromText } from './from-report';
import type { DraftNode } from './model';

/** A collection's whole report as draft parts; undefined when it has none. */
export function partsFromCollection(entries: readonly Entry[], newId: NewId): DraftParts | undefined {
  const templates = entries.filter((e) => e.kind === 'template');
  const whole = templates.find((e) => e.path.length === 0);
  const top = templates.filter((e) => e.path.length === 1);
  if (!whole && top.length === 0) return undefined;
  const title = whole ? partsFromText(whole.body, newId, true).title : '';
  if (top.length === 0) return partsFromText(whole!.body, newId, true);
  const nodes: DraftNode[] = [];
  let signature = '';
  for (const entry of top) {
    const part = framePartOf(entry);
    if (part === 'signature') signature = entry.body;
    else if (part) nodes.push({ id: newId(), kind: 'text', heading: '', runIn: false, text: entry.body, children: [] });
    else nodes.push(...partsFromText(entry.body, newId, false).nodes);
  }
  return { title, nodes, signature };
}

/** The headings alone: every heading kept with its words, every text emptied, text-only parts left out. */
export function structureOnly(parts: DraftParts): DraftParts {
  const strip = (nodes: readonly DraftNode[]): DraftNode[] =>
    nodes
      .filter((n) => n.kind !== 'text')
      // A heading that ran into its text ends in the comma that led on to it.
      .map((n) => ({ ...n, heading: n.heading.replace(/[，,；;]$/u, ''), runIn: false, text: '', children: strip(n.children) }));
  return { title: parts.title, nodes: strip(parts.nodes), signature: parts.signature };
}
