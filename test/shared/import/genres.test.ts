import { describe, expect, it } from 'vitest';
import { extractCommitments } from '#shared/import/extractor';
import { findCjkDueDate } from '#shared/import/cjk-due-date';
import { findDueDate } from '#shared/import/due-date';
import type { ExtractOptions } from '#shared/import/proposal';
import { scoreProposals } from '#shared/import/score';

// Parties that appear in no labelled set, so these tests say nothing about the fixtures' words.
const OPTS: ExtractOptions = {
  meetingDate: '2026-10-05',
  timeZone: 'Europe/Oslo',
  parties: [
    { code: 'NO', name: 'Norway' },
    { code: 'GH', name: 'Ghana' },
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'Republic of Korea' },
  ],
};
const read = (text: string, opts = OPTS) =>
  extractCommitments(text, opts).map((p) => ({ title: p.title, kind: p.kind.type, due: p.due, parties: p.parties }));

describe('coordinated subjects', () => {
  it('gives every party a coordinated subject names', () => {
    expect(read('Japan and the Republic of Korea committed to expanding the working-holiday programme for young people.')).toEqual([
      { title: 'Expand the working-holiday programme for young people', kind: 'ongoing', due: undefined, parties: ['JP', 'KR'] },
    ]);
    expect(read('Japan, Norway and Ghana will hold a forum on fisheries.')[0]!.parties).toEqual(['NO', 'GH', 'JP']);
  });

  it('keeps one party when the other is the subject of an earlier clause', () => {
    expect(read('Norway signed a grant and Ghana agreed to host a trade fair.').map((p) => p.parties)).toEqual([['GH']]);
  });
});

describe('action logs', () => {
  it.each([
    ['done', 'Status: done'],
    ['deferred', 'Status: deferred to the next session'],
    ['to be considered', 'Status: to be considered later'],
  ])('proposes nothing for a row marked %s', (_, status) => {
    expect(read(`Actions\n1. | Action: Prepare a joint paper | Lead: Ghana | ${status}`)).toEqual([]);
  });

  it('reads owner-first lines, with cadence and ongoing statuses', () => {
    const log = [
      'Agreed lines',
      'Norway — publish the catch data — annually — open',
      'Ghana — train port inspectors — continuous — ongoing',
      'Ghana — visit to Bergen — June 2026 — completed',
    ].join('\n');
    expect(read(log).map((p) => [p.title, p.kind, p.parties])).toEqual([
      ['Publish the catch data', 'recurring', ['NO']],
      ['Train port inspectors', 'ongoing', ['GH']],
    ]);
  });

  it('reads fields split by semicolons and unlabelled cells in any order', () => {
    const log = [
      'Item 1; Owner: Ghana; Deadline: Q1 2027; Action: Survey the landing sites; Status: open',
      'Item 2 — publish the catch data — Norway — by 1 March 2027 — open',
    ].join('\n');
    expect(read(log).map((p) => [p.title, p.due, p.parties])).toEqual([
      ['Survey the landing sites', '2027-03-31', ['GH']],
      ['Publish the catch data', '2027-03-01', ['NO']],
    ]);
  });

  it('proposes nothing for a row marked cancelled whose deadline cell is an empty dash', () => {
    expect(read('Item 4 — Owner: Ghana — Action: survey the lagoons — Deadline: — — Status: cancelled')).toEqual([]);
    expect(read('Item 5 — Owner: Ghana — Action: survey the lagoons — Deadline: - — Status: dropped')).toEqual([]);
  });

  it('reads "continuing" in an owner-first line as the deadline cell of an ongoing row', () => {
    expect(read('Ghana — train the port inspectors — continuing — ongoing').map((p) => [p.title, p.kind, p.parties])).toEqual([
      ['Train the port inspectors', 'ongoing', ['GH']],
    ]);
  });

  it('reads a dated row as one-off even when its verb usually goes on', () => {
    expect(read('Item 1 — Norway — Share the inspection manual — 15 January 2027 — Open').map((p) => [p.kind, p.due])).toEqual([['one-off', '2027-01-15']]);
  });

  it('names an agency’s party by the short name the text gave it', () => {
    const log = 'Present: Directorate of Fisheries of Norway (DirFish); Fisheries Commission of Ghana (FCG).\n\nActions\n1. | Action: Share vessel lists | Lead: DirFish | Due: 1 Dec 2026 | Status: open';
    expect(read(log).map((p) => p.parties)).toEqual([['NO']]);
  });

  it('names an agency’s party by a short name of one capital or with accents, after an organisation’s name', () => {
    const log = [
      'Co-chairs: Fisheries Commission of Norway (Fiskekom); Ministry of Fisheries of Ghana (MinPêche).',
      'Also attending: the Ghanaian Maritime Authority (Gmaa).',
      '',
      'Item 1 — Owner: Fiskekom — Action: share vessel lists — Deadline: 1 Dec 2026 — Status: open',
      'Item 2 — Owner: MinPêche — Action: survey the lagoons — Deadline: 1 Dec 2026 — Status: open',
      'Item 3 — Owner: Fiskekom and Gmaa — Action: map the landing sites — Deadline: 1 Dec 2026 — Status: open',
      'Gmaa — publish the catch data — monthly — open',
    ].join('\n');
    expect(read(log).map((p) => p.parties)).toEqual([['NO'], ['GH'], ['NO', 'GH'], ['GH']]);
  });

  it('proposes an open row with no cue verb, dated by its deadline field and owned by its lead', () => {
    const log = [
      'Actions',
      '1. | Action: Prepare a joint paper on fish stocks | Lead: Ghana | Due: 31 Jan 2027 | Status: open',
      '2. | Lead: Norway | Status: open | Action: Training course for port inspectors | Due: spring 2027',
    ].join('\n');
    expect(read(log)).toEqual([
      { title: 'Prepare a joint paper on fish stocks', kind: 'one-off', due: '2027-01-31', parties: ['GH'] },
      { title: 'Training course for port inspectors', kind: 'one-off', due: '2027-05-31', parties: ['NO'] },
    ]);
  });
});

