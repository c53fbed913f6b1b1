import { parseNaturalDate } from '#shared/dates/natural';
import { ForbiddenError, InvalidInputError, NotFoundError, TrackNotFoundError } from '#shared/errors';
import { parseOwners } from '#shared/domain/changes';
import { takesDueDate, type NamedKind } from '#shared/domain/kind';
import type { Actor, Change, Commitment, ComplianceScore, Source, CommitmentDraft, HistoryEntry, Kind, LocalDate, Status, TeamId, Track, TrackSummary } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';
import type { Store } from '#shared/store/store';
import type { SubscriptionStore } from '#shared/store/subscriptions';

export interface Deps {
  store: Store;
  subscriptions: SubscriptionStore;
}

/** Who is asking, and when. */
export interface Caller {
  teamId: TeamId;
  userId: Actor;
  now: Date;
}

/** A track's settings, or the same not-found answer as a report. */
export function getTrack(deps: Deps, teamId: TeamId, slug: string): Promise<Track> {
  return withTrackSuggestions(deps, teamId, slug, () => deps.store.getTrack(teamId, slug));
}

/** A track's report; an unknown slug is answered with the workspace's tracks and the closest one. */
export function getReport(deps: Deps, teamId: TeamId, slug: string): Promise<Report> {
  return withTrackSuggestions(deps, teamId, slug, () => deps.store.getReport(teamId, slug));
}

/**
 * Runs `work` on a track; if the track does not exist, the not-found error lists the
 * workspace's tracks and the closest slug, so a typo gets an answer that fixes it.
 */
export async function withTrackSuggestions<T>(deps: Deps, teamId: TeamId, slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TrackNotFoundError && error.slug === slug) throw await unknownTrack(deps, teamId, slug);
    throw error;
  }
}

async function unknownTrack(deps: Deps, teamId: TeamId, slug: string): Promise<NotFoundError> {
  const tracks = await deps.store.listTracks(teamId);
  const guess = closest(slug, tracks.map((t) => t.slug));
  const known = tracks.length > 0 ? ` Tracks here: ${tracks.map((t) => t.slug).join(', ')}.` : ' There are no tracks yet.';
  return new NotFoundError(`There is no track called "${slug}".${guess ? ` Did you mean ${guess}?` : ''}${known}`);
}

export function listTracks(deps: Deps, teamId: TeamId): Promise<TrackSummary[]> {
  return deps.store.listTracks(teamId);
}

export function getHistory(deps: Deps, teamId: TeamId, id: string): Promise<HistoryEntry[]> {
  return deps.store.getHistory(teamId, id);
}

/**
 * Adds a commitment from the command's fields.
 * 1. Read the track (for its zone, parties and editors). 2. Resolve the due date in the
 * track's zone. 3. Check the caller may edit and the request is not a replay. 4. Create.
 */
export async function addCommitment(
  deps: Deps,
  caller: Caller,
  input: {
    track: string;
    title: string;
    detail?: string;
    dueText?: string;
    due?: LocalDate;
    owners?: string[];
    ownerIds?: string[];
    kind?: NamedKind;
    /** Where it was agreed, when not the track's latest meeting (e.g. a Slack message). */
    source?: Source;
  },
): Promise<{ item: Commitment; track: Track }> {
  const track = await getTrack(deps, caller.teamId, input.track);
  const due = input.due ?? (input.dueText ? resolveDate(input.dueText, track, caller.now) : undefined);
  const kind: Kind =
    input.kind?.type === 'recurring'
      ? { type: 'recurring', ...(input.kind.every ? { every: input.kind.every } : {}), occurrences: [] }
      : input.kind?.type === 'ongoing'
        ? { type: 'ongoing', updateEveryDays: input.kind.updateEveryDays }
        : { type: 'one-off', ...(due ? { due } : {}) };
  if (due && !takesDueDate(kind.type)) throw new InvalidInputError('Only one-off items take a due date.', `/commitments add ${track.slug} "title" due <date>`, { field: 'due' });
  const meeting = track.meetings.at(-1);
  const draft: CommitmentDraft = {
    title: input.title,
    ...(input.detail ? { detail: input.detail } : {}),
    parties: track.parties.map((p) => p.code),
    owners: [...parseOwners((input.owners ?? []).join(',')), ...(input.ownerIds ?? []).map((id) => ({ label: `<@${id}>`, slackUserId: id }))],
    source: input.source ?? (meeting
      ? { meeting: meeting.name, date: meeting.date, ...(meeting.place ? { place: meeting.place } : {}) }
      : { meeting: 'Added in Slack', date: localDateOf(caller.now, track) }),
    kind,
    status: 'not-started',
  };
  guardWrite(caller, track);
  const item = await deps.store.createCommitment(caller.teamId, track.slug, draft, caller.userId, caller.now);
  return { item, track };
}

