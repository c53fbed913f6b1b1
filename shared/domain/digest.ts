import type { Commitment, Track } from '#shared/domain/schemas';

/** What one digest says, before it becomes Block Kit. Each item sits in one group only. */
export interface DigestModel {
  track: Pick<Track, 'slug' | 'title' | 'timeZone'>;
  now: Date;
  /** Changes after this instant count as new; undefined on a channel's first digest. */
  since: string | undefined;
  overdue: Commitment[];
  dueSoon: Commitment[];
  quiet: Commitment[];
  /** Changed since `since` and not already in a group above (including items just closed). */
  changed: Commitment[];
  openCount: number;
  /** "every Monday at 09:00 (Asia/Tokyo)", for the footer. */
  scheduleText?: string;
}