describe('seasons and periods', () => {
  const due = (text: string, meetingDate = '2026-10-05') => findDueDate(text, { meetingDate, timeZone: 'Europe/Oslo' })?.due;
  it.each([
    ['Norway will open a centre, spring 2027.', '2027-05-31'],
    ['Due: spring 2027', '2027-05-31'],
    ['They will meet in summer 2027.', '2027-08-31'],
    ['They will meet in autumn 2027.', '2027-11-30'],
    ['Deadline: winter 2027', '2028-02-29'],
    ['They will open it in early 2027.', '2027-04-30'],
    ['They will open it by mid-2027.', '2027-08-31'],
    ['They will open it in late 2027.', '2027-12-31'],
    ['They will open it in the first half of 2027.', '2027-06-30'],
    ['Ghana will open its laboratories to Norwegian teams from late 2027.', '2027-12-31'],
    ['The programme runs from 1 March 2027 to 30 June 2028.', '2028-06-30'],
    ['Talks have been held every year from 2019.', undefined],
    ['Comments within four weeks of receipt', undefined],
    ['Within 60 days after entry into force', undefined],
  ])('reads %j as %s', (text, day) => {
    expect(due(text)).toBe(day);
  });

  it.each([
    ['次回会合を来春開催することで一致した。', '2027-05-31'],
    ['今秋、東京で会合を開催する。', '2026-11-30'],
    ['2027年夏までに報告することで一致した。', '2027-08-31'],
    ['내년 봄 서울에서 회의를 열기로 했다.', '2027-05-31'],
    ['사업을 올가을 착수하기로 합의했다.', '2026-11-30'],
  ])('reads the Japanese or Korean %j as %s', (text, day) => {
    expect(findCjkDueDate(text, { meetingDate: '2026-06-05', timeZone: 'Asia/Tokyo' })?.due).toBe(day);
  });
});

describe('parties score', () => {
  it('counts matched labels whose parties equal the proposal’s, in any order', () => {
    const proposals = extractCommitments('Japan and the Republic of Korea will hold talks. Norway will fund a school.', OPTS);
    const score = scoreProposals(proposals, [
      { match: 'hold talks', kind: 'ongoing', parties: ['KR', 'JP'] },
      { match: 'fund a school', kind: 'one-off', parties: ['NO', 'GH'] },
    ]);
    expect([score.partiesRight, score.partiesLabelled, score.wrongParties.length]).toEqual([1, 2, 1]);
  });
});

