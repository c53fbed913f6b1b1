import type { Change, CommitmentDraft, Instant, TrackInput } from '#shared/domain/schemas';

/**
 * The first data set: the follow-ups agreed at the Japan–South Korea summit in Busan on
 * 30 September 2025, in our own words, each with its source.
 */
/** An instant given as a date and time in Tokyo, where the track lives. */
function tokyo(date: string, time: string): Instant {
  return new Date(`${date}T${time}:00+09:00`).toISOString();
}

/** When the seed says the five follow-ups were written down: the evening of the summit, in Tokyo. */
export const BUSAN_RECORDED_AT: Instant = tokyo('2025-09-30', '21:00');

const meeting = {
  meeting: 'Japan–South Korea summit (Ishiba–Lee)',
  date: '2025-09-30',
  place: 'Busan',
} as const;

/** No members: the track has no owner until a workspace admin claims it. */
export const BUSAN_TRACK: Omit<TrackInput, 'teamId' | 'createdAt' | 'createdBy'> = {
  slug: 'japan-korea',
  title: 'Japan–South Korea: Busan summit follow-ups',
  parties: [
    { code: 'JP', name: 'Japan' },
    { code: 'KR', name: 'South Korea' },
  ],
  timeZone: 'Asia/Tokyo',
  idPrefix: 'JK',
  meetings: [{ name: meeting.meeting, date: meeting.date, place: meeting.place }],
};

const both = ['JP', 'KR'];

/** In order, so they become JK-1 … JK-5. */
export const BUSAN_COMMITMENTS: CommitmentDraft[] = [
  {
    title: 'Keep up reciprocal leader visits (shuttle diplomacy)',
    detail:
      'Both sides will keep relations on a steady footing and arrange further visits by each leader to the other country. No date or interval was set.',
    parties: both,
    owners: [{ label: "Prime Minister's Office (JP)" }, { label: 'Office of the President (KR)' }],
    source: { ...meeting, point: 'Leader visits' },
    kind: {
      type: 'recurring',
      occurrences: [{ date: '2025-09-30', place: 'Busan', text: 'Prime Minister Ishiba visits Busan for the summit' }],
    },
    status: 'in-progress',
  },
  {
    title: 'Government talks on shared social problems',
    detail:
      'Officials of both governments will discuss problems the two societies share, named as population decline and the concentration of people and power in the capital regions. Open-ended.',
    parties: both,
    owners: [{ label: 'Relevant ministries of both governments' }],
    source: { ...meeting, point: 'Common social challenges' },
    kind: { type: 'ongoing', updateEveryDays: 60 },
    status: 'in-progress',
  },
  {
    title: 'Closer security communication; complete denuclearization of North Korea',
    detail:
      'The two sides will keep strengthening communication on security matters and work together toward the complete denuclearization of North Korea.',
    parties: both,
    owners: [{ label: 'Foreign and defence ministries (JP, KR)' }],
    source: { ...meeting, point: 'Security cooperation' },
    kind: { type: 'ongoing', updateEveryDays: 90 },
    status: 'in-progress',
  },
  {
    title: 'Convene the Japan–Korea science and technology cooperation committee to speed up AI work',
    detail:
      'The Japan–Korea Committee on Scientific and Technological Cooperation, which last met in 2009, is to be convened to accelerate cooperation on artificial intelligence. No date was announced.',
    parties: both,
    owners: [{ label: 'Science and technology ministries (JP, KR)' }],
    source: { ...meeting, point: 'Science, technology and AI' },
    kind: { type: 'one-off' },
    status: 'not-started',
  },
  {
    title: 'Continue the official discussions begun in September 2025 (outcome document)',
    detail:
      'In a jointly issued outcome document both governments state that their officials will keep holding the discussions started in September 2025, which build on what the two leaders agreed in August 2025.',
    parties: both,
    owners: [{ label: 'Officials of both governments' }],
    source: { ...meeting, point: 'Outcome document' },
    kind: { type: 'ongoing', updateEveryDays: 60 },
    status: 'in-progress',
  },
];

