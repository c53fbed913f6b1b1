import type { KindDraft } from '#shared/domain/kind';
import type { LocalDate } from '#shared/domain/schemas';
import type { PartyRef } from '#shared/import/parties';

/** A follow-up the extractor thinks the parties agreed, for a person to accept, edit or drop. */
export interface Proposal {
  /** A short imperative summary taken from the sentence, at most LIMITS.titleChars. */
  title: string;
  kind: KindDraft;
  /** Codes of the parties it binds: those named, or all of them for "both sides" or no name. */
  parties: string[];
  /** The deadline the sentence states, read relative to the meeting (also on `kind` for one-offs). */
  due?: LocalDate;
  /** The source sentence as it stands in its paragraph (line breaks inside it become spaces). */
  sentence: string;
  /** 1-based paragraph; numbered points count as paragraphs of their own. */
  paragraph: number;
  /** `3`, `(b)` or `3(b)` when the sentence is in a numbered point. */
  point?: string;
  /** The words that made it a follow-up ("agreed to", "will", "confirmed that … would"). */
  cue: string;
}

export interface ExtractOptions {
  meetingDate: LocalDate;
  timeZone: string;
  parties: readonly PartyRef[];
}
