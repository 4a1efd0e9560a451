/**
 * A report as its source hands it to the parser: paragraphs in order, with the
 * structure the source itself marks. Plain text marks none (the parser finds
 * it in the numbering); a Word document marks headings with styles and outline
 * levels, and the title with its Title style.
 */
export interface SourceParagraph {
  /** The paragraph's text; Word's automatic number, if any, already in front ("一、…"). */
  text: string;
  /**
   * The document's own outline level: 0 for the title (Word's Title style),
   * 1–9 for headings (Heading 1–9 under any of Word's names, styles based on
   * them, w:outlineLvl 0–8 on the paragraph or its style). Absent for body text.
   */
  level?: number;
  /** Every run of text in the paragraph is bold: a heading cue of last resort. */
  bold?: boolean;
}

/** What the parser reads: plain text, or paragraphs from a structured source. */
export type ReportSource = string | readonly SourceParagraph[];
