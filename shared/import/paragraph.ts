/** One block of a readout: a paragraph, or a numbered point on its own line. */
export interface Paragraph {
  /** 1-based, in reading order. */
  index: number;
  /** `3`, `(b)`, or `3(b)` for a lettered point inside numbered point 3. */
  point?: string;
  /** A bulleted item ("- …", "• …"), which has no point of its own. */
  bullet?: true;
  /** The block's lines joined by single spaces. */
  text: string;
}

/** Where a proposal was read: its paragraph, and its numbered point when it has one. */
export function placeOf(paragraph: Paragraph): { paragraph: number; point?: string } {
  return { paragraph: paragraph.index, ...(paragraph.point ? { point: paragraph.point } : {}) };
}