/** What a person can do to an existing item from a command, a button or a modal. */
export type ItemAction =
  | { type: 'status'; status: Status; note?: string }
  | { type: 'note'; text: string }
  | { type: 'log'; dateText?: string; date?: LocalDate; place?: string; text?: string }
  | { type: 'assess'; party: string; score: ComplianceScore; note?: string };

/**
 * Applies one action to an item.
 * 1. Read the item and its track. 2. Turn the action into a change (dates resolved in the
 * track's zone). 3. Check the caller may edit and the request is not a replay. 4. Save,
 * guarded by the version read in step 1 (or the one the modal showed).
 */
export async function changeItem(
  deps: Deps,
  caller: Caller,
  id: string,
  action: ItemAction,
  expectedVersion?: number,
): Promise<{ before: Commitment; after: Commitment; track: Track; change: Change }> {
  const { item, track } = await deps.store.getCommitmentWithTrack(caller.teamId, id);
  const change = toChange(item, track, action, caller.now);
  guardWrite(caller, track);
  const { before, after } = await deps.store.saveChange(item, change, caller.userId, caller.now, expectedVersion);
  return { before, after, track, change };
}

function toChange(item: Commitment, track: Track, action: ItemAction, now: Date): Change {
  switch (action.type) {
    case 'status':
      if (action.status === item.status && !action.note) {
        throw new InvalidInputError(`${item.id} is already ${action.status}.`, `/commitments note ${item.id} "text"`);
      }
      return action.status === item.status
        ? { type: 'note', text: action.note! }
        : { type: 'status', from: item.status, to: action.status, ...(action.note ? { note: action.note } : {}) };
    case 'note':
      return { type: 'note', text: action.text };
    case 'log': {
      if (item.kind.type !== 'recurring') {
        throw new InvalidInputError(`${item.id} is ${item.kind.type}: only recurring items log occurrences.`, `/commitments note ${item.id} "text"`);
      }
      const date = action.date ?? resolveDate(action.dateText ?? '', track, now, 'past');
      return { type: 'occurrence', occurrence: { date, ...(action.place ? { place: action.place } : {}), ...(action.text ? { text: action.text } : {}) } };
    }
    case 'assess': {
      const from = item.compliance[action.party]?.score;
      return {
        type: 'assessment',
        party: action.party,
        ...(from === undefined ? {} : { from }),
        to: action.score,
        date: localDateOf(now, track),
        ...(action.note ? { note: action.note } : {}),
      };
    }
  }
}

/**
 * Creates a track; its id prefix defaults to the initials of the slug's words (`japan-korea` → JK).
 */
export async function addTrack(
  deps: Deps,
  caller: Caller,
  input: { slug: string; title: string; parties: string[]; timeZone: string; prefix?: string },
): Promise<Track> {
  const prefix = input.prefix?.toUpperCase() ?? input.slug.split('-').map((w) => w[0]?.toUpperCase() ?? '').join('').replace(/[^A-Z]/g, '').slice(0, 6);
  return deps.store.createTrack({
    teamId: caller.teamId,
    slug: input.slug,
    title: input.title,
    parties: input.parties.map((code) => ({ code: code.toUpperCase(), name: code.toUpperCase() })),
    timeZone: input.timeZone,
    idPrefix: prefix || 'X',
    // Whoever creates a track owns it.
    members: { [caller.userId]: 'owner' },
    meetings: [],
    createdAt: caller.now.toISOString(),
    createdBy: caller.userId,
  });
}

/** Refuses callers outside a track's owners and editors, when it has any. */
export function guardWrite(caller: Caller, track: Pick<Track, 'members' | 'slug'>): void {
  const editors = Object.entries(track.members).filter(([, role]) => role !== 'viewer').map(([id]) => id);
  if (editors.length > 0 && !editors.includes(caller.userId)) {
    throw new ForbiddenError(`Only the editors of ${track.slug} can change it: ${editors.map((e) => `<@${e}>`).join(', ')}.`);
  }
}

export function resolveDate(text: string, track: Pick<Track, 'timeZone'>, now: Date, prefer: 'future' | 'past' = 'future'): LocalDate {
  const date = parseNaturalDate(text, { now, timeZone: track.timeZone, prefer });
  if (!date) {
    throw new InvalidInputError(`"${text}" is not a date I can read.`, 'a date like 2026-03-31, "next friday", "end of march" or "in 2 weeks"');
  }
  return date;
}

function localDateOf(now: Date, track: Pick<Track, 'timeZone'>): LocalDate {
  return resolveDate('today', track, now);
}

/** The candidate within a small edit distance of `word`, if any. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= Math.max(2, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
