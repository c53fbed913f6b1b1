import { addLocalDays, existedFrom } from '#shared/dates/flags';
import { EN, spoken, type Translator } from '#shared/i18n/translator';
import { readNaturalDate } from '#shared/dates/natural';
import { dueDateBounds, implausibleDueSpoken } from '#shared/dates/plausible';
import { selectKey } from '#shared/format/text';
import { escape } from '#shared/slack/render/format';
import { notDrawnByUs } from '#shared/slack/render/commitment';
import { ConflictError, InvalidInputError, NotFoundError, TrackNotFoundError, type Say } from '#shared/errors';
import { authorize, visibleInChannel, type Access, type CommandNeed, type Need } from '#shared/domain/access';
import { FRESHNESS, type Person } from '#shared/domain/person';
import { canRead, loadAccess, requireAccess, requireSelf, requireWriter, withGroups, type CallerRecords, type Directory } from '#shared/use-cases/access';
import type { AppManager } from '#shared/domain/app-manager';
import { formatOwners, parseOwners, refuseIfArchived } from '#shared/domain/changes';
import { takesDueDate, type NamedKind } from '#shared/domain/kind';
import { ADDED_IN_SLACK, CLOSED_STATUSES, CommitmentIdSchema, lineSchema, type TrackAccess, type Actor, type Change, type Commitment, type FieldChange, type Owner, type ComplianceScore, type Source, type CommitmentDraft, type HistoryEntry, type Kind, type LocalDate, type Status, type TeamId, type Track, type TrackSummary } from '#shared/domain/schemas';
import type { Report } from '#shared/domain/report';
import { requireOwnersCanRead } from '#shared/use-cases/owners';
import type { FormToken } from '#shared/store/params';
import { MissingItemError, PrefixTakenError, unknownPrefixError, type Store, type WithCaller } from '#shared/store/store';
import type { SubscriptionStore } from '#shared/store/subscriptions';
import type { PreferencesStore } from '#shared/store/preferences';

export interface Deps {
  store: Store;
  subscriptions: SubscriptionStore;
  /** People's own check-in preferences (`me`). */
  preferences: PreferencesStore;
  /** Who people are (their records, Slack where those will not do), for every access check. */
  directory: Directory;
}

/** Who is asking, when, and what they may see (their standing and the channel they are in). */
export interface Caller {
  teamId: TeamId;
  userId: Actor;
  now: Date;
  access: Access;
  /** What the command's access check has just read, so its use case does not read it again. */
  prefetched?: Prefetched;
}

/**
 * A track, report or item read by the access check a command passes, handed to the use case it
 * runs. Each is taken once: a second read in the same request (after a write, say) goes to the store.
 */
export class Prefetched {
  readonly #entries = new Map<string, { value: unknown } | { missing: NotFoundError }>();

  put(key: PrefetchKey, value: unknown): void {
    this.#entries.set(key, { value });
  }

  /** A read that found nothing: taking it throws what the read threw, so the check need not read again. */
  missing(key: PrefetchKey, error: NotFoundError): void {
    this.#entries.set(key, { missing: error });
  }

  take<T>(key: PrefetchKey): T | undefined {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (entry && 'missing' in entry) throw entry.missing;
    return entry?.value as T | undefined;
  }
}

type PrefetchKey = `track:${string}` | `report:${string}` | `item:${string}`;

/**
 * The caller of a request, with their standing from their person record (see `Directory.person`);
 * `known`: the record as the request has already read it (`null`: there is none). A Slack error refuses.
 */
export async function loadCaller(deps: Pick<Deps, 'directory'>, input: CallerInput & { known?: Person | null; manager?: AppManager | null }): Promise<Caller> {
  const access = await loadAccess(deps, input);
  return { teamId: input.teamId, userId: input.userId, now: input.now, access };
}

/**
 * The caller's access for `need`: changing who may use a track is decided on a standing at
 * most an hour old, else Slack is asked first; everything else on the one the request read.
 */
async function accessFor(deps: Pick<Deps, 'directory'>, caller: Caller, need: Need): Promise<Access> {
  const { access } = caller;
  if (need !== 'manage' || (access.asOf !== undefined && caller.now.getTime() - access.asOf <= FRESHNESS.manageMs)) return access;
  const fresh = await loadAccess(deps, { teamId: caller.teamId, userId: caller.userId, channelId: access.channelId, maxAgeMs: FRESHNESS.manageMs });
  return access.groups ? { ...fresh, groups: access.groups } : fresh;
}

/**
 * The caller's access to decide `track` with (undefined: no track by the name given), settled so
 * that what the caller may not see costs what a name no track uses does. A track they see on
 * their own standing and roles needs only its own groups (for what else `need` asks). Anything
 * else (hidden, missing, or seen only through a user group) is settled against the whole team:
 * one Query of its tracks, then one read of every group those name, the same requests whichever
 * it is; `visible` is then the tracks the caller sees, for the answer that names them.
 */
