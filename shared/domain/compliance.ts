import type { Commitment, ComplianceScore, HistoryEntry, LocalDate, Party } from '#shared/domain/schemas';

export interface PartyCompliance {
  party: Party;
  /** Mean score over the assessed items; 0 when none is assessed. */
  mean: number;
  assessed: number;
  /** Items this party is part of, dropped ones left out. */
  total: number;
  /** The day the latest of those assessments speaks for; absent when none is assessed. */
  date?: LocalDate;
}

/** A party's compliance as it stood on one assessment day. */
export interface CompliancePoint {
  date: LocalDate;
  mean: number;
  assessed: number;
  total: number;
}

/**
 * Each party's average compliance over a track's items, the way summit researchers report it:
 * the mean of the latest −1/0/+1 scores among the items assessed for that party.
 */
export function complianceByParty(commitments: readonly Commitment[], parties: readonly Party[]): PartyCompliance[] {
  return parties.map((party) => {
    const mine = partyItems(commitments, party);
    const latest = mine.flatMap((c) => (c.compliance[party.code] ? [c.compliance[party.code]!] : []));
    const date = latest.map((a) => a.date).sort().at(-1);
    return { party, ...average(latest.map((a) => a.score), mine.length), ...(date ? { date } : {}) };
  });
}

/**
 * Each party's compliance on every day it was assessed, as interim and final reports give it:
 * for each such day, the mean of each item's latest score as of that day. Built from the
 * history's assessment entries, so a score recorded later "as of" an earlier day counts there.
 */
export function complianceTrend(
  commitments: readonly Commitment[],
  parties: readonly Party[],
  history: readonly HistoryEntry[],
): { party: Party; points: CompliancePoint[] }[] {
  const assessments = history.flatMap((h) => (h.change.type === 'assessment' ? [{ id: h.commitmentId, at: h.at, ...h.change }] : []));
  return parties.map((party) => {
    const mine = partyItems(commitments, party);
    const ids = new Set(mine.map((c) => c.id));
    // Oldest day first; on one day, the one recorded last stands.
    const scores = assessments.filter((a) => a.party === party.code && ids.has(a.id)).sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
    const days = [...new Set(scores.map((a) => a.date))];
    const points = days.map((date) => {
      const standing = new Map<string, ComplianceScore>();
      for (const a of scores) if (a.date <= date) standing.set(a.id, a.to);
      return { date, ...average([...standing.values()], mine.length) };
    });
    return { party, points };
  });
}

function partyItems(commitments: readonly Commitment[], party: Party): Commitment[] {
  return commitments.filter((c) => c.status !== 'dropped' && c.parties.includes(party.code));
}

function average(scores: readonly number[], total: number): { mean: number; assessed: number; total: number } {
  const mean = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  return { mean, assessed: scores.length, total };
}
