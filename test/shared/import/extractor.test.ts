import { describe, expect, it } from 'vitest';
import { findDueDate } from '#shared/import/due-date';
import { extractCommitments } from '#shared/import/extractor';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { detectParties } from '#shared/import/parties';
import { scoreProposals, totalScore, type Score } from '#shared/import/score';
import { splitParagraphs, splitSentences } from '#shared/import/segment';
import { READOUT_SETS, loadReadouts, type ReadoutSet } from '../../../scripts/readouts.ts';

const JK: ExtractOptions = {
  meetingDate: '2025-09-30',
  timeZone: 'Asia/Tokyo',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
  ],
};
const extract = (text: string, opts = JK) => extractCommitments(text, opts);
const only = (text: string, opts = JK): Proposal => {
  const proposals = extract(text, opts);
  expect(proposals, `proposals for: ${text}`).toHaveLength(1);
  return proposals[0]!;
};

describe('splitSentences', () => {
  it.each([
    ['Mr. Lee met Dr. Kim. They agreed.', ['Mr. Lee met Dr. Kim.', 'They agreed.']],
    ['The U.S. envoy attended. Talks ended.', ['The U.S. envoy attended.', 'Talks ended.']],
    ['They met the U.S. The talks ended.', ['They met the U.S.', 'The talks ended.']],
    ['Areas, e.g. AI and space, were named. Both agreed.', ['Areas, e.g. AI and space, were named.', 'Both agreed.']],
    ['They signed Protocol No. 2 on Sept. 30. It entered into force.', ['They signed Protocol No. 2 on Sept. 30.', 'It entered into force.']],
    ['It began in Sept. The talks went on.', ['It began in Sept.', 'The talks went on.']],
    ['"We will meet again." Lee said so. "Soon!" he added.', ['"We will meet again."', 'Lee said so.', '"Soon!" he added.']],
    ['Talks were held with J. Smith present. Nothing was agreed.', ['Talks were held with J. Smith present.', 'Nothing was agreed.']],
    ['Was it agreed? Yes.', ['Was it agreed?', 'Yes.']],
  ])('splits %j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe('splitParagraphs', () => {
  it('splits at blank lines and joins wrapped lines with a space', () => {
    expect(splitParagraphs('First line\nwraps here.\n\n\nSecond.')).toEqual([
      { index: 1, text: 'First line wraps here.' },
      { index: 2, text: 'Second.' },
    ]);
  });

  it('starts a paragraph at each numbered point on its own line, with its label', () => {
    const text = 'Preamble.\n1. One.\n(2) Two\ncontinued.\n3) Three.\n4. On security:\n(a) Alpha.\nb) Beta.\n\nClosing.';
    expect(splitParagraphs(text).map((p) => [p.point, p.text])).toEqual([
      [undefined, 'Preamble.'],
      ['1', 'One.'],
      ['2', 'Two continued.'],
      ['3', 'Three.'],
      ['4', 'On security:'],
      ['4(a)', 'Alpha.'],
      ['4(b)', 'Beta.'],
      [undefined, 'Closing.'],
    ]);
  });

  it('labels lettered points with no numbered point above them as written', () => {
    expect(splitParagraphs('(a) Alpha.\n(b) Beta.').map((p) => p.point)).toEqual(['(a)', '(b)']);
  });

  it('does not take a year at the start of a line for a point', () => {
    expect(splitParagraphs('The talks began in\n2025. They went on.')).toHaveLength(1);
  });
});

describe('extractCommitments: what is a follow-up', () => {
  it.each([
    'The two leaders agreed to convene the joint committee.',
    'The leaders decided that their governments will hold talks on ageing.',
    'Both sides confirmed that they would continue close consultations.',
    'The ministers pledged to stay in close contact.',
    'The two sides reaffirmed their commitment to strengthening energy cooperation.',
    'The leaders instructed their foreign ministers to draw up a joint action plan.',
    'The ministers look forward to holding the next dialogue in Seoul.',
    'Korea welcomed Japan’s plan to open a new consulate in Busan.',
    'Japan and South Korea will resume the vice-ministerial dialogue.',
    'The next round of talks will be held in Tokyo.',
    'The working group is to report to the leaders.',
    'Officials said the committee would meet in Seoul.',
    'The two leaders agreed on the establishment of a hotline.',
  ])('proposes %j', (text) => {
    expect(extract(text)).toHaveLength(1);
  });

  it.each([
    ['a negated agreement', 'The two sides did not agree to extend the fisheries accord.'],
    ['a negated intention', 'Japan will not lift the export controls this year.'],
    ['a failed agreement', 'The ministers failed to agree on a date for the next meeting.'],
    ['no agreement on the future', 'There was no agreement on when the talks will resume.'],
    ['a discussion', 'The leaders discussed regional security and exchanged views on trade.'],
    ['a discussion of what may happen', 'They discussed how the two countries will share water data.'],
    ['a briefing', 'Korea briefed Japan on its plans.'],
    ['a past fact', 'The two leaders held talks for 90 minutes and met business leaders.'],
    ['an analyst’s forecast', 'Analysts say the two governments will struggle to agree.'],
    ['a commentator quoted after the fact', 'The dialogue will matter, said Kim Ji-ho, a professor at Korea University.'],
    ['a reporter’s hedge', 'The visit is expected to be his last trip abroad.'],
    ['a third party’s act', 'The leaders noted that North Korea will launch more missiles.'],
    ['a principle, not an act', 'Both sides reaffirmed their commitment to a rules-based order.'],
    ['a view, not an act', 'The leaders agreed that cooperation is important.'],
    ['a forecast about a thing', 'The visit will be the first since 2004.'],
    ['"would" outside reported speech', 'A new committee would help both countries.'],
    ['a question', 'Will the two sides meet again?'],
    ['an agreement to differ', 'The ministers agreed to disagree on the history issue.'],
    ['an attempt only', 'Korea said it would try to send an English version of the code.'],
    ['an act on condition that resources allow', 'Japan said it would provide an English version if resources allow.'],
    ['an act subject to funding', 'Japan will fund a second cohort of engineers, subject to available funding.'],
    ['a promise to reflect on a proposal', 'Korea suggested a joint pavilion at the fair; Japan will reflect on it.'],
    ['a wish to see results', 'Both ministers said they looked forward to seeing the first results.'],
  ])('does not propose %s', (_why, text) => {
    expect(extract(text)).toEqual([]);
  });

  it('takes a quoted intention of the parties as a follow-up', () => {
    const p = only('"We will open a consulate in Busan next year," the Japanese prime minister told reporters.');
    expect(p).toMatchObject({ title: 'Open a consulate in Busan', cue: 'will', due: '2026-12-31' });
  });

  it('dates each act by its own clause, not by a later one in the same sentence', () => {
    const [summit, dialogue] = extract('The leaders agreed to hold a trilateral summit at an early date, and decided to launch a 2+2 dialogue by March.');
    expect(summit).toMatchObject({ title: 'Hold a trilateral summit at an early date', kind: { type: 'one-off' } });
    expect(summit!.due).toBeUndefined();
    expect(dialogue).toMatchObject({ title: 'Launch a 2+2 dialogue', kind: { type: 'one-off', due: '2026-03-31' } });
  });

  it('reads a date placed before the act', () => {
    expect(only('By the end of the year, the two sides will sign a memorandum on energy.').due).toBe('2025-12-31');
  });

    it('keeps the sentence verbatim and gives its paragraph and point', () => {
    const text = 'Preamble: the leaders met.\n\n1. Talks were held.\n2. Both sides will set up a task force on AI.';
    expect(extract(text)).toEqual([
      expect.objectContaining({ sentence: 'Both sides will set up a task force on AI.', paragraph: 3, point: '2', title: 'Set up a task force on AI' }),
    ]);
  });
});

describe('extractCommitments: kind', () => {
  it.each([
    ['The leaders agreed to hold a summit annually.', { type: 'recurring', every: { count: 1, unit: 'years' } }],
    ['Both sides will hold vice-ministerial talks twice a year.', { type: 'recurring', every: { count: 6, unit: 'months' } }],
    ['The leaders agreed to meet every three months.', { type: 'recurring', every: { count: 3, unit: 'months' } }],
    ['The leaders agreed to continue shuttle diplomacy.', { type: 'recurring' }],
    ['The leaders agreed on more reciprocal visits.', { type: 'recurring' }],
    ['The two sides will continue to cooperate on AI.', { type: 'ongoing', updateEveryDays: 30 }],
    ['The leaders agreed to further deepen economic ties.', { type: 'ongoing', updateEveryDays: 30 }],
    ['Both sides will closely coordinate on North Korea.', { type: 'ongoing', updateEveryDays: 30 }],
    ['The governments will hold discussions on population decline.', { type: 'ongoing', updateEveryDays: 30 }],
    ['The leaders agreed to convene the committee.', { type: 'one-off' }],
    ['The two sides will sign a memorandum on energy by the end of the year.', { type: 'one-off', due: '2025-12-31' }],
    ['The leaders decided to establish a joint fund.', { type: 'one-off' }],
  ])('reads %j as %j', (text, kind) => {
    expect(only(text).kind).toEqual(kind);
  });
});

describe('findDueDate', () => {
  const at = (sentence: string) => findDueDate(sentence, { meetingDate: '2025-09-30', timeZone: 'Asia/Tokyo' })?.due;

  it.each([
    ['They will sign it by the end of the year.', '2025-12-31'],
    ['They will sign it by the end of next year.', '2026-12-31'],
    ['They will sign it in March 2026.', '2026-03-31'],
    ['They will sign it in March.', '2026-03-31'],
    ['They will sign it in early March 2026.', '2026-03-10'],
    ['They will sign it within six months.', '2026-03-30'],
    ['They will report within 90 days.', '2025-12-29'],
    ['They will sign it by Nov. 30.', '2025-11-30'],
    ['They will sign it on 15 January 2026.', '2026-01-15'],
    ['They will meet next spring.', '2026-05-31'],
    ['They will meet in the first half of next year.', '2026-06-30'],
    ['They will meet early next year.', '2026-04-30'],
    ['They will open it by 2027.', '2027-12-31'],
    ['They will meet later this year.', '2025-12-31'],
    ['They will send a team next month.', '2025-10-31'],
  ])('reads %j relative to a meeting on 30 Sep 2025', (sentence, due) => {
    expect(at(sentence)).toBe(due);
  });

  it.each([
    'They will continue the talks that began in September 2025.',
    'The committee has not met since 2009.',
    'They will keep building on the agreement reached in August 2025.',
    'They will cooperate at an early date.',
    'The two sides may meet soon.',
  ])('finds no deadline in %j', (sentence) => {
    expect(at(sentence)).toBeUndefined();
  });

  it('reads the date in the track’s zone, however far from UTC', () => {
    expect(findDueDate('within 1 day', { meetingDate: '2025-09-30', timeZone: 'Pacific/Kiritimati' })?.due).toBe('2025-10-01');
    expect(findDueDate('within 1 day', { meetingDate: '2025-09-30', timeZone: 'Pacific/Pago_Pago' })?.due).toBe('2025-10-01');
  });
});

describe('detectParties', () => {
  const parties = JK.parties;
  it.each([
    ['Both sides will meet.', ['JP', 'KR']],
    ['The two leaders agreed to meet.', ['JP', 'KR']],
    ['Japan will host the meeting.', ['JP']],
    ['The Japanese government will send experts.', ['JP']],
    ['Seoul will send a delegation.', ['KR']],
    ['Korean officials will visit.', ['KR']],
    ['Tokyo pledged to cooperate on the denuclearization of North Korea.', ['JP']],
    ['Seoul will send a delegation to Tokyo.', ['KR']],
    ['The committee will be convened.', ['JP', 'KR']],
  ])('reads %j as %j', (sentence, codes) => {
    expect(detectParties(sentence, parties)).toEqual(codes);
  });

  it('uses the aliases a track gives, such as leaders’ names', () => {
    expect(detectParties('Ishiba will visit Busan.', [{ code: 'JP', name: 'Japan', aliases: ['Ishiba'] }, { code: 'KR', name: 'South Korea' }])).toEqual(['JP']);
  });

  it('binds the party whose subject commits, not every party the sentence names', () => {
    expect(only('Korea raised visa delays, and the Japanese side promised to look into it.').parties).toEqual(['JP']);
  });
});

describe('extractCommitments on the labelled readouts', () => {
  const scored = (set: ReadoutSet) => loadReadouts(set).map((r) => [r.name, scoreProposals(extractCommitments(r.text, r), r.expected)] as const);
  const why = (s: Score) => `missed: ${JSON.stringify(s.missed.map((l) => l.match))}; not one: ${JSON.stringify(s.spurious.map((p) => p.sentence))}`;

  it('reaches recall ≥ 0.85, precision ≥ 0.8 and kind accuracy ≥ 0.8 on the first-sight set, and recall ≥ 0.6 on each readout', () => {
    const rows = scored('first-sight');
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const total = totalScore(rows.map(([, s]) => s));
    expect(total.recall, why(total)).toBeGreaterThanOrEqual(0.85);
    expect(total.precision, why(total)).toBeGreaterThanOrEqual(0.8);
    expect(total.kindAccuracy).toBeGreaterThanOrEqual(0.8);
    for (const [name, s] of rows) expect(s.recall, `${name}: ${why(s)}`).toBeGreaterThanOrEqual(0.6);
  });

  it.each(['regression', 'development'] as const)('keeps the %s set at recall and precision ≥ 0.95', (set) => {
    const total = totalScore(scored(set).map(([, s]) => s));
    expect(total.labelled).toBeGreaterThan(0);
    expect(total.recall, why(total)).toBeGreaterThanOrEqual(0.95);
    expect(total.precision, why(total)).toBeGreaterThanOrEqual(0.95);
    expect(total.kindAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  // Issue 24's bar, held on the genres set as it stands after the work and on its second blind part
  // (scored once before this test was written; a change that drops it below the bar fails here).
  it.each(['genres', 'genres-blind-2'] as const)('keeps the %s set at recall, precision and kind ≥ 0.85, due ≥ 0.9 and each readout’s recall ≥ 0.6', (set) => {
    const rows = scored(set);
    const total = totalScore(rows.map(([, s]) => s));
    expect(total.recall, why(total)).toBeGreaterThanOrEqual(0.85);
    expect(total.precision, why(total)).toBeGreaterThanOrEqual(0.85);
    expect(total.kindAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(total.dueAccuracy).toBeGreaterThanOrEqual(0.9);
    for (const [name, s] of rows) expect(s.recall, `${name}: ${why(s)}`).toBeGreaterThanOrEqual(0.6);
  });

  it('titles every proposal within the length a commitment allows', () => {
    for (const set of READOUT_SETS) {
      for (const readout of loadReadouts(set)) {
        for (const p of extractCommitments(readout.text, readout)) {
          expect(p.title.length).toBeGreaterThan(0);
          expect(p.title.length).toBeLessThanOrEqual(200);
        }
      }
    }
  });
});

// Paragraphs written after the rules, in wordings the fixtures do not use; a sanity check that
// the rules are not keyed on the fixtures' own words.
describe('extractCommitments on held-out paragraphs', () => {
  it('finds the follow-ups of a short EU–Japan readout and nothing else', () => {
    const text =
      'The European Commissioner and the Japanese minister reviewed progress under the Green Alliance. ' +
      'Both sides agreed to hold the next high-level economic dialogue in Tokyo before the end of October 2026. ' +
      'They exchanged views on export controls on semiconductors. ' +
      'The EU will not extend its safeguard measures on Japanese steel, the Commissioner said. ' +
      'Japan and the EU will continue to work closely on the reform of the World Trade Organization.';
    const proposals = extract(text, {
      meetingDate: '2026-04-15',
      timeZone: 'Europe/Brussels',
      parties: [
        { code: 'EU', name: 'European Union' },
        { code: 'JP', name: 'Japan' },
      ],
    });
    expect(proposals.map((p) => [p.title, p.kind])).toEqual([
      ['Hold the next high-level economic dialogue in Tokyo', { type: 'one-off', due: '2026-10-31' }],
      ['Continue to work closely on the reform of the World Trade Organization', { type: 'ongoing', updateEveryDays: 30 }],
    ]);
  });

  it('finds the follow-ups of a press report and skips its analysts and negations', () => {
    const text =
      'Mexico and the United States pledged on Tuesday to set up a joint task force on fentanyl trafficking within 90 days. ' +
      '"We will meet every month until the flow is cut," the Mexican security minister told reporters. ' +
      'Analysts say the task force will struggle without more funding. ' +
      'The two delegations did not agree on new tariff exemptions.';
    const proposals = extract(text, {
      meetingDate: '2026-01-20',
      timeZone: 'America/Mexico_City',
      parties: [
        { code: 'MX', name: 'Mexico' },
        { code: 'US', name: 'United States' },
      ],
    });
    expect(proposals.map((p) => [p.title, p.kind])).toEqual([
      ['Set up a joint task force on fentanyl trafficking', { type: 'one-off', due: '2026-04-20' }],
      ['Meet every month until the flow is cut', { type: 'recurring', every: { count: 1, unit: 'months' } }],
    ]);
  });

  it('finds the follow-ups of numbered points and skips the briefing', () => {
    const text =
      '(1) The two sides shall establish a joint committee on space cooperation by June 2026.\n' +
      '(2) France briefed India on its presidency of the G7.\n' +
      '(3) India and France resolved to double the number of student exchanges by 2030.';
    const proposals = extract(text, {
      meetingDate: '2026-02-10',
      timeZone: 'Asia/Kolkata',
      parties: [
        { code: 'FR', name: 'France' },
        { code: 'IN', name: 'India' },
      ],
    });
    expect(proposals.map((p) => [p.point, p.title, p.due])).toEqual([
      ['1', 'Establish a joint committee on space cooperation', '2026-06-30'],
      ['3', 'Double the number of student exchanges', '2030-12-31'],
    ]);
  });
});