async function settle(deps: Deps, caller: Caller, access: Access, track: (TrackAccess & { slug: string }) | undefined, need: Need): Promise<{ access: Access; visible?: TrackSummary[] }> {
  if (track && canRead(access, track)) return { access: await withGroups(deps.directory, caller.teamId, access, [track], need) };
  const tracks = await deps.store.listTracks(caller.teamId);
  const settled = await withGroups(deps.directory, caller.teamId, access, tracks, need);
  return { access: settled, visible: tracks.filter((summary) => canRead(settled, summary)) };
}

/** The track by `slug`, as the request's first read found it (or the store does); undefined when there is none. */
async function trackNamed(deps: Deps, caller: Caller, slug: string): Promise<Track | undefined> {
  try {
    return caller.prefetched?.take<Track>(`track:${slug}`) ?? (await deps.store.getTrack(caller.teamId, slug));
  } catch (error) {
    if (error instanceof TrackNotFoundError) return undefined;
    throw error;
  }
}

/**
 * A track's settings if the caller may do `need` with it; one they may not see, or none, is
 * answered with the tracks they see and the closest slug (see {@link settle} for what it costs).
 * The caller's standing is settled first, whatever the slug names: a standing too old to manage
 * with is asked of Slack for a missing track too.
 */
export async function getTrack(deps: Deps, caller: Caller, slug: string, need: Need = 'read'): Promise<Track> {
  return (await checkedTrack(deps, caller, slug, need)).track;
}

/** {@link getTrack}, with the access it was decided on. */
async function checkedTrack(deps: Deps, caller: Caller, slug: string, need: Need): Promise<{ track: Track; access: Access }> {
  const access = await accessFor(deps, caller, need);
  const track = await trackNamed(deps, caller, slug);
  const settled = await settle(deps, caller, access, track, need);
  if (!track || !canRead(settled.access, track)) throw unknownTrack(slug, settled.visible ?? []);
  requireAccess(settled.access, track, need);
  return { track, access: settled.access };
}

/**
 * Whether every change to the track's items would refuse this person (a viewer, a guest, a
 * member with no role on a track that has owners): what is drawn for them alone then carries
 * no buttons that only refuse. Decided on the access the read was settled with, so the user
 * groups that decide it have been read.
 */
function readOnlyFor(access: Access, track: TrackAccess & { slug: string }): boolean {
  return !authorize(access, track, 'write').allowed;
}

/**
 * A track's report, if the caller may do `need` with it (a report's own check, or the one the
 * request passed); answered as {@link getTrack} answers a track they may not see. The track's
 * record is checked before any of its items is read, so a hidden track costs what a missing one does.
 */
export async function getReport(deps: Deps, caller: Caller, slug: string, need: Need = 'read'): Promise<Report> {
  const prefetched = caller.prefetched?.take<Report>(`report:${slug}`);
  if (prefetched) return prefetched;
  const { track, access } = await checkedTrack(deps, caller, slug, need);
  return { ...(await deps.store.getReportOf(track)), readOnly: readOnlyFor(access, track) };
}

/**
 * A report to post in a channel for everyone there: refused for a private track in a channel
 * not linked to it, whose people may not see it.
 */
export async function getSharedReport(deps: Deps, caller: Caller, slug: string, channelId: string): Promise<Report> {
  const report = await getReport(deps, caller, slug);
  if (!visibleInChannel(report.track, channelId)) {
    const { text, say } = spoken('report.sharePrivate', { track: report.track.slug });
    throw new InvalidInputError(text, undefined, { say });
  }
  return report;
}

/**
 * An item and its track if the caller may do `need` with them. To someone who may not see the
 * track, its ids (the item's or a missing one's) are answered as a prefix no track uses.
 */
export async function getItem(deps: Deps, caller: Caller, id: string, need: Need): Promise<ItemRead> {
  // Commands check their ids and the app draws only good ones: anything else is forged, and reads nothing.
  if (!CommitmentIdSchema.safeParse(id).success) throw notDrawnByUs();
  let found: { item: Commitment; track: Track } | undefined;
  let missing: NotFoundError | undefined;
  try {
    found = caller.prefetched?.take<{ item: Commitment; track: Track }>(`item:${id}`) ?? (await deps.store.getCommitmentWithTrack(caller.teamId, id));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    missing = error;
  }
  // A missing item of a track: its track decides how it is answered; an unknown prefix has none.
  const track = found?.track ?? (missing instanceof MissingItemError ? missing.track : undefined);
  const { access } = await settle(deps, caller, caller.access, track, need);
  if (!track || !canRead(access, track)) throw unknownPrefixError(id);
  if (!found) throw missing!;
  requireAccess(access, found.track, need, found.item);
  return { item: found.item, track: found.track, readOnly: readOnlyFor(access, found.track) };
}

