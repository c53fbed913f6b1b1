import { escalated, unanswered } from '#shared/dates/check-ins';
import type { Report } from '#shared/domain/report';
import type { CommitmentId } from '#shared/domain/schemas';

/** One owner who has not answered a check-in about an item. */
export interface NoAnswer {
  userId: string;
  askedAt: string;
  days: number;
  /** Past the track's `escalateAfterDays`: flagged in digests and reports. */
  escalated: boolean;
}

/** Each item's unanswered check-ins at `now`, in days of the track's zone, oldest first; items with none are left out. */
export function noAnswersOf(report: Report, now: Date): Map<CommitmentId, NoAnswer[]> {
  const items = new Map(report.commitments.map((item) => [item.id, item]));
  const found = new Map<CommitmentId, NoAnswer[]>();
  for (const ask of report.asks ?? []) {
    const item = items.get(ask.commitmentId);
    // A paused owner may not read the track, and a stopped one cannot be messaged, so neither can answer: the report says why instead.
    const wait = item && ask.askedAt && !ask.paused && !ask.stopped ? unanswered(item, ask, now, report.track.timeZone) : undefined;
    if (!wait || !ask.askedAt) continue;
    const list = found.get(ask.commitmentId) ?? [];
    list.push({ userId: ask.userId, askedAt: ask.askedAt, days: wait.days, escalated: escalated(report.track.checkIns, wait) });
    found.set(ask.commitmentId, list);
  }
  for (const list of found.values()) list.sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  return found;
}
