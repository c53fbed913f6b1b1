import type { CommitmentDraft, TrackInput } from '#shared/domain/schemas';

/**
 * The first data set: the follow-ups agreed at the Japan–South Korea summit in Busan on
 * 30 September 2025, in our own words, each with its source.
 */
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