/** An item and its track as read for one person; `readOnly`: they may not change it (see `readOnlyFor`). */
export interface ItemRead {
  item: Commitment;
  track: Track;
  readOnly: boolean;
}

/** What a command's arguments touch: a track by slug (or its whole report, when that is what it reads), or an item by id. */
export type CommandTarget = { track: string } | { report: string } | { item: string };

/**
 * The check every command passes before it runs: `need` on the track or item it names, or, for
 * one that names none and writes (a new track), that the caller may write at all.
 */
export async function authorizeTarget(deps: Deps, caller: Caller, need: CommandNeed, target: CommandTarget | undefined): Promise<Prefetched> {
  const prefetched = new Prefetched();
  if (need === 'self') {
    // A command about the caller alone touches no track.
    requireSelf(caller.access);
  } else if (!target) {
    if (need !== 'read') requireWriter(caller.access);
  } else if ('item' in target) {
    prefetched.put(`item:${target.item}`, await getItem(deps, caller, target.item, need));
  } else if ('report' in target) {
    prefetched.put(`report:${target.report}`, await getReport(deps, caller, target.report, need));
  } else {
    prefetched.put(`track:${target.track}`, await getTrack(deps, caller, target.track, need));
  }
  return prefetched;
}

/** Who sends a request, before their record is read: the ids Slack gave and when it came. */
export interface CallerInput {
  teamId: TeamId;
  userId: string;
  channelId?: string | undefined;
  now: Date;
}

/**
 * The caller and what their command targets, read together: an item with its track, or a track
 * (a report's too: its items wait for the check), in one BatchGetItem with the caller's and the
 * app manager's records. A command that names neither reads the records alone.
 */
export async function readCallerAndTarget(deps: Deps, input: CallerInput, target: CommandTarget | undefined): Promise<{ caller: Caller; read: Prefetched }> {
  let records: CallerRecords | undefined;
  const read = await readTarget(deps, input.teamId, target, { person: input.userId, onPerson: (found) => (records = found) });
  return { caller: await loadCaller(deps, { ...input, ...(records ? { known: records.person, manager: records.manager } : {}) }), read };
}

/**
 * Reads what a command targets without deciding anything, so the read can run beside the
 * caller's; `authorizeTarget` then checks it. A report's target is its track alone: its items
 * are read once the check has passed. What is not found is kept as such, so the check answers
 * it without a second read (a hidden track and a missing one cost the same); any other failed
 * read leaves nothing, and the check reads again to give its own answer.
 */
async function readTarget(deps: Deps, teamId: TeamId, target: CommandTarget | undefined, withCaller: WithCaller): Promise<Prefetched> {
  const read = new Prefetched();
  if (!target) return read;
  const key: PrefetchKey = 'item' in target ? `item:${target.item}` : `track:${'report' in target ? target.report : target.track}`;
  try {
    if ('item' in target) read.put(key, await deps.store.getCommitmentWithTrack(teamId, target.item, withCaller));
    else read.put(key, await deps.store.getTrack(teamId, 'report' in target ? target.report : target.track, withCaller));
  } catch (error) {
    if (error instanceof NotFoundError) read.missing(key, error);
  }
  return read;
}

/**
 * Runs `work` on a track; if the track does not exist (or the caller may not see it), the
 * not-found error lists the tracks the caller sees and the closest slug, so a typo gets an
 * answer that fixes it and a private track's name never shows.
 */
export async function withTrackSuggestions<T>(deps: Deps, caller: Caller, slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TrackNotFoundError && error.slug === slug) throw unknownTrack(slug, await listTracks(deps, caller));
    throw error;
  }
}

/** No track `slug` the caller may see: said with the tracks they see (`visible`) and the closest slug. */
function unknownTrack(slug: string, visible: readonly TrackSummary[]): NotFoundError {
  const guess = closest(slug, visible.map((t) => t.slug));
  const { text, say } = spoken('track.unknown', { track: slug, guess: guess ?? 'none', tracks: visible.length > 0 ? visible.map((t) => t.slug).join(', ') : 'none' });
  return new NotFoundError(text, { say });
}

/** The tracks the caller may see, with counts, and of each whether they may change its items (`readOnlyFor`). */
export async function listTracks(deps: Deps, caller: Caller): Promise<(TrackSummary & { readOnly: boolean })[]> {
  const tracks = await deps.store.listTracks(caller.teamId);
  const access = await withGroups(deps.directory, caller.teamId, caller.access, tracks);
  return tracks.filter((track) => canRead(access, track)).map((track) => ({ ...track, readOnly: readOnlyFor(access, track) }));
}

