/**
 * The parts of the export document: what sections.ts builds and export.ts writes as Markdown or
 * HTML. A module of its own so that sections.ts and export-extra.ts (which sections.ts imports)
 * share one declaration without an import cycle.
 */

/** A list item: optional bold lead (a time), the text, optional trailing note. */
export interface DocItem {
  lead?: string;
  text: string;
  note?: string;
}

export interface DocSection {
  heading: string;
  /** Shown in italics under the heading. */
  intro?: string;
  paragraphs: string[];
  items: DocItem[];
  ordered: boolean;
  /** Shown when the section has no paragraphs and no items. */
  empty: string;
}
