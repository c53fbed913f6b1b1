import { extractCommitments } from '#shared/import/extractor';
import { scoreProposals, totalScore, type Score } from '#shared/import/score';
import { loadReadouts } from './readouts/load.ts';

/**
 * `npm run extractor:score [-- --verbose]`: runs the readout extractor on every labelled readout
 * in scripts/readouts and prints precision, recall and kind accuracy, per readout and
 * overall; `--verbose` also lists what was missed, proposed in excess, or given the wrong kind.
 */
const verbose = process.argv.includes('--verbose');
const rows: [string, Score][] = loadReadouts().map((readout) => {
  const proposals = extractCommitments(readout.text, readout);
  return [readout.name, scoreProposals(proposals, readout.expected)];
});
rows.push(['overall', totalScore(rows.map(([, s]) => s))]);

const pct = (n: number) => (Number.isNaN(n) ? '   –' : `${(n * 100).toFixed(0).padStart(3)}%`);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'readout'.padEnd(width)}  labelled  proposed  matched  precision  recall  kind  due`);
for (const [name, s] of rows) {
  console.log(
    `${name.padEnd(width)}  ${String(s.labelled).padStart(8)}  ${String(s.proposed).padStart(8)}  ${String(s.matched).padStart(7)}  ` +
      `${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.kindAccuracy)}  ${pct(s.dueAccuracy)}`,
  );
}
if (verbose) {
  for (const [name, s] of rows.slice(0, -1)) {
    for (const label of s.missed) console.log(`${name}: missed   "${label.match}"`);
    for (const p of s.spurious) console.log(`${name}: spurious "${p.sentence}" (cue "${p.cue}")`);
    for (const { label, proposal } of s.wrongKind) console.log(`${name}: kind     "${label.match}": ${proposal.kind.type}, labelled ${label.kind}`);
  }
}