/** An item, its track and its history; the history is read only once the item may be, so a hidden item costs what a missing one does. */
export async function getHistory(deps: Deps, caller: Caller, id: string): Promise<ItemRead & { history: HistoryEntry[] }> {
  const found = await getItem(deps, caller, id, 'read');
  return { ...found, history: await deps.store.getHistory(caller.teamId, id) };
}

/**
 * Adds a commitment from the command's fields.
 * 1. Read the track (for its zone and parties) if the caller may change it. 2. Resolve the
 * due date in the track's zone. 3. Create.
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
    /** What the person gave as its source (a Slack message's link); without one, "added in Slack by" the caller. */
    source?: Source;
    /** A source typed with `add … source`: a link, a name, or both, given today. */
    given?: { link?: string; name?: string };
    /** The add form's client token: a re-submission of that form creates nothing more. */
    clientToken?: string;
  },
): Promise<{ item: Commitment; track: Track }> {
  const track = await getTrack(deps, caller, input.track, 'write');
  const due = input.due ?? (input.dueText ? resolveDate(input.dueText, track, caller.now) : undefined);
  if (due) refuseImplausibleDue(due, track, caller.now, `/commitments add ${track.slug} "title" due <date>`);
  const kind: Kind =
    input.kind?.type === 'recurring'
      ? { type: 'recurring', ...(input.kind.every ? { every: input.kind.every } : {}), occurrences: [] }
      : input.kind?.type === 'ongoing'
        ? { type: 'ongoing', updateEveryDays: input.kind.updateEveryDays }
        : { type: 'one-off', ...(due ? { due } : {}) };
  if (due && !takesDueDate(kind.type)) throw refusal(spoken('add.onlyOneOffDue'), `/commitments add ${track.slug} "title" due <date>`, 'due');
  const draft: CommitmentDraft = {
    title: input.title,
    ...(input.detail ? { detail: input.detail } : {}),
    parties: track.parties.map((p) => p.code),
    owners: [...parseOwners((input.owners ?? []).join(',')), ...(input.ownerIds ?? []).map((id) => ({ label: `<@${id}>`, slackUserId: id }))],
    // The track's meeting is the source only of items taken from it (seed, import).
    source: input.source ?? givenSource(input.given, localDateOf(caller.now, track), caller.userId),
    kind,
    status: 'not-started',
  };
  await requireOwnersCanRead(deps, caller.teamId, track, draft.owners ?? []);
  const once = formToken(caller, input.clientToken);
  const item = await deps.store.createCommitment(caller.teamId, track.slug, draft, caller.userId, caller.now, { track, ...(once ? { once } : {}) });
  return { item, track };
}

/** What a person can do to an existing item from a command, a button or a modal. */
export type ItemAction =
  | { type: 'status'; status: Status; note?: string }
  | { type: 'note'; text: string }
  | { type: 'log'; dateText?: string; date?: LocalDate; place?: string; text?: string }
  /** `dateText`: the day the score speaks for ("as of"), today when left out; never a day ahead. */
  | { type: 'assess'; party: string; score: ComplianceScore; note?: string; dateText?: string }
  | { type: 'unlog'; dateText: string }
  | { type: 'archive'; reason?: string }
  | { type: 'unarchive' }
  /** A done or dropped item's Reopen button: back to in progress; anything else was not drawn by the app. */
  | { type: 'reopen' }
  /** A check-in's Snooze: no check-in before `until`, a day within the next year. */
  | { type: 'snooze'; until: LocalDate }
  /** A check-in's Not mine: the Slack user `from` hands their place among the owners to `to`. */
  | { type: 'reassign'; from: string; to: string; note?: string }
  | ItemEdit;

/** New values for an item's fields; what is left out or equal to the item stays as it is. */
export interface ItemEdit {
  type: 'edit';
  title?: string;
  dueText?: string;
  due?: LocalDate;
  /** As `add` reads them: `<@U123>` mentions and names. */
  owners?: string[];
  parties?: string[];
  reason?: string;
}

/**
 * Applies one action to an item.
 * 1. Read the item and its track if the caller may change them. 2. Turn the action into a
 * change (dates resolved in the track's zone). 3. Save, guarded by the version read in
 * step 1 (or the one the modal showed).
 */
export async function changeItem(
  deps: Deps,
  caller: Caller,
  id: string,
  action: ItemAction,
  expectedVersion?: number,
  need: Need = 'write',
): Promise<{ before: Commitment; after: Commitment; track: Track; change: Change }> {
  const { item, track } = await getItem(deps, caller, id, need);
  const change = toChange(item, track, action, caller.now);
  await requireOwnersCanRead(deps, caller.teamId, track, ownersGiven(action), { current: item.owners, field: action.type === 'reassign' ? 'owner' : 'owners', id: item.id });
  const { before, after } = await deps.store.saveChange(item, change, caller.userId, caller.now, expectedVersion, track);
  return { before, after, track, change };
}

