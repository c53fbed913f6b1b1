import { countOf, nounFor } from '#shared/render/count';

/** `npm run purge`'s line: what it would delete (without --yes) or deleted, or that the team had nothing there. */
export function purgeLine(team: string, count: number, tableName: string, deleted: boolean): string {
  if (count === 0) return `Team ${team}: nothing of this team is in ${tableName}, so nothing was deleted.`;
  if (deleted) return `Team ${team}: deleted ${countOf(count, 'item')} from ${tableName}.`;
  return `Team ${team}: ${countOf(count, 'item')} in ${tableName} would be deleted for good. Run again with --yes to delete ${nounFor(count, { one: 'it', other: 'them' })}.`;
}
