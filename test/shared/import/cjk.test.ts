import { describe, expect, it } from 'vitest';
import { cjkLanguage, cjkParties, splitCjkSentences } from '#shared/import/cjk';
import { findCjkDueDate } from '#shared/import/cjk-due-date';
import { extractCommitments } from '#shared/import/extractor';
import type { ExtractOptions, Proposal } from '#shared/import/proposal';
import { scoreProposals, totalScore } from '#shared/import/score';
import { splitParagraphs } from '#shared/import/segment';
import { loadReadouts } from '../../../scripts/readouts.ts';

const JK: ExtractOptions = {
  meetingDate: '2025-09-30',
  timeZone: 'Asia/Tokyo',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
  ],
};
const extract = (text: string) => extractCommitments(text, JK);
const only = (text: string): Proposal => {
  const proposals = extract(text);
  expect(proposals, `proposals for: ${text}`).toHaveLength(1);
  return proposals[0]!;
};
const due = (text: string) => findCjkDueDate(text, JK)?.due;

describe('cjkLanguage', () => {
  it.each([
    ['両首脳は、協力を強化していくことで一致した。', 'ja'],
    ['양 정상은 협력을 강화하기로 했다.', 'ko'],
    ['The leaders agreed to hold talks in 東京 next year.', undefined],
    ['双方同意加强合作。', undefined],
  ] as const)('reads %j as %s', (text, language) => {
    expect(cjkLanguage(text)).toBe(language);
  });
});

describe('splitCjkSentences', () => {
  it('splits Japanese at 。．！？ and keeps quotes whole', () => {
    expect(splitCjkSentences('総理は「協力を進める。支援も続ける。」と述べた。両首脳は一致した．次へ！', 'ja')).toEqual([
      '総理は「協力を進める。支援も続ける。」と述べた。',
      '両首脳は一致した．',
      '次へ！',
    ]);
  });

  it('splits Korean at a full stop before a space or after 다, not inside a number', () => {
    expect(splitCjkSentences('양국은 1.5배 늘리기로 했다.양 정상은 “협력한다. 계속한다.”라고 말했다. 끝', 'ko')).toEqual([
      '양국은 1.5배 늘리기로 했다.',
      '양 정상은 “협력한다. 계속한다.”라고 말했다.',
      '끝',
    ]);
  });

  it('lets an unclosed quote go after a few hundred characters', () => {
    const sentences = splitCjkSentences(`「${'あ'.repeat(500)}。次の文。`, 'ja');
    expect(sentences.length).toBeGreaterThan(1);
  });
});

describe('splitParagraphs with Japanese and Korean marks', () => {
  it('starts a point at （１）, １．, ① and a paragraph at ・ and ●', () => {
    const text = '前文。\n（１）一つ目。\n２．二つ目。\n③三つ目。\n・箇条。\n● 항목.';
    expect(splitParagraphs(text).map((p) => [p.point, p.text])).toEqual([
      [undefined, '前文。'],
      ['1', '一つ目。'],
      ['2', '二つ目。'],
      ['3', '三つ目。'],
      [undefined, '箇条。'],
      [undefined, '항목.'],
    ]);
  });
});

