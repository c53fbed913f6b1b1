import type { LocalDate } from '#shared/domain/schemas';
import type { Proposal } from '#shared/import/proposal';

/** One expected follow-up: a distinctive part of its sentence, and what it should be read as. */
export interface Label {
  match: string;
  kind: Proposal['kind']['type'];
  due?: LocalDate;
  point?: string;
  /** The codes of the parties whose act it is, in any order. */
  parties?: string[];
}

export interface Score {
  labelled: number;
  proposed: number;
  matched: number;
  precision: number;
  recall: number;
  /** Share of matched follow-ups whose kind is right. */
  kindAccuracy: number;
  /** Share of matched follow-ups with a labelled due date that got that date. */
  dueAccuracy: number;
  /** Matched follow-ups with a labelled due date, and how many of those got it. */
  dueLabelled: number;
  dueRight: number;
  /** Share of matched follow-ups with labelled parties whose proposal names exactly those parties. */
  partiesAccuracy: number;
  partiesLabelled: number;
  partiesRight: number;
  missed: Label[];
  spurious: Proposal[];
  wrongKind: { label: Label; proposal: Proposal }[];
  wrongDue: { label: Label; proposal: Proposal }[];
  wrongParties: { label: Label; proposal: Proposal }[];
}

/**
 * Scores proposals against labels: a proposal matches a label when its sentence contains the
 * label's text; each proposal and each label is used once, in reading order.
 */
export function scoreProposals(proposals: readonly Proposal[], labels: readonly Label[]): Score {
  const used = new Set<number>();
  const missed: Label[] = [];
  const wrongKind: Score['wrongKind'] = [];
  const wrongDue: Score['wrongDue'] = [];
  const wrongParties: Score['wrongParties'] = [];
  let kindRight = 0;
  let partiesLabelled = 0;
  let partiesRight = 0;
  let dueLabelled = 0;
  let dueRight = 0;
  for (const label of labels) {
    const at = proposals.findIndex((p, i) => !used.has(i) && p.sentence.includes(label.match));
    const proposal = proposals[at];
    if (!proposal) {
      missed.push(label);
      continue;
    }
    used.add(at);
    if (proposal.kind.type === label.kind) kindRight += 1;
    else wrongKind.push({ label, proposal });
    if (label.due) {
      dueLabelled += 1;
      if (proposal.due === label.due) dueRight += 1;
      else wrongDue.push({ label, proposal });
    }
    if (label.parties) {
      partiesLabelled += 1;
      if (sameCodes(proposal.parties, label.parties)) partiesRight += 1;
      else wrongParties.push({ label, proposal });
    }
  }
  const matched = used.size;
  return {
    labelled: labels.length,
    proposed: proposals.length,
    matched,
    precision: ratio(matched, proposals.length),
    recall: ratio(matched, labels.length),
    kindAccuracy: ratio(kindRight, matched),
    dueAccuracy: ratio(dueRight, dueLabelled),
    dueLabelled,
    dueRight,
    partiesAccuracy: ratio(partiesRight, partiesLabelled),
    partiesLabelled,
    partiesRight,
    missed,
    spurious: proposals.filter((_, i) => !used.has(i)),
    wrongKind,
    wrongDue,
    wrongParties,
  };
}

/** Adds up several readouts' scores (micro-averaged: every label and proposal counts once). */
export function totalScore(scores: readonly Score[]): Score {
  const sum = (pick: (s: Score) => number) => scores.reduce((n, s) => n + pick(s), 0);
  const matched = sum((s) => s.matched);
  const kindRight = sum((s) => s.kindAccuracy * s.matched);
  return {
    labelled: sum((s) => s.labelled),
    proposed: sum((s) => s.proposed),
    matched,
    precision: ratio(matched, sum((s) => s.proposed)),
    recall: ratio(matched, sum((s) => s.labelled)),
    kindAccuracy: ratio(Math.round(kindRight), matched),
    dueAccuracy: ratio(sum((s) => s.dueRight), sum((s) => s.dueLabelled)),
    dueLabelled: sum((s) => s.dueLabelled),
    dueRight: sum((s) => s.dueRight),
    partiesAccuracy: ratio(sum((s) => s.partiesRight), sum((s) => s.partiesLabelled)),
    partiesLabelled: sum((s) => s.partiesLabelled),
    partiesRight: sum((s) => s.partiesRight),
    missed: scores.flatMap((s) => s.missed),
    spurious: scores.flatMap((s) => s.spurious),
    wrongKind: scores.flatMap((s) => s.wrongKind),
    wrongDue: scores.flatMap((s) => s.wrongDue),
    wrongParties: scores.flatMap((s) => s.wrongParties),
  };
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
