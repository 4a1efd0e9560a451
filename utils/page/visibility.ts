/**
 * Whether the user can see the field text would go into. A frame can be made
 * zero-size, display:none, tiny or moved off the page and still hold focus;
 * Bixia never delivers there (the text goes to the clipboard instead).
 *
 * Editors such as CodeMirror 5, Monaco and Ace type through a textarea of
 * almost no size inside a large visible editor, so the size that counts is the
 * field's nearest sizeable box (the field itself, or the editor around it).
 */

/** Below this many CSS pixels across or high, a box or a frame cannot be seen. */
export const MIN_SEEN_PX = 10;

/** One box from the field outwards: its size, whether it is rendered, where it ends in its document. */
export interface Box {
  width: number;
  height: number;
  /** Displayed, not visibility:hidden, not in a skipped content-visibility subtree. */
  rendered: boolean;
  /** Right and bottom edges in document coordinates: at or below 0, no scrolling reaches the box. */
  right: number;
  bottom: number;
}

export interface Sight {
  /** This frame's viewport, or null in the top window (nothing outside can hide it). */
  frame: { width: number; height: number } | null;
  /** The field first, then its ancestors, up to the first box of a seeable size. */
  boxes: Box[];
}

const sizeable = (size: { width: number; height: number }) => size.width >= MIN_SEEN_PX && size.height >= MIN_SEEN_PX;

export function canBeSeen(sight: Sight): boolean {
  if (sight.frame && !sizeable(sight.frame)) return false;
  const [field] = sight.boxes;
  const host = sight.boxes.find(sizeable);
  if (!field?.rendered || !host) return false;
  return host.rendered && host.right > 0 && host.bottom > 0;
}

/** Measures a field for canBeSeen (done only when an insertion asks); `host` is its first sizeable box. */
export function sightOf(field: Element): Sight & { host: Element | null } {
  const win = field.ownerDocument.defaultView;
  const boxes: Box[] = [];
  let host: Element | null = null;
  for (let el: Element | null = field; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    const rect = el.getBoundingClientRect();
    const box = {
      width: rect.width,
      height: rect.height,
      rendered: el.checkVisibility?.({ visibilityProperty: true }) ?? true,
      right: rect.right + (win?.scrollX ?? 0),
      bottom: rect.bottom + (win?.scrollY ?? 0),
    };
    boxes.push(box);
    if (sizeable(box)) {
      host = el;
      break;
    }
  }
  const inFrame = win !== null && win.top !== win;
  return { frame: inFrame ? { width: win.innerWidth, height: win.innerHeight } : null, boxes, host };
}

/**
 * Whether any of a framed element shows in the browser's viewport. Inside a
 * frame, even a cross-origin one, an IntersectionObserver with no root measures
 * against the top-level viewport, clipped by every frame around it: the one way
 * a frame can tell it has been pushed off the page. Undefined when the browser
 * does not answer in time (a page in a background tab is not rendered).
 */
export function showsInViewport(el: Element, timeoutMs: number): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      finish(entries.some((entry) => entry.isIntersecting));
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    const finish = (answer: boolean | undefined) => {
      clearTimeout(timer);
      observer.disconnect();
      resolve(answer);
    };
    observer.observe(el);
  });
}