describe('Japanese cues', () => {
  it.each([
    ['両首脳は、日韓経済対話を開催することで一致した。', '日韓経済対話を開催する', 'ことで一致した'],
    ['両国は、共同研究を開始することで合意した。', '共同研究を開始する', 'ことで合意した'],
    ['両首脳は、協議体を開催することを確認した。', '協議体を開催する', 'ことを確認した'],
    ['両首脳は、交流事業を拡大していくことを確認した。', '交流事業を拡大していく', 'ことを確認した'],
    ['日本は、引き続き韓国と緊密に連携していく。', '引き続き韓国と緊密に連携していく', 'ていく'],
    ['両国は、作業部会を設置していくこととなった。', '作業部会を設置していく', 'こととなった'],
    ['両国政府は、査証を免除することを決定した。', '査証を免除する', 'ことを決定した'],
    ['日本側は、来月訪韓する予定である。', '訪韓する', '予定である'],
    ['日本側は、奨学金を増やす考えを表明した。', '奨学金を増やす', '考えを表明'],
    ['総理は、支援策を策定するよう指示した。', '支援策を策定する', 'するよう指示'],
    ['両首脳は、首脳会談の早期開催で一致した。', '首脳会談を早期開催する', 'で一致した'],
    ['韓国側は日本側に投資環境の改善を要請し、日本側はこれに応じた。', '投資環境を改善する', 'を要請し'],
  ])('proposes %j', (text, title, cue) => {
    const p = only(text);
    expect(p.title).toBe(title);
    expect(p.cue).toBe(cue);
  });

  it.each([
    '両首脳は、地域情勢について意見交換を行った。',
    '両外相は、経済協力について議論した。',
    '両首脳は、交流の一層の拡大を期待する。',
    '総理は、関係改善への期待を表明した。',
    '日本側は、輸入規制の撤廃を要請した。',
    '韓国側は、早期の協議を求めた。',
    '両首脳は、協定の署名を歓迎した。',
    '両国は、新たな枠組みの創設を検討することで一致した。',
    '両首脳は、協議を再開することで一致しなかった。',
    '両首脳は、協定を締結することで合意に至らなかった。',
    '両首脳は、法の支配の重要性を確認した。',
    '首脳会談で合意した内容を振り返った。',
  ])('proposes nothing for %j', (text) => {
    expect(extract(text)).toEqual([]);
  });

  it('proposes each of two acts joined by とともに under one cue', () => {
    const titles = extract('両首脳は、作業部会を設置するとともに、閣僚会合を開催することで一致した。').map((p) => p.title);
    expect(titles).toEqual(['作業部会を設置する', '閣僚会合を開催する']);
  });

  it('proposes each cue of a sentence with two', () => {
    expect(extract('両首脳は、対話を開催することで一致し、協力を強化していくことを確認した。').map((p) => p.title)).toEqual([
      '対話を開催する',
      '協力を強化していく',
    ]);
  });
});

describe('Korean cues', () => {
  it.each([
    ['양 정상은 공동위원회를 개최하기로 합의했다.', '공동위원회 개최', '기로 합의'],
    ['양국은 실무협의를 시작하기로 했다.', '실무협의 시작', '기로 했'],
    ['양측은 공급망 협력을 지속해 나가기로 했다.', '공급망 협력 지속', '기로 했'],
    ['양국은 청정에너지 사업을 추진하기로 했다.', '청정에너지 사업 추진', '기로 했'],
    ['양국은 공동 연구에 합의했다.', '공동 연구', '에 합의했'],
    ['양 정상은 정보 공유를 확대한다는 것을 확인했다.', '정보 공유 확대', '한다는 것을 확인'],
    ['양 정상은 협력을 강화해 나갈 것임을 확인했다.', '협력 강화', '갈 것임을 확인'],
    ['우리 정부는 장학금을 두 배로 늘릴 예정이다.', '장학금을 두 배로 늘리기', '릴 예정이다'],
    ['대통령은 관계 부처에 대책을 마련하도록 지시했다.', '대책 마련', '도록 지시'],
    ['우리 측은 검역 절차 개선을 요청했으며, 일본 측은 이를 수용했다.', '검역 절차 개선', '을 요청했'],
  ])('proposes %j', (text, title, cue) => {
    const p = only(text);
    expect(p.title).toBe(title);
    expect(p.cue).toBe(cue);
  });

  it.each([
    '양 정상은 지역 정세에 대해 논의했다.',
    '양국 외교장관은 과거사 문제에 대한 의견을 교환했다.',
    '양 정상은 교류 확대를 기대했다.',
    '우리 측은 검역 절차 개선을 요청했다.',
    '대통령은 일본 측에 조속한 조치를 촉구했다.',
    // Deciding to consider leaves the outcome open: nothing anyone could report done.
    '양국은 새로운 협의체 설립을 검토하기로 했다.',
    '양 정상은 협상을 재개하기로 합의하지 못했다.',
    '양 정상은 비핵화의 중요성을 확인했다.',
    '전문가들은 협력이 확대될 것이다.',
  ])('proposes nothing for %j', (text) => {
    expect(extract(text)).toEqual([]);
  });
});

