/**
 * Which elements take text, and where the focus really is: inside open shadow
 * roots, document.activeElement stops at the host and events are retargeted,
 * so we look through them. Nodes may come from a same-origin child frame whose
 * own script is missing (see focus-memory.ts), so nothing here uses
 * `instanceof`, which fails across frames.
 */

/** Input types that hold free text and have a selection API. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', '']);

export type TextField = HTMLInputElement | HTMLTextAreaElement;
export type Field = TextField | HTMLElement;

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === Node.ELEMENT_NODE;
}

export function isTextField(el: Element): el is TextField {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type.toLowerCase());
}

/**
 * The field an event target belongs to: a text input or textarea, or the
 * editing host of a contenteditable region (the outermost editable element),
 * or the body of a document in design mode.
 */
/** The element that holds the picker at the caret (entrypoints/caret-picker.tsx). */
export const PICKER_TAG = 'bixia-picker';

export function fieldOf(target: EventTarget | null): Field | null {
  // The picker's search box is never the user's field, even in a design-mode document.
  if (!isElement(target) || target.localName === PICKER_TAG) return null;
  if (target.localName === 'input' || target.localName === 'textarea') return isTextField(target) ? target : null;
  const doc = target.ownerDocument;
  if (doc.designMode === 'on') return doc.body;
  if (!(target as HTMLElement).isContentEditable) return null;
  let host = target as HTMLElement;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The element that has focus, looking into open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Gives the field the focus; focus inside it counts (a caret in a contenteditable paragraph is focus on its host). */
export function focusField(field: Field): void {
  const active = deepActiveElement(field.ownerDocument);
  if (active === field || (active && field.contains(active))) return;
  field.focus({ preventScroll: true });
}

/** Why the field cannot take text, or null when it can. */
export function blockedReason(field: Field): 'read-only' | 'disabled' | null {
  if (isTextField(field)) {
    if (field.disabled) return 'disabled';
    return field.readOnly ? 'read-only' : null;
  }
  if (field.closest('[aria-disabled="true"]')) return 'disabled';
  return field.getAttribute('aria-readonly') === 'true' ? 'read-only' : null;
}

/** The selection object for a node, which for shadow-root content is the root's own in Blink. */
export function selectionFor(node: Node): Selection | null {
  const root = node.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  const inShadow = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root;
  if (inShadow && typeof root.getSelection === 'function') return root.getSelection();
  return node.ownerDocument?.getSelection() ?? null;
}
