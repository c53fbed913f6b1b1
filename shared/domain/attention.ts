import type { Commitment, Status } from '#shared/domain/schemas';

/** Order of status groups in reports and briefings: what needs attention before what is settled. */
export const GROUP_ORDER: readonly Status[] = ['stalled', 'in-progress', 'not-started', 'done', 'dropped'];

/** The date flags an item carries (see `dates/flags.ts`); only whether each is raised matters here. */
interface Raised {
  overdue?: unknown;
  dueSoon?: unknown;
  quiet?: unknown;
}

/** Sorts by status group, then overdue, due soon, quiet, then by number. */
export function byAttention(a: { item: Commitment; flags: Raised }, b: { item: Commitment; flags: Raised }): number {
  const group = GROUP_ORDER.indexOf(a.item.status) - GROUP_ORDER.indexOf(b.item.status);
  if (group !== 0) return group;
  const urgency = (r: { flags: Raised }) => (r.flags.overdue ? 0 : r.flags.dueSoon ? 1 : r.flags.quiet ? 2 : 3);
  return urgency(a) - urgency(b) || a.item.seq - b.item.seq;
}
