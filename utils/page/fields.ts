/**
 * Which elements take text, and where the focus really is: inside iframes the
 * frame's own script looks; inside open shadow roots, document.activeElement
 * stops at the host and events are retargeted, so we look through them.
 */

/** Input types that hold free text and have a selection API. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', '']);

export type TextField = HTMLInputElement | HTMLTextAreaElement;
export type Field = TextField | HTMLElement;

export function isTextField(el: Element): el is TextField {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type.toLowerCase());
}

/**
 * The field an event target belongs to: a text input or textarea, or the
 * editing host of a contenteditable region (the outermost editable element),
 * or the body of a document in design mode.
 */
export function fieldOf(target: EventTarget | null): Field | null {
  if (!(target instanceof Element)) return null;
  if (isTextField(target) || target instanceof HTMLInputElement) return isTextField(target) ? target : null;
  const doc = target.ownerDocument;
  if (doc.designMode === 'on') return doc.body;
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return null;
  let host: HTMLElement = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** The element that has focus, looking into open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
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
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection();
  return node.ownerDocument?.getSelection() ?? null;
}
