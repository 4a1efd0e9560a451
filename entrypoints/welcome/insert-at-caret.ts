/**
 * Inserting into the welcome page's own practice box. Content scripts do not
 * run in extension pages, so the page inserts itself, the way a user's typing
 * would: execCommand('insertText') goes through the browser's editing, so the
 * text lands at the caret (replacing a selection) and one Ctrl+Z takes it out,
 * in Chrome and Firefox alike.
 */
export function insertAtCaret(field: HTMLTextAreaElement, text: string): void {
  field.focus();
  if (field.ownerDocument.execCommand('insertText', false, text)) return;
  // Should editing be refused, the text still goes in, though without an undo step.
  field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