function toChange(item: Commitment, track: Track, action: ItemAction, now: Date): Change {
  refuseIfArchived(item, action.type);
  switch (action.type) {
    case 'reopen':
      // Drawn only on a closed item, at the version it showed: an open one at that version means a forged press.
      if (!CLOSED_STATUSES.has(item.status)) throw notDrawnByUs();
      return { type: 'status', from: item.status, to: 'in-progress' };
    case 'status':
      if (action.status === item.status && !action.note) {
        throw refusal(spoken('change.alreadyStatus', { id: item.id, status: selectKey(action.status) }), `/commitments note ${item.id} "text"`);
      }
      return action.status === item.status
        ? { type: 'note', text: action.note! }
        : { type: 'status', from: item.status, to: action.status, ...(action.note ? { note: action.note } : {}) };
    case 'note':
      return { type: 'note', text: action.text };
    case 'log': {
      if (item.kind.type !== 'recurring') {
        throw refusal(spoken('log.notRecurring', { id: item.id, kind: selectKey(item.kind.type) }), `/commitments note ${item.id} "text"`);
      }
      const date = action.date ?? resolveDate(action.dateText ?? '', track, now, 'past');
      if (date > localDateOf(now, track)) {
        throw refusal(spoken('log.notYet', { date: { date }, id: item.id }));
      }
      // As for a score: nothing of the item happened before it existed.
      const first = existedFrom(item, track.timeZone);
      if (date < first) throw refusal(spoken('log.beforeItem', { id: item.id, first: { date: first }, date: { date } }));
      return { type: 'occurrence', occurrence: { date, ...(action.place ? { place: action.place } : {}), ...(action.text ? { text: action.text } : {}) } };
    }
    case 'unlog': {
      if (item.kind.type !== 'recurring') {
        throw refusal(spoken('unlog.notRecurring', { id: item.id, kind: selectKey(item.kind.type) }), `/commitments show ${item.id}`);
      }
      const date = resolveDate(action.dateText, track, now, 'past');
      // The latest logged on that day: the likeliest mistake.
      const occurrence = item.kind.occurrences.findLast((o) => o.date === date);
      if (!occurrence) {
        const logged = item.kind.occurrences.map((o) => o.date).slice(-10);
        const values = { id: item.id, date: { date }, logged: logged.length > 0 ? 'yes' : 'none', dates: { dates: logged } };
        throw refusal(spoken('unlog.noSuch', values), `/commitments history ${item.id}`);
      }
      return { type: 'unlog', occurrence };
    }
    case 'archive':
      return { type: 'archive', ...(action.reason ? { reason: action.reason } : {}) };
    case 'unarchive':
      return { type: 'unarchive' };
    case 'snooze':
      return toSnooze(item, track, action.until, now);
    case 'reassign':
      return toReassign(item, action);
    case 'assess':
      return toAssessment(item, track, action, now);
    case 'edit':
      return toEditChange(item, track, action, now);
  }
}

/** A party's score as of a day that has come: `from` is the score it replaces, if it is the latest. */
function toAssessment(item: Commitment, track: Track, action: Extract<ItemAction, { type: 'assess' }>, now: Date): Change {
  const today = localDateOf(now, track);
  const date = action.dateText === undefined ? today : resolveDate(action.dateText, track, now, 'past');
  if (date > today) {
    throw refusal(spoken('assess.notYet', { date: { date } }), `/commitments assess ${item.id} ${action.party} <-1|0|+1> as of <date>`, 'date');
  }
  const first = existedFrom(item, track.timeZone);
  if (date < first) {
    throw refusal(spoken('assess.beforeItem', { id: item.id, first: { date: first }, date: { date } }), `/commitments assess ${item.id} ${action.party} <-1|0|+1> as of <date>`, 'date');
  }
  const current = item.compliance[action.party];
  const from = current && current.date <= date ? current.score : undefined;
  return {
    type: 'assessment',
    party: action.party,
    ...(from === undefined ? {} : { from }),
    to: action.score,
    date,
    ...(action.note ? { note: action.note } : {}),
  };
}

/** Snoozing check-ins lasts at least a day and at most a year. */
const SNOOZE_MAX_DAYS = 365;

