import { describe, expect, it } from 'vitest';
import { isUserAction } from '../../utils/page/focus-memory';

const event = (type: string, more: Partial<KeyboardEvent> = {}, isTrusted = true) => ({ type, isTrusted, ...more }) as unknown as Event;

describe('isUserAction', () => {
  it('counts the user\'s pointer and keys: a click, Tab, typing, Ctrl+V', () => {
    expect(isUserAction(event('pointerdown'))).toBe(true);
    expect(isUserAction(event('pointerup'))).toBe(true);
    expect(isUserAction(event('keydown', { key: 'Tab' }))).toBe(true);
    expect(isUserAction(event('keyup', { key: 'Tab' }))).toBe(true);
    expect(isUserAction(event('keydown', { key: '说', isComposing: true }))).toBe(true);
    expect(isUserAction(event('keydown', { key: 'v', ctrlKey: true }))).toBe(true);
  });

  it('does not count events a script dispatched', () => {
    expect(isUserAction(event('pointerdown', {}, false))).toBe(false);
    expect(isUserAction(event('keydown', { key: 'a' }, false))).toBe(false);
  });

  it('does not count modifier keys or Alt/Meta chords: they open the popup (Alt+Shift+B), they do not type', () => {
    for (const key of ['Alt', 'Shift', 'Control', 'Meta']) expect(isUserAction(event('keydown', { key }))).toBe(false);
    expect(isUserAction(event('keydown', { key: 'B', altKey: true, shiftKey: true }))).toBe(false);
    expect(isUserAction(event('keyup', { key: 'Alt' }))).toBe(false);
    expect(isUserAction(event('keydown', { key: 'l', metaKey: true }))).toBe(false);
  });
});
