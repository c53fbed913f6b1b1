import type { Commitment, Party } from '#shared/domain/schemas';

export interface PartyCompliance {
  party: Party;
  /** Mean score over the assessed items; 0 when none is assessed. */
  mean: number;
  assessed: number;
  /** Items this party is part of, dropped ones left out. */
  total: number;
}

/**
 * Each party's average compliance over a track's items, the way summit researchers report it:
 * the mean of the latest −1/0/+1 scores among the items assessed for that party.
 */
export function complianceByParty(commitments: readonly Commitment[], parties: readonly Party[]): PartyCompliance[] {
  return parties.map((party) => {
    const mine = commitments.filter((c) => c.status !== 'dropped' && c.parties.includes(party.code));
    const scores = mine.flatMap((c) => (c.compliance[party.code] ? [c.compliance[party.code]!.score] : []));
    const mean = scores.length > 0 ? scores.reduce<number>((a, b) => a + b, 0) / scores.length : 0;
    return { party, mean, assessed: scores.length, total: mine.length };
  });
}
