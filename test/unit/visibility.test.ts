import { describe, expect, it } from 'vitest';
import { type Box, canBeSeen } from '../../utils/page/visibility';

const box = (width: number, height: number, more: Partial<Box> = {}): Box => ({
  width,
  height,
  rendered: true,
  right: 100 + width,
  bottom: 100 + height,
  ...more,
});

describe('canBeSeen', () => {
  it('sees a field of ordinary size in the top window or a frame of ordinary size', () => {
    expect(canBeSeen({ frame: null, boxes: [box(200, 24)] })).toBe(true);
    expect(canBeSeen({ frame: { width: 420, height: 90 }, boxes: [box(200, 24)] })).toBe(true);
  });

  it('judges an editor\'s near-invisible input textarea by the editor around it (CodeMirror 5, Monaco, Ace)', () => {
    expect(canBeSeen({ frame: null, boxes: [box(1, 1), box(3, 0), box(600, 300)] })).toBe(true);
    expect(canBeSeen({ frame: null, boxes: [box(1, 1), box(600, 300, { rendered: false })] })).toBe(false);
  });

  it('does not see a field in a frame that is zero-size, display:none or too small to see', () => {
    expect(canBeSeen({ frame: { width: 0, height: 0 }, boxes: [box(200, 24)] })).toBe(false);
    expect(canBeSeen({ frame: { width: 300, height: 2 }, boxes: [box(200, 24)] })).toBe(false);
  });

  it('does not see a field that is not rendered, or has no sizeable box at all', () => {
    expect(canBeSeen({ frame: null, boxes: [box(200, 24, { rendered: false })] })).toBe(false);
    expect(canBeSeen({ frame: null, boxes: [box(0, 0), box(0, 0)] })).toBe(false);
  });

  it('does not see a field moved off the page where no scrolling reaches, but sees one merely scrolled away', () => {
    expect(canBeSeen({ frame: null, boxes: [box(200, 24, { right: -9800, bottom: 124 })] })).toBe(false);
    expect(canBeSeen({ frame: null, boxes: [box(200, 24, { right: 300, bottom: -5000 })] })).toBe(false);
    expect(canBeSeen({ frame: null, boxes: [box(200, 24, { right: 300, bottom: 9000 })] })).toBe(true);
  });
});