describe('titles', () => {
  it('leave out the subject, the date and no particle dangles at the end', () => {
    const proposals = extract(
      '両首脳は、2026年3月までに、協定の署名を行うことで一致した。\n\n양 정상은 내년 상반기 중 서울에서 제3차 공동위원회를 개최하기로 합의했다.',
    );
    expect(proposals.map((p) => p.title)).toEqual(['協定の署名を行う', '서울에서 제3차 공동위원회 개최']);
  });

  it('never end with a particle in any development readout, nor pass 200 characters', () => {
    for (const readout of loadReadouts('development')) {
      for (const p of extractCommitments(readout.text, readout)) {
        expect(p.title).not.toMatch(/[はがをにのへ、,]$|[은는이가을를의]$/);
        expect(p.title.length).toBeGreaterThan(0);
        expect(p.title.length).toBeLessThanOrEqual(200);
        expect(p.title).not.toMatch(/^(?:両首脳は|両国は|양\s?정상은|양국은)/);
      }
    }
  });
});

describe('kinds', () => {
  it.each([
    ['両首脳は、首脳会談を定期的に開催することで一致した。', 'recurring'],
    ['両国は、閣僚対話を毎年開催することで一致した。', 'recurring'],
    ['양국은 장관회의를 격년으로 개최하기로 했다.', 'recurring'],
    ['양국은 연 1회 정례 협의를 개최하기로 했다.', 'recurring'],
    ['両首脳は、引き続き協力を推進していくことで一致した。', 'ongoing'],
    ['양국은 긴밀히 협력해 나가기로 했다.', 'ongoing'],
    ['양국은 교류를 확대하기로 했다.', 'ongoing'],
    ['양국은 문화 교류의 폭을 넓혀 나가기로 했다.', 'ongoing'],
    ['양국은 공동 연구의 성과를 키워나가기로 합의했다.', 'ongoing'],
    ['양국은 대표단이 내년에 현지 조사에 나가기로 했다.', 'one-off'],
    ['両首脳は、年内に協定を締結することで一致した。', 'one-off'],
    ['양국은 연내 협정을 체결하기로 했다.', 'one-off'],
  ])('reads %j as %s', (text, kind) => {
    expect(only(text).kind.type).toBe(kind);
  });

  it('gives a cadence when the words state one', () => {
    expect(only('両国は、閣僚対話を毎年開催することで一致した。').kind).toEqual({ type: 'recurring', every: { count: 1, unit: 'years' } });
    expect(only('양국은 장관회의를 격년으로 개최하기로 했다.').kind).toEqual({ type: 'recurring', every: { count: 2, unit: 'years' } });
  });
});

describe('findCjkDueDate (meeting 30 Sep 2025)', () => {
  it.each([
    ['2026年3月31日までに', '2026-03-31'],
    ['２０２６年３月３１日までに', '2026-03-31'],
    ['2026년 3월 31일까지', '2026-03-31'],
    ['2026年3月に', '2026-03-31'],
    ['3月末までに', '2026-03-31'],
    ['3월 말까지', '2026-03-31'],
    ['12月中に', '2025-12-31'],
    ['年内に', '2025-12-31'],
    ['연내', '2025-12-31'],
    ['올해 안에', '2025-12-31'],
    ['来年', '2026-12-31'],
    ['내년', '2026-12-31'],
    ['来年前半に', '2026-06-30'],
    ['来年上半期中に', '2026-06-30'],
    ['내년 상반기 중', '2026-06-30'],
    ['年度内に', '2026-03-31'],
    ['今後3か月以内に', '2025-12-30'],
    ['3개월 이내에', '2025-12-30'],
    ['2027年までに', '2027-12-31'],
    ['2027년까지', '2027-12-31'],
    ['来年の秋に', '2026-11-30'],
    ['오는 11월', '2025-11-30'],
  ])('reads %j as %s', (text, date) => {
    expect(due(`協議を${text}開催する`) ?? due(`회의를 ${text} 개최한다`)).toBe(date);
  });

  it('skips a date in the past', () => {
    expect(due('2024年3月に署名された協定を実施する')).toBeUndefined();
    expect(due('2023년부터 시작된 사업')).toBeUndefined();
  });
});

