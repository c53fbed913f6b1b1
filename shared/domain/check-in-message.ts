import type { AskReason } from '#shared/domain/check-ins';
import type { Commitment, LocalDate } from '#shared/domain/schemas';

/** One item of a check-in message: the item, its track's title, and why the owner is asked today. */
export interface CheckInEntry {
  item: Commitment;
  trackTitle: string;
  reason: AskReason;
  /** The due date the reason counts from, when it has one. */
  dueOn: LocalDate | undefined;
  /** Days to the due date (before-due), past it (overdue), or since the last update (quiet). */
  days: number;
  /** Someone else has made them an owner since their last check-in about it: the first they hear of it. */
  newOwner?: boolean;
}

/** A person's check-in of one day: the items listed (most urgent first) and how many wait for another day. */
export interface CheckInMessageModel {
  entries: CheckInEntry[];
  more: number;
  /** From another organisation: they keep no check-in preferences here, so are not sent to `/commitments me`. */
  outsider?: boolean;
}