function toSnooze(item: Commitment, track: Track, until: LocalDate, now: Date): Change {
  const today = localDateOf(now, track);
  if (until <= today) {
    throw refusal(spoken('change.snoozeNotAfterToday', { date: { date: until }, when: until === today ? 'today' : 'past' }), undefined, 'until');
  }
  if (until > addLocalDays(today, SNOOZE_MAX_DAYS)) {
    throw refusal(spoken('change.snoozeTooFar', { date: { date: until } }), undefined, 'until');
  }
  return { type: 'snooze', until };
}

/** The owners an action names: the one a check-in hands the item to, or an edit's list. */
function ownersGiven(action: ItemAction): Owner[] {
  if (action.type === 'reassign') return [{ label: `<@${action.to}>`, slackUserId: action.to }];
  return action.type === 'edit' && action.owners !== undefined ? parseOwners(action.owners.join(',')) : [];
}

/** One owner replaced by another in place, as a `field` change of the owners. */
function toReassign(item: Commitment, action: Extract<ItemAction, { type: 'reassign' }>): Change {
  if (action.to === action.from) throw refusal(spoken('change.reassignSelf', { id: item.id }), undefined, 'owner');
  if (!item.owners.some((o) => o.slackUserId === action.from)) {
    throw refusal(spoken('change.reassignNotOwner', { from: `<@${action.from}>`, id: item.id }), `/commitments edit ${item.id} owner @someone`, 'owner');
  }
  if (item.owners.some((o) => o.slackUserId === action.to)) throw refusal(spoken('change.reassignAlready', { to: `<@${action.to}>`, id: item.id }), undefined, 'owner');
  const owners = item.owners.map((o) => (o.slackUserId === action.from ? { label: `<@${action.to}>`, slackUserId: action.to } : o));
  return { type: 'field', field: 'owners', from: formatOwners(item.owners), to: formatOwners(owners), ...(action.note ? { note: action.note } : {}) };
}

/**
 * The field changes an edit makes, as one change: 1. compare each given field with the item,
 * 2. refuse an edit that changes nothing, 3. one field is a `field` change, more a `fields` one.
 */
function toEditChange(item: Commitment, track: Track, edit: ItemEdit, now: Date): Change {
  const change = toFieldsChange(edit, editFieldChanges(item, track, edit, now));
  if (!change) throw refusal(spoken('change.sameAsBefore', { id: item.id }), `/commitments edit ${item.id} due|owner|title|parties <value>`);
  return change;
}

/** One field change as a `field` change, more as one `fields` change, none as nothing; the reason rides along. */
function toFieldsChange(edit: ItemEdit, changes: FieldChange[]): Change | undefined {
  const note = edit.reason ? { note: edit.reason } : {};
  const [only] = changes;
  if (!only) return undefined;
  return changes.length === 1 ? { ...only, ...note } : { type: 'fields', changes, ...note };
}

/** The fields an edit gives that differ from the item's; a value that cannot be used is refused. */
function editFieldChanges(item: Commitment, track: Track, edit: ItemEdit, now: Date): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: FieldChange['field'], from: string | undefined, to: string) => {
    if (from !== to) changes.push({ type: 'field', field, ...(from ? { from } : {}), to });
  };
  if (edit.title !== undefined) {
    // As it would be stored (invisible marks gone, one line), so a title that only looks new is seen as the same, and an empty one refused before anything is written.
    const title = lineSchema().parse(edit.title);
    if (!title.trim()) throw refusal(spoken('change.titleEmpty'), undefined, 'title');
    add('title', item.title, title);
  }
  const due = edit.due ?? (edit.dueText === undefined ? undefined : resolveDate(edit.dueText, track, now));
  if (due !== undefined) {
    if (!takesDueDate(item.kind.type)) throw refusal(spoken('change.noDueDate', { id: item.id, kind: selectKey(item.kind.type) }), undefined, 'due');
    const before = item.kind.type === 'one-off' ? item.kind.due : undefined;
    // Only a new date is checked: a form sends the old one back unchanged.
    if (due !== before) refuseImplausibleDue(due, track, now, `/commitments edit ${item.id} due <date>`);
    add('due', before, due);
  }
  if (edit.owners !== undefined) {
    const owners = keepLabels(item.owners, parseOwners(edit.owners.join(',')));
    if (owners.length > 10) throw refusal(spoken('change.tooManyOwners', { max: 10, count: owners.length }), undefined, 'owners');
    if (!sameOwners(item.owners, owners)) add('owners', formatOwners(item.owners), formatOwners(owners));
  }
  if (edit.parties !== undefined) {
    const known = track.parties.map((p) => p.code);
    const parties = [...new Set(edit.parties.map((p) => p.toUpperCase()))];
    const unknown = parties.filter((p) => !known.includes(p));
    if (unknown.length > 0) throw refusal(spoken('change.notParties', { unknown: unknown.join(', '), count: unknown.length, track: track.slug, known: known.join(', ') }), undefined, 'parties');
    if (parties.length === 0) throw refusal(spoken('change.partyNeeded'), undefined, 'parties');
    add('parties', item.parties.join(', ') || undefined, parties.join(', '));
  }
  return changes;
}