describe('Japanese and Korean news and summaries', () => {
  const JK: ExtractOptions = { meetingDate: '2026-06-05', timeZone: 'Asia/Tokyo', parties: [{ code: 'JP', name: 'Japan' }, { code: 'KR', name: 'Republic of Korea' }] };
  const titles = (text: string) => extractCommitments(text, JK).map((p) => [p.title, p.kind.type]);

  it.each([
    ['日本政府は、港湾整備のため、円借款を供与する方針を決めた。', '円借款を供与する'],
    ['両首脳は、青少年交流を拡充することでも一致した。', '青少年交流を拡充する'],
    ['両国の税関当局は、合同検査を来年から実施する。', '合同検査を来年から実施する'],
    ['外務大臣から、来月ソウルで局長級協議を開催する旨述べた。', 'ソウルで局長級協議を開催する'],
    ['양국은 항공편을 주 5회로 늘리는 데도 합의했다.', '항공편을 주 5회로 늘리기'],
    ['양 장관은 청년 교류 프로그램을 매년 운영하는 데에도 뜻을 모았다.', '청년 교류 프로그램을 매년 운영'],
    ['장관은 전담 창구를 연내에 설치하겠다고 약속했다.', '전담 창구 설치'],
    ['공동 작업반은 11월까지 첫 점검 결과를 양국 장관에게 보고한다.', '첫 점검 결과를 양국 장관에게 보고'],
  ])('proposes the decision reported in %j', (text, title) => {
    expect(titles(text).map(([t]) => t)).toEqual([title]);
  });

  it.each([
    ['넷째, 대통령께서는 전담 창구를 연내에 설치하겠다고 약속하셨습니다.', ['KR']],
    ['이에 따라 우리 해양수산부는 내년까지 계획을 마련하기로 했습니다.', ['KR']],
    ['대변인: 산업통상자원부가 다음 달 중 간담회를 열기로 했습니다.', ['KR']],
    ['首相は、来年、技術者の研修を実施することで一致した。', ['JP']],
    ['양국은 공동위원회를 매년 개최하기로 합의했다.', ['JP', 'KR']],
  ])('gives %j to the text’s own country when a bare title or body is the subject', (text, parties) => {
    expect(extractCommitments(text, JK).map((p) => p.parties)).toEqual([parties]);
  });

  it.each([
    ['外務大臣から、大臣の訪日を歓迎する旨述べた。'],
    ['両大臣は、3か国の連携が重要であることを確認した。'],
    ['필요하면 앞으로 논의할 수 있을 것입니다.'],
    ['양국 정부는 이번 합의를 교역 확대의 계기로 평가한다.'],
    ['업계는 내년 수주가 크게 늘어날 것으로 전망한다.'],
    ['그는 매일 아침 시장을 산책한다.'],
    ['会談後、先方は日本が追加投資を約束したと発表した。これに対し、日本政府高官は「約束はしていない」と否定した。'],
    ['회담 직후 상대국은 한국이 펀드 조성에 합의했다고 발표했다. 그러나 정부 관계자는 "합의된 바 없다"고 반박했다.'],
    ['상대국 산업부는 회견에서 "한국이 공장 세 곳 건설을 돕기로 했다"고 발표했다. 그러나 우리 정부 관계자는 "그런 약속을 한 적이 없다"며 선을 그었다.'],
    ['先方の産業省は「日本が工場の建設を支援することで合意した」と発表した。しかし、日本政府関係者は「そうした約束をしたことはない」と述べた。'],
  ])('proposes nothing for the view, possibility or denied claim %j', (text) => {
    expect(titles(text)).toEqual([]);
  });
});

describe('English news and statements', () => {
  it('proposes nothing for one side’s claim that the next sentence denies', () => {
    const text = 'Norwegian officials told reporters that Ghana had agreed to buy ten vessels. A Ghanaian spokesperson denied that any such commitment had been made.';
    expect(read(text)).toEqual([]);
  });

  it('proposes nothing for a claim the next sentence says was never made', () => {
    const text = 'Ghanaian officials said Norway had agreed to buy ten vessels. A Norwegian official said there was no such agreement.';
    expect(read(text)).toEqual([]);
  });

  it('keeps a claim nobody denies', () => {
    expect(read('Norwegian officials said that Ghana had agreed to buy ten vessels. Talks went on into the evening.')).toHaveLength(1);
  });

  it('proposes nothing for an agreement only to study a proposal', () => {
    expect(read('Ghana proposed a youth exchange; the other ministers agreed to study the proposal.')).toEqual([]);
  });

  it('reads the subject after a dateline, and "the Presidents" as every party', () => {
    expect(read('OSLO, 3 Oct (Wire) - Norway and Ghana agreed to open a joint fisheries desk.')[0]!.parties).toEqual(['NO', 'GH']);
    expect(read('The Presidents will meet again in Accra in 2028.')[0]!.parties).toEqual(['NO', 'GH', 'JP', 'KR']);
  });
});

