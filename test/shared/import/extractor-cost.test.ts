import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProposalSchema } from '#shared/domain/import-draft';
import { extractCommitments } from '#shared/import/extractor';
import type { ExtractOptions } from '#shared/import/proposal';
import { splitSentences, MAX_SENTENCE_CHARS } from '#shared/import/segment';
import { READOUT_CHARS, READOUT_PARTS } from '#shared/slack/render/import';
import { loadReadouts } from '../../../scripts/readouts.ts';

const OPTS: ExtractOptions = {
  meetingDate: '2026-03-05',
  timeZone: 'Europe/London',
  parties: [
    { code: 'UK', name: 'United Kingdom' },
    { code: 'KR', name: 'South Korea' },
  ],
};

const PHRASES = [
  'the two leaders agreed to expand port cooperation and to create a joint task force on fisheries, which will meet every year in Seoul',
  'while Britain said that it would open a consulate by the end of March 2027, and Mr. Lee of the U.S. delegation',
  'told reporters that "we will double our scholarships" although there was no agreement on steel —',
  'the ministers agreed on regularly holding talks; both sides will fund a centre, train staff and map the coast (a)',
];

/** A single line of about `count` words with no full stop: the worst case for sentence-level rules. */
function line(count: number): string {
  const words: string[] = [];
  for (let i = 0; words.length < count; i += 1) words.push(...PHRASES[i % PHRASES.length]!.split(' '));
  return words.slice(0, count).join(' ');
}

const WORDS = PHRASES.join(' ').split(' ');

function cpuMillis(run: () => void, rounds = 3): number {
  const best: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best.push((used.user + used.system) / 1000);
  }
  return Math.min(...best);
}

describe('extractCommitments on hostile input', () => {
  it('reads a line with no full stop in pieces no longer than the sentence limit', () => {
    const pieces = splitSentences(line(3_000));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });

  it('never throws and proposes only what an import can keep, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string(), fc.constantFrom('\n', '\n\n', '1. ', '• ', '。', '. ')), { maxLength: 80 }), (parts) => {
        const proposals = extractCommitments(parts.join(' '), OPTS);
        // Each one is what the import's draft accepts, so no text can make the import fail.
        for (const p of proposals) expect(ProposalSchema.safeParse({ ...p, title: p.title.slice(0, 200), sentence: p.sentence.slice(0, 2000) }).success, p.title).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // CPU time, best of three, so a busy machine slows both sizes alike; linear work gives a ratio near
  // 10, work that grows with the square of the length a ratio near 100.
  it('stays linear on a 30,000-word single line: ten times the words cost well under thirty times the CPU', () => {
    const small = line(3_000);
    const large = line(30_000);
    // Proposals are found throughout, so the rules do their full work on every piece.
    expect(extractCommitments(small, OPTS).length).toBeGreaterThan(50);
    const ratio = cpuMillis(() => extractCommitments(large, OPTS)) / cpuMillis(() => extractCommitments(small, OPTS));
    expect(ratio).toBeLessThan(30);
  }, 120_000);
});

/** A forged import form: READOUT_PARTS boxes, each `box(chars)`, a blank line between them as the form joins them. */
const form = (box: (chars: number) => string, chars = READOUT_CHARS) => Array.from({ length: READOUT_PARTS }, () => box(chars)).join('\n\n');
const repeated = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const AND_WILL = `${repeated(' and will ', 999).trim()}.`;

/** Runs a pattern once rescanned from every start in it, found by a cost audit, each a box of the form. */
const RUNS: Record<string, (chars: number) => string> = {
  'Japanese particles before the cue (japaneseTitle)': (chars) => `両国は${'の'.repeat(chars - 10)}ことで一致した。`,
  'Hangul before the cue (koreanTitle)': (chars) => `양국은 ${'가'.repeat(chars - 15)}기로 합의했다.`,
  'spaces in a log row (agencyNames)': (chars) => `a|b|${' '.repeat(chars - 6)}x`,
};
/** Every form the audit forged: the runs, and sentences of cues whose subjects were read again at each cue. */
const FORGED: Record<string, (chars: number) => string> = {
  ...RUNS,
  '"will will …" (subjectIsParty)': (chars) => repeated('will will ', chars),
  '"and will and will …" (subjectBefore)': (chars) => repeated(`${AND_WILL} `, chars),
};

describe('extractCommitments on a forged import form (cost audit)', () => {
  // Best of five after a warm-up, so a busy machine slows both alike; the bars are loose against noise.
  const cpu = (text: string) => {
    extractCommitments(text, OPTS);
    return cpuMillis(() => extractCommitments(text, OPTS), 5);
  };
  const real = [...loadReadouts('regression'), ...loadReadouts('genres'), ...loadReadouts('held-out')]
    .map((r) => r.text)
    .join('\n\n')
    .slice(0, READOUT_PARTS * READOUT_CHARS);

  it.each(Object.entries(FORGED))('costs at most 3x the CPU of real readouts of the same size on a form of %s', (_, box) => {
    expect(cpu(form(box)) / cpu(real)).toBeLessThan(3);
  });

  it.each(Object.entries(RUNS))('reads boxes of %s four times as long for at most 6x the CPU (linear, not 16x)', (_, box) => {
    expect(cpu(form(box)) / cpu(form(box, READOUT_CHARS / 4))).toBeLessThan(6);
  });
});
