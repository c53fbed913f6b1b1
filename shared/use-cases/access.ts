import { authorize, groupsOf, mayChangeOwnSettings, mayWriteAnywhere, standingOf, type Access, type Need } from '#shared/domain/access';
import type { AfterAnswerJob } from '#shared/domain/after-answer';
import type { AppManager } from '#shared/domain/app-manager';
import { DEFAULT_LOCALE, resolveLocale, type Locale } from '#shared/domain/locale';
import { LOOKUPS_PER_REQUEST, MEMBERS_PER_TRACK } from '#shared/domain/bounds';
import { groupListing, type GroupListing } from '#shared/domain/people-events';
import { displayNameOf, FRESHNESS, lookupAsOf, personFromSlack, recordAge, type GroupRecord, type Person, zoneOf } from '#shared/domain/person';
import type { PeopleStore } from '#shared/store/people';
import type { HttpSend } from '#shared/http';
import type { Commitment, TeamId, TrackAccess } from '#shared/domain/schemas';
import { ForbiddenError, TrackNotFoundError } from '#shared/errors';
import type { MessageKey } from '#shared/i18n/en';
import { spoken, type MessageValues } from '#shared/i18n/translator';
import { createSlackWeb, type SlackReply, type SlackTrouble } from '#shared/slack/web-api';

/** A workspace's user group: its handle and who is in it. */
export interface UserGroup {
  id: string;
  handle: string;
  users: readonly string[];
}

