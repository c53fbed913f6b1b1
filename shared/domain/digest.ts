import type { Commitment, Track } from '#shared/domain/schemas';
import type { DigestSection } from '#shared/domain/subscription';

/** An item whose owners have left a check-in unanswered past the track's limit. */
export interface NoAnswerRow {
  item: Commitment;
  owners: { userId: string; askedAt: string }[];
}

/** What one digest says, before it becomes Block Kit. Each item sits in one group only: the first of the chosen sections it belongs to. */
export interface DigestModel {
  track: Pick<Track, 'slug' | 'title' | 'timeZone'>;
  now: Date;
  /** Changes after this instant count as new; undefined on a channel's first digest. */
  since: string | undefined;
  overdue: Commitment[];
  dueSoon: Commitment[];
  quiet: Commitment[];
  /** Changed since `since` and not already in a chosen group above (including items just closed). */
  changed: Commitment[];
  /** Escalated items (also listed in their group above, if any: this says who has not answered). */
  noAnswer: NoAnswerRow[];
  /** The sections the channel chose; the groups of the others are left empty. */
  sections: readonly DigestSection[];
  openCount: number;
  /** "every Monday at 09:00 (Asia/Tokyo)", for the footer, in the digest's language. */
  scheduleText?: string;
  /** The command that changes the digest's language and nothing else, which a Japanese or Korean digest's footer shows. */
  changeLanguage?: string;
}

/** Whether the digest has nothing to say in the sections its channel chose. */
export function isEmptyDigest(model: DigestModel): boolean {
  return model.overdue.length + model.dueSoon.length + model.quiet.length + model.changed.length + model.noAnswer.length === 0;
}
