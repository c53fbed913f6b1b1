import { extractCommitments } from '#shared/import/extractor';
import { scoreProposals, totalScore, type Score } from '#shared/import/score';
import { READOUT_SETS, loadReadouts, type ReadoutSet } from './readouts.ts';

/**
 * `npm run extractor:score [-- --set first-sight] [-- --quiet]`: runs the readout extractor on
 * every labelled readout of each set in test/fixtures/readouts and prints, per readout and
 * overall, precision, recall, kind accuracy, due-date accuracy and (for labels that name them) parties accuracy, then what was missed, what was
 * proposed that is no follow-up, and what got the wrong kind or date.
 */
const args = process.argv.slice(2);
const only = args.includes('--set') ? (args[args.indexOf('--set') + 1] as ReadoutSet) : undefined;
if (only && !READOUT_SETS.includes(only)) {
  console.error(`Unknown set "${only}": one of ${READOUT_SETS.join(', ')}.`);
  process.exit(2);
}
const quiet = args.includes('--quiet');

const pct = (n: number) => `${(n * 100).toFixed(0)}%`.padStart(4);
for (const set of only ? [only] : READOUT_SETS) {
  const readouts = loadReadouts(set);
  if (readouts.length === 0) continue;
  const rows: [string, Score][] = readouts.map((readout) => [readout.name, scoreProposals(extractCommitments(readout.text, readout), readout.expected)]);
  rows.push(['overall', totalScore(rows.map(([, s]) => s))]);
  const width = Math.max(...rows.map(([name]) => name.length), 7);
  console.log(`\n${set} set (${readouts.length} readouts)`);
  console.log(`${'readout'.padEnd(width)}  labelled  proposed  matched  precision  recall  kind   due           parties`);
  for (const [name, s] of rows) {
    const due = s.dueLabelled === 0 ? '   –' : `${pct(s.dueAccuracy)} (${s.dueRight}/${s.dueLabelled})`;
    const parties = s.partiesLabelled === 0 ? '   –' : `${pct(s.partiesAccuracy)} (${s.partiesRight}/${s.partiesLabelled})`;
    console.log(
      `${name.padEnd(width)}  ${String(s.labelled).padStart(8)}  ${String(s.proposed).padStart(8)}  ${String(s.matched).padStart(7)}  ` +
        `${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.kindAccuracy)}  ${due.padEnd(14)}${parties}`,
    );
  }
  if (quiet) continue;
  for (const [name, s] of rows.slice(0, -1)) {
    for (const label of s.missed) console.log(`  ${name}: missed    "${label.match}"`);
    for (const p of s.spurious) console.log(`  ${name}: not one   "${p.sentence}" (cue "${p.cue}", title "${p.title}")`);
    for (const { label, proposal } of s.wrongKind) console.log(`  ${name}: kind      "${label.match}": ${proposal.kind.type}, labelled ${label.kind}`);
    for (const { label, proposal } of s.wrongDue) console.log(`  ${name}: due       "${label.match}": ${proposal.due ?? 'none'}, labelled ${label.due}`);
    for (const { label, proposal } of s.wrongParties) console.log(`  ${name}: parties   "${label.match}": ${proposal.parties.join(', ')}, labelled ${label.parties!.join(', ')}`);
  }
}
