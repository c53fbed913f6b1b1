import { deriveFlags } from '#shared/dates/flags';
import { CLOSED_STATUSES, type Commitment } from '#shared/domain/schemas';
import type { DigestModel } from '#shared/domain/digest';
import type { Report } from '#shared/domain/report';

/**
 * Sorts a track's items into the digest's groups at `now`, in the track's zone:
 * 1. flags from dates (overdue before due-soon before quiet: an item shows where it matters most);
 * 2. whatever else changed after `since`, newest first.
 */
export function buildDigest(report: Report, options: { now: Date; since?: string; scheduleText?: string }): DigestModel {
  const { track } = report;
  const { now, since } = options;
  const model: DigestModel = {
    track: { slug: track.slug, title: track.title, timeZone: track.timeZone },
    now,
    since,
    overdue: [],
    dueSoon: [],
    quiet: [],
    changed: [],
    openCount: report.commitments.filter((c) => !CLOSED_STATUSES.has(c.status) && !c.archived).length,
    ...(options.scheduleText ? { scheduleText: options.scheduleText } : {}),
  };
  const days = new Map<string, number>();
  for (const item of report.commitments) {
    if (item.archived) continue;
    const flags = deriveFlags(item, track.timeZone, now);
    if (flags.overdue) {
      model.overdue.push(item);
      days.set(item.id, flags.overdue.days);
    } else if (flags.dueSoon) {
      model.dueSoon.push(item);
      days.set(item.id, flags.dueSoon.days);
    } else if (flags.quiet) {
      model.quiet.push(item);
      days.set(item.id, flags.quiet.days);
    } else if (since !== undefined && item.updatedAt > since) {
      model.changed.push(item);
    }
  }
  const byDays = (direction: 1 | -1) => (a: Commitment, b: Commitment) => direction * ((days.get(a.id) ?? 0) - (days.get(b.id) ?? 0)) || a.seq - b.seq;
  model.overdue.sort(byDays(-1));
  model.dueSoon.sort(byDays(1));
  model.quiet.sort(byDays(-1));
  model.changed.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.seq - b.seq);
  return model;
}