/** What the Edit form asks for: new field values, or archiving the item, and occurrences to remove. */
export interface EditFormAction extends Omit<ItemEdit, 'type'> {
  archive: boolean;
  /** Places in the item's occurrence list, as the form showed it. */
  unlog: number[];
}

/**
 * Saves an Edit form.
 * 1. Read the item if the caller may change it; refuse it if it changed since the form opened,
 * or is archived. 2. Archive on its own (refused beside other changes, the reason as its reason),
 * or remove each ticked occurrence and then save the field changes. 3. Save those changes in one
 * transaction, each with its history entry, guarded by the version read.
 */
export async function saveEditForm(
  deps: Deps,
  caller: Caller,
  id: string,
  form: EditFormAction,
  expectedVersion?: number,
): Promise<{ before: Commitment; after: Commitment; track: Track; changes: Change[] }> {
  const { item, track } = await getItem(deps, caller, id, 'write');
  // Checked first, so a stale form is told so rather than judged against fields it never showed.
  if (expectedVersion !== undefined && item.version !== expectedVersion) throw staleFormError(item.id);
  refuseIfArchived(item, form.archive ? 'archive' : 'edit');
  const { archive, unlog, ...edit } = form;
  const fields = editFieldChanges(item, track, { type: 'edit', ...edit }, caller.now);
  let changes: Change[];
  if (archive) {
    if (fields.length > 0 || unlog.length > 0) throw refusal(spoken('change.archiveAlone'), undefined, 'archive');
    changes = [{ type: 'archive', ...(edit.reason ? { reason: edit.reason } : {}) }];
  } else {
    const edited = toFieldsChange({ type: 'edit', ...edit }, fields);
    changes = [...unlogChanges(item, unlog), ...(edited ? [edited] : [])];
  }
  if (changes.length === 0) throw refusal(spoken('change.sameAsBefore', { id: item.id }), `/commitments edit ${item.id} due|owner|title|parties <value>`);
  await requireOwnersCanRead(deps, caller.teamId, track, ownersGiven({ type: 'edit', ...edit }), { current: item.owners, id: item.id });
  // One transaction, each change with its history entry: a form saves all it was given or nothing.
  const { after } = await deps.store.saveChanges(item, changes, caller.userId, caller.now, item.version, track);
  return { before: item, after, track, changes };
}

function staleFormError(id: string): ConflictError {
  const { text, say } = spoken('change.staleForm', { id });
  return new ConflictError(text, { say });
}

/** The occurrences at the ticked places, as `unlog` changes. */
function unlogChanges(item: Commitment, places: number[]): Change[] {
  if (places.length === 0) return [];
  const occurrences = item.kind.type === 'recurring' ? item.kind.occurrences : [];
  return places.map((place) => {
    const occurrence = occurrences[place];
    if (!occurrence) throw refusal(spoken('change.noSuchOccurrence', { id: item.id }), undefined, 'unlog');
    return { type: 'unlog', occurrence };
  });
}

/** A Slack user already among the owners keeps the name they were shown by. */
function keepLabels(current: readonly Owner[], next: Owner[]): Owner[] {
  return next.map((owner) => current.find((c) => owner.slackUserId && c.slackUserId === owner.slackUserId) ?? owner);
}

function sameOwners(a: readonly Owner[], b: readonly Owner[]): boolean {
  const key = (o: Owner) => o.slackUserId ?? `name:${o.label}`;
  return a.length === b.length && a.every((o, i) => key(o) === key(b[i]!));
}

/**
 * Creates a track.
 * 1. Refuse a guest or a stranger. 2. Create it with the prefix given, or else the initials of the
 * slug's words (`japan-korea` → JK). 3. Initials already claimed (by any track, seen or not) give
 * way to the first free one of JKA, JKB, …: one read of their claims, then the create again.
 * A slug or a given prefix that is taken is refused in the same words whoever holds it.
 */
