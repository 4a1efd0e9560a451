/**
 * GB/T 9704-2012 as WordprocessingML numbers (twips = 1/20 pt, half-points
 * for sizes); the arithmetic is in docs/research/docx-gbt9704.md.
 */

/** A4: 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 156 × 225 mm text block. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, gutter: 0 } as const;

/** Body text size, 3号: 16 pt. */
export const BODY_SIZE = 32;
/** Title size, 2号: 22 pt. */
export const TITLE_SIZE = 44;
/** Page number size, 4号: 14 pt. */
export const PAGE_NUMBER_SIZE = 28;

/**
 * The document grid: 22 lines a page, 28 characters a line. linePitch 579
 * twips (12756 / 22 = 579.8, floored so that 22 fit); charSpace is the grid
 * pitch minus the Normal style's 16 pt, in 1/4096 pt: 156 mm / 28 = 15.7946 pt,
 * (15.7946 − 16) × 4096 = −841.1, rounded down so that 28 still fit.
 */
export const GRID = { type: 'linesAndChars', linePitch: 579, charSpace: -842 } as const;

/**
 * Character spacing of every run, in twips (−0.4 pt), and no paragraph snaps
 * to the grid (w:snapToGrid 0 in the defaults): the 28 characters a line come
 * from 16 − 0.4 = 15.6 pt characters, 28 × 15.6 = 436.8 ≤ 442.25 < 29 × 15.6,
 * in Word and LibreOffice alike. The grid stays in the section (Word's page
 * setup shows 22 × 28) but does not act on the text: LibreOffice 7.4 gives a
 * 16 pt character two cells of a grid narrower than 16 pt (14 a line), and
 * ignores character spacing when it snaps. Should Word snap anyway, its
 * pitch is 16 − 0.2056 − 0.4 = 15.39 pt: still 28 (29 need ≤ 15.25).
 */
export const CHARACTER_SPACING = -8;

/** One line of text: every paragraph has exactly the grid's pitch, whatever its font's metrics. */
export const LINE = GRID.linePitch;

/** One body character, in twips: indents are written in twips (which LibreOffice reads) beside w:*Chars (which Word prefers). */
export const CHAR = BODY_SIZE * 10;

/** The page-number line's height: exactly its 14 pt. */
export const FOOTER_LINE = PAGE_NUMBER_SIZE * 10;

/**
 * Page bottom edge → bottom of the footer's line. The page number's dashes
 * (一字线), at the middle of its 14 pt line, lie 7 mm (397 twips) below the
 * text block: 1984 − 397 − 280 / 2 = 1447. Measured in LibreOffice: the dash
 * 7.1 mm below the block.
 */
export const FOOTER_DISTANCE = MARGIN.bottom - 397 - FOOTER_LINE / 2;
