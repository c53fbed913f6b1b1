import { AskSchema, type Ask } from '#shared/domain/check-ins';
import { CommitmentSchema, LIMITS, STATUSES, TrackSchema, type Commitment, type Status, type Track } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';

/**
 * A track and its items with the longest people's text each field allows, in Japanese and
 * Korean (with the characters Slack reads as markup among them: & < > * _ ~ `), so every
 * rendering shows its chrome beside text at its longest and its truncation is exercised.
 * Each piece goes through the domain's own schemas, so nothing here is longer than a person
 * could store. Issue 26's every-surface test renders it in each language.
 */

/** The day the fixture is rendered on: Wednesday 25 March 2026, 10:00 in Tokyo. */
export const FIXTURE_NOW = new Date('2026-03-25T01:00:00Z');
export const FIXTURE_TEAM = 'T0LONGEST';
export const FIXTURE_TZ = 'Asia/Tokyo';

/** `length` characters of `seed` repeated, with `<&>*_~`` among them, cut exactly at `length`. */
export function longText(seed: string, length: number): string {
  const unit = `${seed}<&>*_~\``;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Several lines of it, as a note or a detail may have, `length` characters in all. */
export function longLines(seed: string, length: number): string {
  const line = `${longText(seed, 119)}\n`;
  return line.repeat(Math.ceil(length / line.length)).slice(0, length).trimEnd().padEnd(length, '。');
}

const JA = '日韓首脳会談フォローアップ、外務省と防衛省の協議';
const KO = '한일 정상회담 후속 조치, 외교부와 국방부 협의';

/** The longest slug (40) and prefix (6 letters): JKABCD-999999 is the longest id. */
export const FIXTURE_SLUG = 'nikkan-shunou-kaidan-busan-follow-ups-26';
const PREFIX = 'JKABCD';

/** People who own items or are asked about them, as Slack ids. */
export const FIXTURE_PEOPLE = { owner: 'U0HANAKO', editor: 'U0MINJUN', paused: 'U0KENJI' } as const;

export function longestTrack(): Track {
  return TrackSchema.parse({
    teamId: FIXTURE_TEAM,
    slug: FIXTURE_SLUG,
    title: longText(JA, 150),
    // The most parties a track may have, each named at its longest.
    parties: Array.from({ length: 20 }, (_, i) => ({ code: `P${String.fromCharCode(65 + i)}ABCDEF`, name: longText(i % 2 ? KO : JA, 80) })),
    timeZone: FIXTURE_TZ,
    idPrefix: PREFIX,
    members: { [FIXTURE_PEOPLE.owner]: 'owner', [FIXTURE_PEOPLE.editor]: 'editor', S0GROUPS: 'viewer' },
    visibility: 'private',
    channels: ['C0LINKED'],
    meetings: Array.from({ length: 50 }, (_, i) => ({ name: longText(i % 2 ? KO : JA, 200), date: '2025-09-30', place: longText(i % 2 ? '부산' : '釜山', 100) })),
    fiscalYearStart: 4,
    checkIns: { beforeDueDays: [60, 30, 14, 7, 1], escalateAfterDays: 3 },
    version: 7,
    createdAt: '2025-09-30T00:00:00.000Z',
    createdBy: FIXTURE_PEOPLE.owner,
  });
}

/** One item of each shape: every status, kind and flag, closed, archived, moved, assessed, with every text at its longest. */
export function longestItems(): Commitment[] {
  const track = longestTrack();
  const shapes: { status: Status; kind: Commitment['kind']; archived?: boolean; closed?: boolean; moved?: boolean }[] = [
    { status: 'in-progress', kind: { type: 'one-off', due: '2026-03-01' }, moved: true }, // overdue
    { status: 'not-started', kind: { type: 'one-off', due: '2026-03-27' } }, // due soon
    { status: 'stalled', kind: { type: 'ongoing', updateEveryDays: 7 } }, // quiet
    {
      status: 'in-progress',
      kind: {
        type: 'recurring',
        every: { count: 1, unit: 'years' },
        occurrences: Array.from({ length: 200 }, (_, i) => ({ date: new Date(Date.UTC(2025, 9, 1) + i * 86_400_000).toISOString().slice(0, 10), place: longText(KO, 100), text: longLines(KO, 500) })),
      },
    },
    { status: 'done', kind: { type: 'one-off', due: '2026-02-01' }, closed: true },
    { status: 'dropped', kind: { type: 'one-off' }, closed: true },
    { status: 'in-progress', kind: { type: 'one-off', due: '2026-06-30' }, archived: true },
  ];
  const items: Commitment[] = [];
  // Enough of them for three pages of the report.
  for (let n = 0; n < 24; n++) {
    const shape = shapes[n % shapes.length]!;
    const seed = n % 2 ? KO : JA;
    items.push(
      CommitmentSchema.parse({
        teamId: FIXTURE_TEAM,
        track: FIXTURE_SLUG,
        id: `${PREFIX}-${999_976 + n}`,
        seq: 999_976 + n,
        title: longText(seed, LIMITS.titleChars),
        detail: longLines(seed, LIMITS.detailChars),
        parties: track.parties.map((p) => p.code),
        owners: Array.from({ length: 10 }, (_, i) => (i < 2 ? { label: longText(seed, 100), slackUserId: i ? FIXTURE_PEOPLE.editor : FIXTURE_PEOPLE.owner } : { label: longText(seed, 100) })),
        source: { meeting: longText(seed, 200), date: '2025-09-30', place: longText(seed, 100), link: `https://example.org/${'a'.repeat(480)}`, point: longText(seed, 100) },
        kind: shape.kind,
        status: shape.status,
        notes: Array.from({ length: LIMITS.notesKept }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), by: i % 2 ? 'seed' : FIXTURE_PEOPLE.owner, text: longLines(seed, LIMITS.noteChars) })),
        compliance: Object.fromEntries(track.parties.map((p, i) => [p.code, { score: ((i % 3) - 1) as -1 | 0 | 1, note: longLines(seed, LIMITS.noteChars), date: '2026-01-20', by: FIXTURE_PEOPLE.owner }])),
        ...(shape.moved ? { moved: { times: 12, from: '2025-12-31' } } : {}),
        ...(shape.archived ? { archived: { at: '2026-03-01T00:00:00.000Z', by: FIXTURE_PEOPLE.owner, reason: longLines(seed, LIMITS.noteChars) } } : {}),
        ...(shape.closed ? { closed: { at: '2026-03-02T00:00:00.000Z', by: FIXTURE_PEOPLE.editor, note: longLines(seed, LIMITS.noteChars) } } : {}),
        snoozedUntil: '2026-04-30',
        version: 42,
        createdAt: '2025-09-30T00:00:00.000Z',
        createdBy: FIXTURE_PEOPLE.owner,
        // The quiet one has not moved for months; the rest were touched a day ago.
        updatedAt: shape.status === 'stalled' ? '2025-10-01T00:00:00.000Z' : '2026-03-24T00:00:00.000Z',
        updatedBy: FIXTURE_PEOPLE.owner,
      }),
    );
  }
  return items;
}

/** Each owner's check-ins: one unanswered past the track's escalation days, one awaiting, one paused. */
export function longestAsks(items: readonly Commitment[]): Ask[] {
  return items.flatMap((item, i) => [
    AskSchema.parse({ teamId: FIXTURE_TEAM, track: FIXTURE_SLUG, commitmentId: item.id, userId: FIXTURE_PEOPLE.owner, askedOn: '2026-03-20', askedAt: i % 2 ? '2026-03-20T00:00:00.000Z' : '2026-03-24T00:00:00.000Z', reason: 'overdue' }),
    AskSchema.parse({ teamId: FIXTURE_TEAM, track: FIXTURE_SLUG, commitmentId: item.id, userId: FIXTURE_PEOPLE.paused, paused: { reason: i % 2 ? 'private-track' : 'no-role', on: '2026-03-24' } }),
  ]);
}

export function longestReport(): Report {
  const commitments = longestItems();
  return { track: longestTrack(), commitments, asks: longestAsks(commitments) };
}

/** Every status the fixture's items have, for a check that it covers them all. */
export const FIXTURE_STATUSES: readonly Status[] = STATUSES;