export async function addTrack(
  deps: Deps,
  caller: Caller,
  input: { slug: string; title: string; parties: string[]; timeZone: string; prefix?: string; fiscalYearStart?: number; clientToken?: string },
): Promise<Track> {
  requireWriter(caller.access);
  const create = (idPrefix: string) =>
    deps.store.createTrack({
      teamId: caller.teamId,
      slug: input.slug,
      title: input.title,
      parties: input.parties.map((code) => ({ code: code.toUpperCase(), name: code.toUpperCase() })),
      timeZone: input.timeZone,
      ...(input.fiscalYearStart ? { fiscalYearStart: input.fiscalYearStart } : {}),
      idPrefix,
      // Whoever creates a track owns it.
      members: { [caller.userId]: 'owner' },
      meetings: [],
      createdAt: caller.now.toISOString(),
      createdBy: caller.userId,
    }, formToken(caller, input.clientToken));
  if (input.prefix) return create(input.prefix.toUpperCase());
  const initials = initialsOf(input.slug);
  try {
    return await create(initials);
  } catch (error) {
    if (!(error instanceof PrefixTakenError)) throw error;
  }
  const [free] = await deps.store.freePrefixes(caller.teamId, prefixAlternatives(initials));
  if (!free) {
    const { text, say } = spoken('trackAdd.noFreePrefix', { initials, suggested: `${initials.slice(0, 4)}Q` });
    throw new InvalidInputError(text, undefined, { field: 'idPrefix', say });
  }
  return create(free);
}

/** What a new track's creator is told, in `t`'s language: its name, how its items are numbered, and why not by its initials when those were taken. */
export function createdTrackLine(track: Track, givenPrefix: string | undefined, t: Translator = EN): string {
  const initials = initialsOf(track.slug);
  const initialsTaken = !givenPrefix && track.idPrefix !== initials ? initials : 'none';
  return t.t('trackAdd.created', { slug: track.slug, title: escape(track.title), prefix: track.idPrefix, initialsTaken });
}

/** The id prefix a track gets when none is given: its slug's words' initials, letters only (X when there are none). */
export function initialsOf(slug: string): string {
  return slug.split('-').map((w) => w[0]?.toUpperCase() ?? '').join('').replace(/[^A-Z]/g, '').slice(0, 6) || 'X';
}

/** What the initials give way to when taken: a letter added (or the sixth replaced), A to Z. */
function prefixAlternatives(initials: string): string[] {
  const stem = initials.slice(0, 5);
  return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => `${stem}${letter}`).filter((prefix) => prefix !== initials);
}

/** How long a form's token is remembered: far longer than anyone waits before pressing Submit again. */
const FORM_TOKEN_MS = 24 * 60 * 60 * 1000;

function formToken(caller: Caller, clientToken: string | undefined): FormToken | undefined {
  return clientToken ? { token: clientToken, by: caller.userId, expiresAt: new Date(caller.now.getTime() + FORM_TOKEN_MS) } : undefined;
}

export function resolveDate(text: string, track: Pick<Track, 'timeZone' | 'fiscalYearStart'>, now: Date, prefer: 'future' | 'past' = 'future'): LocalDate {
  const reading = readNaturalDate(text, { now, timeZone: track.timeZone, prefer, ...(track.fiscalYearStart ? { fiscalYearStart: track.fiscalYearStart } : {}) });
  const hint = spoken('change.dateHint');
  if (reading.kind === 'ambiguous') {
    const { dayFirst, monthFirst } = reading;
    throw refusal(spoken('change.ambiguousDate', { dayFirst: { date: dayFirst }, monthFirst: { date: monthFirst }, isoDayFirst: dayFirst, isoMonthFirst: monthFirst }), hint);
  }
  if (reading.kind === 'wrongWeekday') throw refusal(spoken('change.wrongWeekday', { date: { date: reading.date }, weekday: reading.weekday, stated: reading.stated }), hint);
  if (reading.kind === 'unreadable') throw refusal(spoken('change.notADate', { text }), hint);
  return reading.date;
}

/** A due date no register would hold (years back, centuries ahead) is refused with the bounds. */
function refuseImplausibleDue(due: LocalDate, track: Track, now: Date, usage: string): void {
  const problem = implausibleDueSpoken(due, dueDateBounds(localDateOf(now, track), track.meetings.map((m) => m.date)));
  if (problem) throw refusal(problem, usage, 'due');
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

/** What the person typed as source (a name and/or link, dated today), or "Added in Slack by" them. */
function givenSource(given: { link?: string; name?: string } | undefined, today: LocalDate, by: string): Source {
  const link = given?.link ? { link: given.link } : {};
  return given?.name ? { meeting: given.name, date: today, ...link } : { meeting: ADDED_IN_SLACK, date: today, addedBy: by, ...link };
}

/** A refusal of input in the catalogs' words (`spoken`), with the form to use and the field it is about. */
function refusal(spoken: { text: string; say: Say }, hint?: string | { text: string; say: Say }, field?: string): InvalidInputError {
  const hinted = typeof hint === 'string' ? { hint } : { hint: hint?.text, hintSay: hint?.say };
  return new InvalidInputError(spoken.text, hinted.hint, { say: spoken.say, ...(hinted.hintSay ? { hintSay: hinted.hintSay } : {}), ...(field ? { field } : {}) });
}
