import { describe, expect, it } from 'vitest';
import { extractCommitments } from '#shared/import/extractor';
import type { ExtractOptions } from '#shared/import/proposal';
import { loadReadouts } from '../../../scripts/readouts.ts';

const KI: ExtractOptions = {
  meetingDate: '2026-02-12',
  timeZone: 'Asia/Kolkata',
  parties: [
    { code: 'KE', name: 'Kenya' },
    { code: 'IN', name: 'India' },
  ],
};
const extract = (text: string, opts = KI) => extractCommitments(text, opts);
const titles = (text: string, opts = KI) => extract(text, opts).map((p) => p.title);

describe('extractCommitments: one proposal per agreed act', () => {
  it('splits coordinated commitments, sharing the subject, the cue and the sentence', () => {
    const sentence = 'The leaders agreed to expand port cooperation and to create a joint task force on fisheries.';
    const proposals = extract(sentence);
    expect(proposals.map((p) => [p.title, p.kind.type, p.cue, p.sentence])).toEqual([
      ['Expand port cooperation', 'ongoing', 'agreed to', sentence],
      ['Create a joint task force on fisheries', 'one-off', 'agreed to', sentence],
    ]);
  });

  it('splits bare verbs listed after one modal', () => {
    expect(titles('India will fund a centre, train its staff and map the coast.')).toEqual(['Fund a centre', 'Train its staff', 'Map the coast']);
  });

  it('gives a clause joined by "and" the subject of the clause before it', () => {
    const [p] = extract('Kenya opened a trade office in Mumbai in 2024, and will hold a business forum next year.');
    expect(p).toMatchObject({ title: 'Hold a business forum', parties: ['KE'], due: '2027-12-31' });
  });

  it('reads the points under "the two sides decided:" as its acts', () => {
    const text = 'On trade, the two sides decided:\n(a) to resume direct flights by June;\n(b) to harmonise their customs forms.';
    expect(extract(text).map((p) => [p.point, p.title, p.due])).toEqual([
      ['(a)', 'Resume direct flights', '2026-06-30'],
      ['(b)', 'Harmonise their customs forms', undefined],
    ]);
  });
});

describe('extractCommitments: the verb after a cue is found by its part of speech', () => {
  it.each([
    ['Kenya intends to double its scholarships for Indian students.', 'Double its scholarships for Indian students'],
    ['India will be procuring more vaccines from Kenyan makers.', 'Procure more vaccines from Kenyan makers'],
    ['We instruct our officials to digitise the customs exchange.', 'Digitise the customs exchange'],
    ['The two sides agreed on regularly holding talks between their navies.', 'Regularly hold talks between their navies'],
  ])('%j', (text, title) => {
    expect(titles(text)).toEqual([title]);
  });

  it('reads a cue past an inserted clause', () => {
    const text = "Kenya's president agreed with India's prime minister, whom he hosted in Nairobi on Monday, to pursue a maritime pact.";
    expect(titles(text)).toEqual(['Pursue a maritime pact']);
  });

  it('takes a pronoun subject for the party named before it', () => {
    const [p] = extract('Kenya raised the visa backlog. It said that it would open a consulate in Chennai.');
    expect(p).toMatchObject({ title: 'Open a consulate in Chennai', parties: ['KE'] });
  });
});

describe('extractCommitments: hedges and reported speech are no follow-ups', () => {
  it.each([
    'India would be open to further talks on the pact.',
    'Kenya would welcome Indian investment in its ports.',
    'India urged Kenya to show restraint at the border.',
    'Kenya asked India to support its candidacy for the council.',
    'The minister is expected to travel to Delhi in May.',
    'Both parties ought to resume the talks soon.',
    'Kenya may consider joining the alliance.',
    'The two sides did not agree to extend the accord.',
    'The ministers failed to agree on a date.',
    'Kenya hopes to double its exports to India.',
    'We hope the review will be concluded by July.',
    'Both sides hope that trade between the two countries will double by 2030.',
    'The parties should develop tourism further.',
    'The leaders agreed that international law must be respected everywhere.',
    'The President is scheduled to travel to Addis Ababa in February.',
    'India will probably keep the deal.',
  ])('%j proposes nothing', (text) => {
    expect(extract(text)).toEqual([]);
  });

  it.each([
    ['The President of Kenya accepted with gratitude the invitation to pay an official visit to India in 2027.', 'Pay an official visit to India'],
    ['We accept with thanks the offer of Kenya to host our next meeting in Mombasa.', 'Host our next meeting in Mombasa'],
    ['We establish a strategic dialogue between our foreign ministries.', 'Establish a strategic dialogue between our foreign ministries'],
    ['A feasibility study will be commissioned by the ministries of industry of the Parties.', 'Commission a feasibility study'],
    ['Kenya and India will co-host a side event on debt.', 'Co-host a side event on debt'],
  ])('proposes %j', (text, title) => {
    expect(titles(text)).toEqual([title]);
  });

  it('proposes an invitation once the other side accepted it', () => {
    expect(titles("Kenya's president invited India's prime minister to pay a state visit in 2027, and the invitation was accepted.")).toEqual([
      'Pay a state visit',
    ]);
  });
});

