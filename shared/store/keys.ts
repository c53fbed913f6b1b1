import type { CommitmentId, TeamId, TrackSlug } from '#shared/domain/schemas';

/** Key builders; the layout is drawn in `table.ts`. */
export const keys = {
  team: (teamId: TeamId) => teamId,
  trackPartition: (teamId: TeamId, slug: TrackSlug) => `${teamId}#TRACK#${slug}`,
  trackSummary: (slug: TrackSlug) => `TRACK#${slug}`,
  prefixClaim: (prefix: string) => `PREFIX#${prefix}`,
  track: '#TRACK',
  commitment: (seq: number) => `C#${pad(seq)}`,
  historyOf: (seq: number) => `H#${pad(seq)}#`,
  history: (seq: number, version: number) => `H#${pad(seq)}#${pad(version)}`,
  seenRequests: (teamId: TeamId) => `${teamId}#SEEN`,
  importDrafts: (teamId: TeamId) => `${teamId}#IMPORT`,
} as const;

/** The report's range: the track item (`#TRACK`) and every commitment (`C#…`), no history. */
export const REPORT_RANGE = { from: '#', to: 'C#~' } as const;

export function parseCommitmentId(id: CommitmentId): { prefix: string; seq: number } {
  const [prefix = '', seq = ''] = id.split('-');
  return { prefix, seq: Number(seq) };
}

export function formatCommitmentId(prefix: string, seq: number): CommitmentId {
  return `${prefix}-${seq}`;
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}