/** A publicly reported event after the summit, as the change it makes to one item, at the time it happened. */
export interface FollowUpEvent {
  /** The item's number in the track: 1 for JK-1. */
  seq: number;
  at: Instant;
  change: Change;
}

/**
 * What was publicly reported since the summit, oldest first, each with the report's address,
 * in our own words: only events a public report states, each note or occurrence ending with its address.
 */
export const BUSAN_FOLLOW_UPS: readonly FollowUpEvent[] = [
  {
    seq: 5,
    at: tokyo('2025-09-30', '22:00'),
    change: {
      type: 'note',
      text:
        'Korea’s Foreign Ministry reports that the consultative body on shared social problems (births and ageing, balanced regional growth, agriculture, disaster prevention, suicide prevention) met for the first time on 29 September, at Japan’s Foreign Ministry in Tokyo: the discussions this document says will go on. ' +
        'https://mobile.newsis.com/view_amp.html?ar_id=NISX20250930_0003351113',
    },
  },
  {
    seq: 1,
    at: tokyo('2025-10-30', '19:00'),
    change: {
      type: 'occurrence',
      occurrence: {
        date: '2025-10-30',
        place: 'Gyeongju',
        text:
          'Prime Minister Takaichi, Ishiba’s successor, holds her first summit with President Lee in Gyeongju, beside the APEC meetings; both agree to keep up the shuttle visits. ' +
          'https://www.korea.net/NewsFocus/policies/view?articleId=281430&koreanId=281419',
      },
    },
  },
  {
    seq: 3,
    at: tokyo('2025-11-01', '18:00'),
    change: {
      type: 'note',
      text:
        'Defence ministers Ahn Gyu-back and Shinjiro Koizumi meet in Kuala Lumpur, at the ASEAN defence ministers’ meeting with partners, and confirm their three-way cooperation with the United States against the North’s nuclear and missile threats. ' +
        'https://koreajoongangdaily.joins.com/news/2026-01-28/national/defense/South-Korea-Japan-to-hold-defense-ministerial-talks-in-Yokusuka-this-week/2510614',
    },
  },
  {
    seq: 4,
    at: tokyo('2025-11-27', '18:00'),
    change: {
      type: 'status',
      from: 'not-started',
      to: 'done',
      note:
        'The committee holds its 14th meeting, the first since 2009, at Japan’s Foreign Ministry in Tokyo; the two delegations compare their policies on AI, quantum, space and biotechnology and how to work together on them. ' +
        'https://www.mofa.go.kr/www/brd/m_4080/view.do?seq=376698',
    },
  },
  {
    seq: 1,
    at: tokyo('2026-01-13', '18:00'),
    change: {
      type: 'occurrence',
      occurrence: {
        date: '2026-01-13',
        place: 'Nara',
        text:
          'President Lee visits Nara, Prime Minister Takaichi’s home prefecture, for two days; summit talks and a joint press appearance on the first day. ' +
          'https://japannews.yomiuri.co.jp/politics/politics-government/20260113-303786/',
      },
    },
  },
  {
    seq: 1,
    at: tokyo('2026-01-20', '12:00'),
    change: {
      type: 'note',
      text:
        'President Lee tells his cabinet he would like the next summit to be held in his hometown, Andong, and asks officials to look at venues; no date is given. ' +
        'https://www.nippon.com/en/news/yjj2026012000905/next-japan-s-korea-summit-may-be-held-in-lee%27s-hometown.html',
    },
  },
  {
    seq: 3,
    at: tokyo('2026-01-30', '18:00'),
    change: {
      type: 'note',
      text:
        'Defence ministers Koizumi and Ahn meet at Yokosuka: a visit each year from now on, more exchanges between their forces, joint search-and-rescue drills resumed, talks on AI, unmanned systems and space; their joint statement repeats the aim of a fully denuclearized Korean Peninsula. ' +
        'https://www.nippon.com/en/news/yjj2026013000865/japan-s-korea-defense-chiefs-agree-on-mutual-visits.html',
    },
  },
];