describe('extractCommitments: titles', () => {
  const english = [...loadReadouts('first-sight'), ...loadReadouts('regression')].filter((r) => !/[ぁ-んァ-ン가-힣]/.test(r.text));

  it('never ends a title on a preposition, article, possessive or conjunction', () => {
    for (const readout of english) {
      for (const { title } of extractCommitments(readout.text, readout)) {
        expect(title, readout.name).not.toMatch(/(?:\s(?:of|to|for|with|in|on|at|by|from|the|a|an|its|their|our|and|or|but)|['’]s|[,;:(—–-])$/i);
        expect(title, readout.name).toMatch(/^[A-Z]/);
      }
    }
  });

  it('never merges two acts into one title', () => {
    for (const readout of english) {
      for (const { title } of extractCommitments(readout.text, readout)) expect(title, readout.name).not.toMatch(/\band\s+(?:to|will|shall)\s|,\s+and\s+\w+\s+(?:will|agreed)\b/i);
    }
  });
});

describe('extractCommitments on an action plan’s lines', () => {
  const PLAN = [
    'I. Trade',
    'Action 1 — Ministry of Trade (KE, lead), Ministry of Commerce (IN) — by Q3 2027 — Conclude an investment agreement',
    '1.2 Convene the trade committee once a year | Responsible: both trade ministries | Timeline: annually from 2026',
    'Status: the tax treaty entered into force in 2025 (completed)',
    'Action 3 — within 6 months — Kenya Investment Authority — Set up a contact desk for investors.',
    'Signed in March 2026 — MoU on plant health',
    '1.5 Consider opening a trade office in Mombasa | Timeline: no decision taken',
    '',
    'Culture',
    '• Hold a film week in each capital (annually)',
    '• Visit of the Indian culture minister to Nairobi (took place in 2025)',
    '• Digitise the colonial-era archives (by end-2027)',
  ].join('\n');

  it('reads each row’s act, date and cadence, whatever order its cells come in', () => {
    expect(extract(PLAN).map((p) => [p.point, p.title, p.kind.type, p.due, p.cue])).toEqual([
      ['Action 1', 'Conclude an investment agreement', 'one-off', '2027-09-30', 'action-plan line'],
      ['1.2', 'Convene the trade committee once a year', 'recurring', undefined, 'action-plan line'],
      ['Action 3', 'Set up a contact desk for investors', 'one-off', '2026-08-12', 'action-plan line'],
      [undefined, 'Hold a film week in each capital', 'recurring', undefined, 'action-plan line'],
      [undefined, 'Digitise the colonial-era archives', 'one-off', '2027-12-31', 'action-plan line'],
    ]);
  });

  it('keeps each row to itself, so a status line under a row does not join it', () => {
    const rows = extract(PLAN).map((p) => p.sentence);
    expect(rows.some((r) => /Status|Signed in/.test(r))).toBe(false);
  });
});

describe('extractCommitments on a declaration’s preamble', () => {
  it('proposes nothing from preambular paragraphs and reads the operative ones after them', () => {
    const text = [
      'Joint Declaration of Kenya and India',
      '',
      'Recalling that trade between the two countries will double by 2030 on present trends;',
      '',
      'Mindful that the effects of climate change on our coasts will grow,',
      '',
      'Welcoming the decision of the two leaders to hold annual summits;',
      '',
      '1. The two sides will establish a joint climate adaptation fund by June 2026.',
      '',
      'Welcoming the progress made, the ministers agreed to meet again in Nairobi.',
    ].join('\n');
    expect(titles(text)).toEqual(['Establish a joint climate adaptation fund', 'Meet again in Nairobi']);
  });
});
