import type { Flags } from '#shared/dates/flags';
import type { Commitment, Status } from '#shared/domain/schemas';

/** Order of status groups in reports and briefings: what needs attention before what is settled. */
export const GROUP_ORDER: readonly Status[] = ['stalled', 'in-progress', 'not-started', 'done', 'dropped'];

/** Sorts by status group, then overdue, due soon, quiet, then by number. */
export function byAttention(a: { item: Commitment; flags: Flags }, b: { item: Commitment; flags: Flags }): number {
  const group = GROUP_ORDER.indexOf(a.item.status) - GROUP_ORDER.indexOf(b.item.status);
  if (group !== 0) return group;
  const urgency = (r: { flags: Flags }) => (r.flags.overdue ? 0 : r.flags.dueSoon ? 1 : r.flags.quiet ? 2 : 3);
  return urgency(a) - urgency(b) || a.item.seq - b.item.seq;
}
