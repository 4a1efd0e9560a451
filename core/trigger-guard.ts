/**
 * When a typed shortcut may be looked for (issue 13), as plain predicates over
 * what an input event and its field say, so the content script's listener
 * stays a few lines and the rules are tested without a browser.
 *
 * Never while an input method is composing: the letters of `;bl` typed in
 * pinyin mode sit in the candidate list, and expanding then would tear the
 * composition apart. Browsers say so in different ways (`isComposing`,
 * `inputType` `insertCompositionText`, `keyCode` 229, `key` `Process`); any
 * one of them is enough. After `compositionend` the field is checked again.
 */

/** The parts of an InputEvent or KeyboardEvent this reads. */
export interface TypedEventLike {
  isComposing?: boolean;
  inputType?: string;
  keyCode?: number;
  key?: string;
}

export function isComposingEvent(event: TypedEventLike): boolean {
  return event.isComposing === true || event.inputType === 'insertCompositionText' || event.keyCode === 229 || event.key === 'Process';
}

/**
 * An input that may end a trigger: text typed or committed by an input method.
 * Pasting, dropping, deleting and undoing never expand (undo must give the
 * trigger back, not expand it again).
 */
export function mayEndTrigger(event: TypedEventLike): boolean {
  if (isComposingEvent(event)) return false;
  return event.inputType === 'insertText' || event.inputType === 'insertFromComposition' || event.inputType === undefined;
}

/** The parts of a field this reads (attributes as the page wrote them). */
export interface FieldLike {
  tagName: string;
  type?: string;
  autocomplete?: string;
  name?: string;
  id?: string;
}

/** `autocomplete` tokens of secrets and payment data. */
const SECRET_AUTOCOMPLETE = /(^|\s)(current-password|new-password|one-time-code|cc-[a-z-]+)(\s|$)/i;
/** Names and ids that say a field holds a card number, a code or a password. */
const SECRET_NAME = /password|passwd|pwd|secret|(^|[^a-z])(pass|token|otp|cvv|cvc|pin)([^a-z]|$)|card.?(no|num)|cc.?(num|no)|mima|kahao|密码|卡号|验证码/i;
/** Input types that hold no prose. */
const NOT_PROSE_TYPES = new Set(['password', 'email', 'number', 'tel', 'date', 'datetime-local', 'month', 'week', 'time', 'color', 'range', 'file', 'hidden', 'checkbox', 'radio', 'submit', 'button', 'reset', 'image']);

/**
 * True when a field must never be read for triggers: passwords, one-time
 * codes, card numbers and the like, and inputs that hold no prose. Reading
 * nothing there is the point: the listener returns before it looks at the value.
 */
export function isSecretField(field: FieldLike): boolean {
  if (field.tagName.toUpperCase() === 'INPUT' && NOT_PROSE_TYPES.has((field.type ?? 'text').toLowerCase())) return true;
  if (field.autocomplete && SECRET_AUTOCOMPLETE.test(field.autocomplete)) return true;
  return SECRET_NAME.test(field.name ?? '') || SECRET_NAME.test(field.id ?? '');
}

/**
 * The site switch: a page's host is off when the global switch is off or the
 * host (or a parent domain of it) is in the list of sites turned off.
 */
export function triggersOffFor(host: string, settings: { enabled: boolean; offSites: readonly string[] }): boolean {
  if (!settings.enabled) return true;
  const name = host.toLowerCase().replace(/\.$/, '');
  return settings.offSites.some((site) => {
    const off = site.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return off !== '' && (name === off || name.endsWith(`.${off}`));
  });
}
