import { deriveFlags } from '#shared/dates/flags';
import { noAnswersOf } from '#shared/dates/no-answer';
import { CLOSED_STATUSES, type Commitment } from '#shared/domain/schemas';
import type { DigestModel } from '#shared/domain/digest';
import type { Report } from '#shared/domain/report';
import { DIGEST_SECTIONS, type DigestSection } from '#shared/domain/subscription';

/**
 * Sorts a track's items into the groups of the `sections` chosen (all by default) at `now`, in the track's zone:
 * 1. flags from dates (overdue before due-soon before quiet: an item shows where it matters most);
 * 2. whatever else changed after `since`, newest first;
 * 3. items whose owners left a check-in unanswered past the track's limit, longest wait first.
 * An item goes to the first chosen group it belongs to, so leaving a section out moves its items on rather than dropping them.
 */
export function buildDigest(
  report: Report,
  options: { now: Date; since?: string; scheduleText?: string; changeLanguage?: string; sections?: readonly DigestSection[] },
): DigestModel {
  const { track } = report;
  const { now, since } = options;
  const sections = options.sections ?? DIGEST_SECTIONS;
  const model: DigestModel = {
    track: { slug: track.slug, title: track.title, timeZone: track.timeZone },
    now,
    since,
    overdue: [],
    dueSoon: [],
    quiet: [],
    changed: [],
    noAnswer: [],
    sections,
    openCount: report.commitments.filter((c) => !CLOSED_STATUSES.has(c.status) && !c.archived).length,
    ...(options.scheduleText ? { scheduleText: options.scheduleText } : {}),
    ...(options.changeLanguage ? { changeLanguage: options.changeLanguage } : {}),
  };
  const keep = new Set(sections);
  const days = new Map<string, number>();
  for (const item of report.commitments) {
    if (item.archived) continue;
    const flags = deriveFlags(item, track.timeZone, now);
    if (flags.overdue && keep.has('overdue')) {
      model.overdue.push(item);
      days.set(item.id, flags.overdue.days);
    } else if (flags.dueSoon && keep.has('due-soon')) {
      model.dueSoon.push(item);
      days.set(item.id, flags.dueSoon.days);
    } else if (flags.quiet && keep.has('quiet')) {
      model.quiet.push(item);
      days.set(item.id, flags.quiet.days);
    } else if (since !== undefined && item.updatedAt > since && keep.has('changed')) {
      model.changed.push(item);
    }
  }
  const byDays = (direction: 1 | -1) => (a: Commitment, b: Commitment) => direction * ((days.get(a.id) ?? 0) - (days.get(b.id) ?? 0)) || a.seq - b.seq;
  model.overdue.sort(byDays(-1));
  model.dueSoon.sort(byDays(1));
  model.quiet.sort(byDays(-1));
  model.changed.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.seq - b.seq);
  for (const [id, waits] of keep.has('no-answer') ? noAnswersOf(report, now) : []) {
    const owners = waits.filter((w) => w.escalated).map(({ userId, askedAt }) => ({ userId, askedAt }));
    const item = report.commitments.find((c) => c.id === id);
    if (item && owners.length > 0) model.noAnswer.push({ item, owners });
  }
  model.noAnswer.sort((a, b) => a.owners[0]!.askedAt.localeCompare(b.owners[0]!.askedAt) || a.item.seq - b.item.seq);
  return model;
}