/** Who people are: their records, kept from Slack's lookups and events, and Slack where a record will not do. */
export interface Directory {
  /**
   * The person as their record has them; a missing record, or one older than `maxAgeMs`
   * (a week unless said), is looked up in Slack first, within a bounded wait.
   */
  person(teamId: TeamId, userId: string, options?: PersonOptions): Promise<Person>;
  /**
   * Many people named in one request: every record read in one batch, Slack asked only about
   * those with none (or one older than `maxAgeMs`), at most {@link LOOKUPS_PER_REQUEST} of them;
   * with more, those are looked up and the request is refused, to be sent again.
   */
  people(teamId: TeamId, userIds: readonly string[], options?: Pick<PersonOptions, 'maxAgeMs'>): Promise<ReadonlyMap<string, Person>>;
  /**
   * The groups among `groupIds` that exist and are enabled, from their records, which age as a
   * person's: a missing one, or one older than `maxAgeMs` (a week unless said), is asked of
   * Slack first, within a bounded wait; one past a day serves and is refreshed after the answer.
   */
  groups(teamId: TeamId, groupIds: readonly string[], options?: Pick<PersonOptions, 'maxAgeMs'>): Promise<ReadonlyMap<string, UserGroup>>;
  /** The enabled groups among `groupIds` as Slack lists them now (a group made a minute ago is found), every member; their records are kept. */
  userGroups(teamId: TeamId, groupIds: readonly string[]): Promise<ReadonlyMap<string, UserGroup>>;
  /** Lists the groups in Slack and keeps the records of `groupIds`: the work left for after an answer. */
  refreshGroups(teamId: TeamId, groupIds: readonly string[]): Promise<void>;
  /** The names of those of `userIds` who have a record (nobody is looked up in Slack for a name). */
  names(teamId: TeamId, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Looks a person up in Slack and keeps what it says: the work left for after an answer. */
  refresh(teamId: TeamId, userId: string): Promise<Person>;
  /** The caller's record and the team's app manager record, read in one request (`null`: none). */
  caller(teamId: TeamId, userId: string): Promise<CallerRecords>;
  /** The team's app manager record alone, when many people's standing is decided at once. */
  manager(teamId: TeamId): Promise<AppManager | null>;
  /** Writes the app manager record (an admin named or cleared them). */
  setManager(record: AppManager): Promise<void>;
  /** Keeps the language a person chose (`me language`); none: their Slack's again. `false`: they have no record. */
  setLanguage(teamId: TeamId, userId: string, language: Locale | undefined): Promise<boolean>;
}

/** What a request's standing is decided on: the caller's person record and the app manager record. */
export interface CallerRecords {
  person: Person | null;
  manager: AppManager | null;
}

export interface PersonOptions {
  /** How old a record may be to answer without asking Slack first; a week unless said. */
  maxAgeMs?: number;
  /** The record as the request has already read it (`null`: there is none), so it is not read again. */
  known?: Person | null;
}

/** Raised when Slack cannot say who someone is: every check fails closed on it. */
export class DirectoryError extends ForbiddenError {}

/** Slack answered the lookup, and what it said will not change on a retry (an error such as `user_not_found`, or an unreadable user). */
export function isDefiniteRefusal(error: unknown): boolean {
  const trouble = error instanceof DirectoryError ? error.say?.values?.['trouble'] : undefined;
  return trouble === 'refused' || trouble === 'unreadable';
}

/** A DirectoryError in the catalogs' words: English as its message, its key to say it in the person's language. */
function directoryError(key: MessageKey, values: MessageValues): DirectoryError {
  const { text, say } = spoken(key, values);
  return new DirectoryError(text, { say });
}

/** How long an answer waits for Slack to say who someone is before it says Slack is slow (the answer itself is due within 1.5 s). */
export const LOOKUP_WAIT_MS = 1200;

/** How long a lookup may take once nobody waits for it (after the answer, in a job). */
export const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * A Directory over person and group records, with `users.info` and `usergroups.list` (the
 * team's bot token) where a record is missing or too old. Nothing is kept in memory past a
 * request, so a demotion written by an event applies to the next request on every container.
 * A record past {@link FRESHNESS.serveMs} still serves, and `later` refreshes it after the answer;
 * a lookup Slack is slow to answer is refused within `waitMs` (and by the request's `deadline`,
 * which all its lookups share) and carried on after the answer.
 */
export function createPeopleDirectory(options: {
  people: PeopleStore;
  apiUrl: string;
  /** The bot token that may read this team's users. */
  token: (teamId: TeamId) => Promise<string>;
  clock: () => Date;
  /** Leaves a job for after the current request's answer. */
  later: (job: AfterAnswerJob) => void;
  waitMs?: number;
  /** When (`performance.now()`) the request being answered stops waiting on Slack, whatever it still has to ask; none: each lookup waits `waitMs`. */
  deadline?: () => number | undefined;
  http?: HttpSend;
}): Directory {
  const { people, clock } = options;
  // One request may ask in turn (its caller, then the people it names, then its groups): together they wait until its
  // deadline (a job's is far off: nobody waits on it); without one, each waits `waitMs`.
  const waitLeft = () => {
    const until = options.deadline?.();
    return Math.max(0, Math.floor(until === undefined ? (options.waitMs ?? LOOKUP_WAIT_MS) : until - performance.now()));
  };
  // Lookups (and group listings, by team) under way in this process, so the job carrying one on after an answer does not ask twice.
  const underway = new Map<string, Promise<Person>>();
  const listing = new Map<TeamId, Promise<GroupListing>>();

  const web = async (teamId: TeamId) =>
    createSlackWeb({ apiUrl: options.apiUrl, token: await options.token(teamId), ...(options.http ? { http: options.http } : {}) });

  async function lookUp(teamId: TeamId, userId: string): Promise<Person> {
    const asked = clock();
    const reply = await (await web(teamId)).call('users.info', { user: userId, include_locale: true }, { timeoutMs: LOOKUP_TIMEOUT_MS });
    const person = reply.kind === 'ok' ? personFromSlack(teamId, userId, reply.body.user, asked, clock()) : undefined;
    if (!person) {
      throw directoryError('directory.unknown', { whom: 'person', who: `<@${userId}>`, ...whyUnanswered(reply) });
    }
    // An event newer than the question may have been written meanwhile: that one stands.
    if (await people.save(person)) return person;
    return (await people.get(teamId, userId)) ?? person;
  }

  function lookUpOnce(teamId: TeamId, userId: string): Promise<Person> {
    const key = `${teamId}#${userId}`;
    const running = underway.get(key);
    if (running) return running;
    const started = lookUp(teamId, userId).finally(() => underway.delete(key));
    underway.set(key, started);
    return started;
  }

  async function listGroups(teamId: TeamId, timeoutMs: number): Promise<GroupListing> {
    const asked = lookupAsOf(clock());
    const reply = await (await web(teamId)).call('usergroups.list', { include_users: true, include_disabled: true }, { timeoutMs });
    if (reply.kind !== 'ok' || !Array.isArray(reply.body.usergroups)) {
      throw directoryError('directory.unknown', { whom: 'groups', ...whyUnanswered(reply) });
    }
    return groupListing(reply.body.usergroups, asked);
  }

  function listGroupsOnce(teamId: TeamId): Promise<GroupListing> {
    const running = listing.get(teamId);
    if (running) return running;
    const started = listGroups(teamId, LOOKUP_TIMEOUT_MS).finally(() => listing.delete(teamId));
    listing.set(teamId, started);
    return started;
  }

  /** The records of `groupIds` after one listing: as written, or as an event newer than the listing left them. */
  async function refreshRecords(teamId: TeamId, groupIds: readonly string[]): Promise<Map<string, GroupRecord>> {
    await people.saveListedGroups(teamId, groupIds, await listGroupsOnce(teamId), clock().toISOString());
    return people.getGroups(teamId, groupIds);
  }

  const person: Directory['person'] = async (teamId, userId, { maxAgeMs = FRESHNESS.staleMs, known } = {}) => {
    const record = known === undefined ? await people.get(teamId, userId) : (known ?? undefined);
    const age = recordAge(record, clock(), maxAgeMs);
    if (record && (age === 'fresh' || age === 'stale')) {
      if (age === 'stale') options.later(lookUpLater(teamId, userId));
      return record;
    }
    const lookup = lookUpOnce(teamId, userId);
    const slow = await withinWait(lookup, waitLeft());
    if (slow) {
      options.later(lookUpLater(teamId, userId));
      throw directoryError('directory.slow', { whom: 'person', who: `<@${userId}>` });
    }
    return lookup;
  };

  return {
    person,
    async people(teamId, userIds, { maxAgeMs = FRESHNESS.staleMs } = {}) {
      const named = [...new Set(userIds)];
      const records = named.length > 0 ? await people.getMany(teamId, named) : new Map<string, Person>();
      const found = new Map<string, Person>();
      const unknown: string[] = [];
      for (const userId of named) {
        const record = records.get(userId);
        const age = recordAge(record, clock(), maxAgeMs);
        if (record && (age === 'fresh' || age === 'stale')) found.set(userId, record);
        else unknown.push(userId);
      }
      const asked = unknown.slice(0, LOOKUPS_PER_REQUEST);
      const answers = await Promise.allSettled(asked.map((userId) => person(teamId, userId, { maxAgeMs, known: null })));
      const failed = answers.find((answer) => answer.status === 'rejected');
      if (failed) throw failed.reason;
      if (unknown.length > asked.length) {
        throw directoryError('directory.tooManyUnknown', { unknown: unknown.length, max: LOOKUPS_PER_REQUEST, asked: asked.length });
      }
      answers.forEach((answer, i) => answer.status === 'fulfilled' && found.set(asked[i]!, answer.value));
      // Records past a day serve as they are; a few are refreshed after the answer, within the same bound.
      const stale = named.filter((userId) => found.has(userId) && recordAge(found.get(userId), clock(), maxAgeMs) === 'stale');
      for (const userId of stale.slice(0, LOOKUPS_PER_REQUEST - asked.length)) options.later(lookUpLater(teamId, userId));
      return found;
    },
    async groups(teamId, groupIds, { maxAgeMs = FRESHNESS.staleMs } = {}) {
      const named = [...new Set(groupIds)];
      const records = named.length > 0 ? await people.getGroups(teamId, named) : new Map<string, GroupRecord>();
      const age = (groupId: string) => recordAge(records.get(groupId), clock(), maxAgeMs);
      const due = named.filter((groupId) => age(groupId) !== 'fresh');
      if (due.every((groupId) => age(groupId) === 'stale')) {
        // Records past a day serve as they are, and are refreshed after the answer.
        if (due.length > 0) options.later(groupsLater(teamId, due));
        return enabledGroups(records.values());
      }
      // One call lists every group: whatever is not fresh is refreshed with it.
      const refresh = refreshRecords(teamId, due);
      if (await withinWait(refresh, waitLeft())) {
        options.later(groupsLater(teamId, due));
        throw directoryError('directory.slow', { whom: 'groups' });
      }
      const refreshed = await refresh;
      return enabledGroups(named.flatMap((groupId) => refreshed.get(groupId) ?? records.get(groupId) ?? []));
    },
    async userGroups(teamId, groupIds) {
      const listed = await listGroups(teamId, Math.max(1, waitLeft()));
      const found = new Map(
        groupIds.flatMap((groupId) => {
          const group = listed.groups.get(groupId);
          return group && !group.disabled ? [[groupId, { id: groupId, handle: group.handle, users: group.users }] as const] : [];
        }),
      );
      // The groups about to be given a role: the track's next request finds their records.
      await people.saveListedGroups(teamId, [...found.keys()], listed, clock().toISOString());
      return found;
    },
    async refreshGroups(teamId, groupIds) {
      await refreshRecords(teamId, groupIds);
    },
    async names(teamId, userIds) {
      const found = await people.getMany(teamId, userIds);
      return new Map([...found].flatMap(([id, person]) => {
        const name = displayNameOf(person.user);
        return name ? [[id, name] as const] : [];
      }));
    },
    refresh: lookUpOnce,
    caller: (teamId, userId) => people.getWithManager(teamId, userId),
    manager: (teamId) => people.getManager(teamId),
    setManager: (record) => people.setManager(record),
    setLanguage: (teamId, userId, language) => people.setLanguage(teamId, userId, language),
  };
}

/** The job that looks a person up after the answer (the directory's own token: the team id is all it needs). */
function lookUpLater(teamId: TeamId, userId: string): AfterAnswerJob {
  return { kind: 'person', team: { id: teamId, enterpriseInstall: false }, userId };
}

/** The job that lists the user groups after the answer and keeps the records of these (as many as a job carries). */
function groupsLater(teamId: TeamId, groupIds: readonly string[]): AfterAnswerJob {
  return { kind: 'groups', team: { id: teamId, enterpriseInstall: false }, groupIds: groupIds.slice(0, MEMBERS_PER_TRACK) };
}

/** The enabled groups among `records`, as a request uses them. */
function enabledGroups(records: Iterable<GroupRecord>): Map<string, UserGroup> {
  return new Map([...records].filter((group) => !group.disabled).map((group) => [group.groupId, { id: group.groupId, handle: group.handle, users: group.users }]));
}

/** `true` when `work` has not settled within `waitMs`; its failure within the wait is thrown. */
async function withinWait(work: Promise<unknown>, waitMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), waitMs);
  });
  try {
    return await Promise.race([work.then(() => false), late]);
  } finally {
    clearTimeout(timer);
    // Settles after the answer; its outcome is the job's business then.
    work.catch(() => undefined);
  }
}