describe('parties', () => {
  const trio = [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
    { code: 'US', name: 'United States' },
  ];
  it.each([
    ['両首脳', ['JP', 'KR', 'US']],
    ['양국 정부', ['JP', 'KR', 'US']],
    ['日本側', ['JP']],
    ['我が国', ['JP']],
    ['大韓民国', ['KR']],
    ['우리 정부', ['KR']],
    ['일본 측', ['JP']],
    ['日米両国', ['JP', 'US']],
    ['한미 양국', ['KR', 'US']],
    ['北朝鮮', []],
    ['북한', []],
  ])('reads %j', (text, codes) => {
    expect(cjkParties(text, trio)).toEqual(codes);
  });

  it('names a party outside its own table by the gazetteer’s Japanese and Korean names', () => {
    const pair = [
      { code: 'JP', name: 'Japan' },
      { code: 'UZ', name: 'Uzbekistan' },
    ];
    expect(cjkParties('ウズベキスタン側', pair)).toEqual(['UZ']);
    expect(cjkParties('우즈베키스탄 정부', pair)).toEqual(['UZ']);
    expect(cjkParties('日本とウズベキスタン共和国', pair)).toEqual(['JP', 'UZ']);
  });

  it('does not take a two-character name for a party inside another word', () => {
    const ghana = [
      { code: 'KR', name: 'South Korea' },
      { code: 'GH', name: 'Ghana' },
    ];
    expect(cjkParties('가나다 순서로', ghana)).toEqual([]);
  });

  it('binds the subject party, or every party when none is named', () => {
    expect(only('日本側は、奨学金を増やす考えを表明した。').parties).toEqual(['JP']);
    expect(only('한국은 장학금을 늘리기로 했다.').parties).toEqual(['KR']);
    expect(only('協議を開催することで一致した。').parties).toEqual(['JP', 'KR']);
  });

  it('binds the side that accepted a request', () => {
    expect(only('韓国側は投資環境の改善を要請し、日本側はこれに応じた。').parties).toEqual(['JP']);
  });
});

describe('robustness', () => {
  it('finishes on 30,000 characters of Japanese on one line without 。', () => {
    const text = 'ことで一致し両首脳は協力を強化していく、'.repeat(1500).slice(0, 30_000);
    expect(() => extract(text)).not.toThrow();
    expect(() => extract('양국은 협력하기로 '.repeat(3000))).not.toThrow();
  });

  it('leaves English paragraphs to the English rules in a mixed readout', () => {
    const proposals = extract('The leaders agreed to hold a summit next year.\n\n両首脳は、閣僚会合を開催することで一致した。');
    expect(proposals.map((p) => p.paragraph)).toEqual([1, 2]);
  });
});

describe('development readouts (Japanese and Korean)', () => {
  const readouts = loadReadouts('development').filter((r) => /-(?:ja|ko)$/.test(r.name));

  it('has two Japanese and two Korean readouts', () => {
    expect(readouts.filter((r) => r.name.endsWith('-ja'))).toHaveLength(2);
    expect(readouts.filter((r) => r.name.endsWith('-ko'))).toHaveLength(2);
  });

  it.each(readouts.map((r) => [r.name, r] as const))('%s reaches recall ≥ 0.85, precision ≥ 0.8 and kind accuracy ≥ 0.8', (_name, readout) => {
    const score = scoreProposals(extractCommitments(readout.text, readout), readout.expected);
    expect(score.recall, `missed: ${JSON.stringify(score.missed)}`).toBeGreaterThanOrEqual(0.85);
    expect(score.precision, `spurious: ${JSON.stringify(score.spurious.map((p) => p.sentence))}`).toBeGreaterThanOrEqual(0.8);
    expect(score.kindAccuracy, `wrong kind: ${JSON.stringify(score.wrongKind.map((w) => w.label.match))}`).toBeGreaterThanOrEqual(0.8);
  });

  it('reads their due dates and points', () => {
    const total = totalScore(readouts.map((r) => scoreProposals(extractCommitments(r.text, r), r.expected)));
    expect(total.dueAccuracy).toBeGreaterThanOrEqual(0.9);
    for (const readout of readouts) {
      const proposals = extractCommitments(readout.text, readout);
      for (const label of readout.expected.filter((l) => l.point)) {
        expect(proposals.find((p) => p.sentence.includes(label.match))?.point).toBe(label.point);
      }
    }
  });
});