describe('kinds and dates of single acts', () => {
  it('reads a sum provided as one-off, and a scheme starting next year as due by its end', () => {
    expect(read('Norway will provide NOK 40 million for the first phase.').map((p) => p.kind)).toEqual(['one-off']);
    expect(read('Ghana decided to open its laboratories to Norwegian researchers under a scheme starting next year.').map((p) => p.due)).toEqual(['2027-12-31']);
  });
});

describe('press releases', () => {
  const text = [
    'Norway’s Minister of Fisheries and the Minister of State of Ghana today signed an arrangement in Oslo.',
    '',
    '"We will train forty inspectors this year," the Minister of State said. "Our navy will also patrol the zone."',
    '',
    'Next steps',
    '- Norwegian experts will map the spawning grounds within six months.',
  ].join('\n');

  it('gives a quoted minister’s "we will" to the minister’s government, and a party’s experts to the party', () => {
    expect(read(text).map((p) => [p.title, p.parties])).toEqual([
      ['Train forty inspectors', ['GH']],
      ['Patrol the zone', ['GH']],
      ['Map the spawning grounds', ['NO']],
    ]);
  });
});

describe('quotes with a pronoun attribution', () => {
  it('gives "we will" to the minister the paragraph opens with when the quote says "she said"', () => {
    const text = 'Norway’s Minister of the Sea and Ghana’s Minister of Fisheries signed it today.\n\nThe Minister of the Sea said Norway was proud. "We will fund twenty scholarships," she said.';
    expect(read(text).map((p) => p.parties)).toEqual([['NO']]);
  });
});

describe('quotes after a speaker named with a possessive', () => {
  it('gives "our …" in the quote to the country the opening speaker belongs to', () => {
    const text = 'Ghana’s Minister of Fisheries and Norway’s Minister of the Sea met today.\n\nNorway’s Minister of the Sea said the arrangement was a milestone. "Our research council will share its survey data with Ghanaian partners," she said.';
    expect(read(text).map((p) => p.parties)).toEqual([['NO']]);
  });
});

describe('next steps', () => {
  it('proposes each item of a "Next steps" list, noun phrases too, but not what is only possible or expected', () => {
    const text = [
      'Norway and Ghana signed a fisheries arrangement today.',
      '',
      'Next steps',
      '1. Establishment of a joint fisheries committee by June 2027.',
      '2. Annual exchange of catch data.',
      '3. Ghana will open a liaison office in Oslo within six months.',
      '4. Cooperation on aquaculture may be explored later.',
      '- A possible extension to inland waters, subject to further talks.',
      '5. The first patrols are expected in 2028.',
      '6. Convening of the review meeting by 30 June 2027.',
      '7. Exchange of letters on the annex by 31 March 2027.',
      '',
      'Media contact: Press Office',
    ].join('\n');
    expect(read(text).map((p) => [p.title, p.kind, p.due ?? null])).toEqual([
      ['Establishment of a joint fisheries committee', 'one-off', '2027-06-30'],
      ['Annual exchange of catch data', 'recurring', null],
      ['Open a liaison office in Oslo', 'one-off', '2027-04-05'],
      ['Convening of the review meeting', 'one-off', '2027-06-30'],
      ['Exchange of letters on the annex', 'one-off', '2027-03-31'],
    ]);
  });

  it('skips items set aside and ends a marked list at the first paragraph that is no item', () => {
    const text = [
      'Norway and Ghana signed a fisheries arrangement today.',
      '',
      'Next steps',
      '1. Convening of the review meeting by 30 June 2027.',
      '2. Signing of a port-state protocol — deferred until the talks conclude.',
      '- Construction of a hatchery in Tema, postponed to a later date.',
      '- Joint patrols in the Gulf of Guinea — cancelled.',
      '',
      'The ministers thanked the fisheries staff for their work.',
    ].join('\n');
    expect(read(text).map((p) => p.title)).toEqual(['Convening of the review meeting']);
  });
});