/** Why a lookup got no answer it could use: `trouble` picks the words of each language, `reason` is how English (and the log) says it, Slack's code when Slack refused. */
function whyUnanswered(reply: SlackReply): { trouble: SlackTrouble | 'refused' | 'rate_limited'; reason: string } {
  if (reply.kind === 'ok') return { trouble: 'unreadable', reason: 'unreadable answer' };
  if (reply.kind === 'error') return { trouble: 'refused', reason: reply.error };
  if (reply.kind === 'rate-limited') return { trouble: 'rate_limited', reason: 'rate limited' };
  return { trouble: reply.trouble, reason: reply.reason };
}

/**
 * Who is asking, where, from their record (Slack where it will not do: see `Directory.person`)
 * and the app manager record; `known` and `manager` as the request has already read them, else
 * both are read in one request. A Slack error refuses.
 */
export async function loadAccess(
  deps: { directory: Directory },
  input: { teamId: TeamId; userId: string; channelId?: string | undefined; manager?: AppManager | null } & PersonOptions,
): Promise<Access> {
  const { maxAgeMs } = input;
  const read: CallerRecords =
    input.known !== undefined && input.manager !== undefined ? { person: input.known, manager: input.manager } : await deps.directory.caller(input.teamId, input.userId);
  const person = await deps.directory.person(input.teamId, input.userId, { ...(maxAgeMs !== undefined ? { maxAgeMs } : {}), known: read.person });
  const appManagerId = read.manager?.userId;
  return {
    userId: input.userId,
    standing: standingOf(person.user, input.teamId, appManagerId),
    asOf: person.asOf,
    locale: resolveLocale(person),
    timeZone: zoneOf(person.user),
    ...(appManagerId !== undefined ? { appManagerId } : {}),
    ...(input.channelId ? { channelId: input.channelId } : {}),
  };
}

/**
 * The language a person is answered in when nothing else of theirs is read (a command that
 * cannot be parsed): from their record, or Slack for someone new; English when neither says.
 */
export async function languageOf(deps: { directory: Directory }, teamId: TeamId, userId: string): Promise<Locale> {
  try {
    return resolveLocale(await deps.directory.person(teamId, userId));
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * `access` with the caller's user groups when a group's role may decide it: only then are the
 * groups' records read (Slack asked for any without one, or too old), and a Slack error refuses.
 * To `manage`, as with the caller's own record, none may be over an hour old.
 */
export async function withGroups(directory: Directory, teamId: TeamId, access: Access, tracks: readonly TrackAccess[], need: Need = 'read'): Promise<Access> {
  // A role of one's own comes before any group's (see `authorize`): only the other tracks' groups decide.
  const deciding = [...new Set(tracks.flatMap((track) => (track.members[access.userId] === undefined ? groupsOf(track) : [])))];
  if (access.groups || access.standing === 'admin' || deciding.length === 0) return access;
  const groups = await directory.groups(teamId, deciding, need === 'manage' ? { maxAgeMs: FRESHNESS.manageMs } : {});
  const mine = new Set([...groups.values()].filter((group) => group.users.includes(access.userId)).map((group) => group.id));
  return { ...access, groups: mine };
}

/**
 * Throws unless `access` may do `need` with `track`: a track the person may not see is
 * answered exactly as a missing one; one they see but may not change, with the reason.
 */
export function requireAccess(access: Access, track: TrackAccess & { slug: string }, need: Need, item?: Pick<Commitment, 'owners'>): void {
  const verdict = authorize(access, track, need, item);
  if (verdict.allowed) return;
  throw verdict.hidden ? new TrackNotFoundError(track.slug) : new ForbiddenError(verdict.reason, { say: verdict.say });
}

/** Throws unless the person may keep settings of their own here (everyone but people from other organisations). */
export function requireSelf(access: Access): void {
  const verdict = mayChangeOwnSettings(access);
  if (!verdict.allowed) throw new ForbiddenError(verdict.reason, { say: verdict.say });
}

/** Throws unless the person may write at all (guests and strangers never do). */
export function requireWriter(access: Access): void {
  const verdict = mayWriteAnywhere(access);
  if (!verdict.allowed) throw new ForbiddenError(verdict.reason, { say: verdict.say });
}

/** Whether `access` may change `track`'s items: forms list only those. */
export function canWrite(access: Access, track: TrackAccess & { slug: string }): boolean {
  return authorize(access, track, 'write').allowed;
}

/** Whether `access` may see `track`: lists, Home, digests and suggestions leave the rest out. */
export function canRead(access: Access, track: TrackAccess & { slug: string }): boolean {
  return authorize(access, track, 'read').allowed;
}
