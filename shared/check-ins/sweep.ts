import { randomUUID } from 'node:crypto';
import { nextAsk } from '#shared/dates/check-ins';
import { checkInSlot, readAgainAt, startOfLocalDay } from '#shared/dates/check-in-times';
import { addLocalDays, localDate } from '#shared/dates/flags';
import { zonedTime } from '#shared/dates/schedule';
import type { CheckInEntry } from '#shared/domain/check-in-message';
import type { CheckInPreferences, OwnerBlock, Stop } from '#shared/domain/check-ins';
import type { CheckInDelivery } from '#shared/domain/delivery';
import { SlackUserSchema, groupsOf, mayChangeOwnSettings, standingOf, type Access, type SlackUser, type Standing } from '#shared/domain/access';
import { ownerBlock } from '#shared/domain/owner-access';
import { resolveLocale, type Locale } from '#shared/domain/locale';
import { lookupAsOf, personFromSlack, recordAge, zoneOf, type GroupRecord, type Person, type RecordAge } from '#shared/domain/person';
import { groupListing } from '#shared/domain/people-events';
import type { Commitment, LocalDate, TeamId, Track } from '#shared/domain/schemas';
import { countCheckInSent, countHandledError } from '#shared/observe/metrics';
import type { CheckInStore, DueAsk } from '#shared/store/check-ins';
import type { AskMark } from '#shared/store/check-in-params';
import type { PeopleStore } from '#shared/store/people';
import type { PreferencesStore } from '#shared/store/preferences';
import type { DeliveryStep } from '#shared/reminders/deliver';
import type { ChannelPacer } from '#shared/reminders/pacing';
import { callWithRetry, postOnce } from '#shared/reminders/post';
import { startSweep, type SweepClock, type SweepRuntime } from '#shared/reminders/sweep';
import { CHECK_IN_MAX_ITEMS, renderCheckIn } from '#shared/slack/render/check-in';
import type { SlackWeb } from '#shared/slack/web-api';
import { translatorFor, type Translator } from '#shared/i18n/translator';
import { askedDay, byUrgency, decideAsk } from '#shared/check-ins/decide';

/**
 * The check-in sweep: one direct message per owner and local day listing every item that needs
 * them, at their morning, exactly once (the same claim, metadata and look-first as digests; see
 * `shared/reminders/deliver.ts`). An owner is asked only while they may read the item's track
 * (their standing from their record, the track's roles and user groups from their records, no
 * channel); otherwise the ask is paused, with the reason, which the track's report shows, and
 * they are sent nothing about it.
 * Who an owner is (zone, deactivated, bot) and their DM channel come from their person record, so
 * once the bot knows them a check-in costs Slack one post; Slack is asked only for someone it has
 * no record of (or one past a week), and a record past a day is refreshed after the posts. User
 * group records age alike, with no Slack call before the posts: past a week a group gives nobody
 * a role, and any past a day is listed again after them.
 * Each message is in its owner's language, from the same record (their own choice, else their
 * Slack's); each language's catalog is loaded once per sweep, not per owner.
 */

export const CHECK_IN_EVENT_TYPE = 'commitments_check_in';

/** Test hook: throw from `at(step)` to simulate the process dying at that point. */
export interface CheckInFaults {
  at(step: DeliveryStep, owner: OwnerDay): void | Promise<void>;
}

/** One owner's one local day: what a check-in message is claimed for. */
export interface OwnerDay {
  teamId: TeamId;
  userId: string;
  date: LocalDate;
}

/** The zone where a day starts first (UTC+14): a day's check-in was posted after its midnight there, whatever zone it was posted for. */
const EARLIEST_ZONE = 'Etc/GMT-14';

/** How often a stopped person's asks are looked at again. */
const STOPPED_RECHECK_DAYS = 7;

/**
 * Slack answers that say this person cannot be messaged: their check-ins stop, with the reason.
 * (`account_inactive` is not one: it is about the bot's token, a deleted bot user or workspace.)
 */
export const STOPPING_ERRORS: ReadonlySet<string> = new Set(['user_not_found', 'cannot_dm_bot', 'user_disabled', 'user_is_bot']);

/** Slack answers to a post in a kept DM channel that say Slack no longer knows it there: the DM is opened again, once. */
const GONE_CHANNEL_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

export interface CheckInSweepDeps extends SweepRuntime {
  checkIns: CheckInStore;
  preferences: Pick<PreferencesStore, 'getMany' | 'stop'>;
  /** The owners' person records: who they are to Slack, and their DM channel; user groups' records, for who may read a track. */
  people: Pick<PeopleStore, 'getMany' | 'save' | 'setDmChannel' | 'getGroups' | 'getManager' | 'saveListedGroups'>;
  faults?: CheckInFaults;
}

export interface CheckInSweepInput {
  now: Date;
  remainingMs: () => number;
}

export interface CheckInSweepSummary {
  /** Asks read from the due index. */
  dueAsks: number;
  /** Owners those asks belong to. */
  owners: number;
  sent: number;
  /** Already sent today (found in the DM or recorded): the asks are recorded, nothing posted. */
  skippedAlreadySent: number;
  /** Not their check-in time yet: moved to it; not a day they are asked, or paused: to the start of their next day. */
  deferred: number;
  /** Owners whose due asks all turned out not due today (or never again): each moved to its true day. */
  notDue: number;
  /** Deactivated, a bot, or cannot be messaged: check-ins stopped with the reason. */
  stopped: number;
  failed: number;
  /** Held by another sweep, out of time, or Slack kept failing: due again for the next sweep. */
  leftForNextSweep: number;
  /** Owners looked up in Slack (`users.info`) before their check-in: no record of them, or one past a week. */
  lookedUp: number;
  /** Records past a day, served as they were and then refreshed from Slack after the posts. */
  refreshed: number;
  /** Kept DM channels Slack no longer knew: opened again for the post. */
  reopened: number;
  /** Asks not made because their owner may not read the item's track: paused with the reason, looked at again the next day. */
  paused: number;
}

type Outcome = 'sent' | 'skipped' | 'deferred' | 'not-due' | 'stopped' | 'failed' | 'left';

const TALLY: Record<Outcome, keyof CheckInSweepSummary> = {
  sent: 'sent',
  skipped: 'skippedAlreadySent',
  deferred: 'deferred',
  'not-due': 'notDue',
  stopped: 'stopped',
  failed: 'failed',
  left: 'leftForNextSweep',
};

interface SweepContext extends Omit<SweepClock, 'settings' | 'newPacer'> {
  deps: CheckInSweepDeps;
  summary: CheckInSweepSummary;
  /** A language's words, its catalog loaded on first use in this sweep. */
  translator(locale: Locale): Promise<Translator>;
}

/** An owner of due asks in one workspace, with what the sweep read of them. */
interface DueOwner {
  teamId: TeamId;
  userId: string;
  asks: DueAsk[];
  prefs: CheckInPreferences;
  /** Their person record, if the bot has one, and how it serves (see {@link recordAge}). */
  person: Person | undefined;
  age: RecordAge;
  /** The workspace's app manager, who reads every track as Slack's admins do. */
  appManagerId: string | undefined;
  slack: SlackWeb;
  pacer: ChannelPacer;
}

/** An owner whose check-in time has come today. */
interface ReadyOwner extends OwnerDay, Omit<DueOwner, 'person'> {
  timeZone: string;
  /** Their DM channel as their record keeps it: no `conversations.open` needed. */
  dmChannelId: string | undefined;
  /** Their standing in the workspace, which decides the tracks they may read. */
  standing: Standing;
  /** The language their check-in is written in. */
  locale: Locale;
}

/** A record served past {@link FRESHNESS.serveMs}: looked up again once the posts are out. */
type ToRefresh = Pick<DueOwner, 'teamId' | 'userId' | 'slack' | 'pacer'>;

/**
 * One check-in sweep, in steps:
 * 1. read the due asks (one Query per shard) and group them by workspace and owner;
 * 2. per workspace, in batches of owners whose asks fit one BatchGetItem: their preferences and
 *    person records, side by side (one BatchGetItem each); per owner, zone, deactivated and bot
 *    from the record, or from `users.info` (kept as their record) when there is none or it is
 *    past a week: deactivated or a bot → stopped, their asks put off and marked with the stop
 *    (which the report shows); before their check-in time
 *    today → their asks moved to it; not a day they are asked, or paused → to the start of their
 *    next day, read again then with their preferences as they then are;
 * 3. the items and tracks of the batch's owners whose time has come (one BatchGetItem);
 * 4. per owner, which asks are due today, by their date and the track's (the others move to the
 *    start of the owner's first day on which their true next date has begun in the track's zone), then one
 *    direct message listing them, claimed per (owner, local date), in the DM channel their record
 *    keeps (opened and kept the first time), and each ask recorded. A batch's owners are posted to
 *    as soon as its items are read, while the next batch is read: the first post waits for one
 *    batch, not the workspace;
 * 5. with the posts out, the records served past a day are looked up again and kept, and the
 *    user groups past a day listed again (one `usergroups.list` per workspace).
 * Runs in the time the invocation has left; what it cannot finish stays due, and a refresh that
 * fails or finds no time is only logged (the record serves up to a week).
 */
export async function runCheckInSweep(deps: CheckInSweepDeps, input: CheckInSweepInput): Promise<CheckInSweepSummary> {
  const { settings, newPacer, ...run } = startSweep(deps, input, 'check-ins');
  const summary: CheckInSweepSummary = {
    dueAsks: 0,
    owners: 0,
    sent: 0,
    skippedAlreadySent: 0,
    deferred: 0,
    notDue: 0,
    stopped: 0,
    failed: 0,
    leftForNextSweep: 0,
    lookedUp: 0,
    refreshed: 0,
    reopened: 0,
    paused: 0,
  };
  const translators = new Map<Locale, Promise<Translator>>();
  const translator = (locale: Locale) => {
    let found = translators.get(locale);
    if (!found) translators.set(locale, (found = translatorFor(locale)));
    return found;
  };
  const ctx: SweepContext = { ...run, deps, summary, translator };
  const { log } = ctx;
  const toRefresh: ToRefresh[] = [];
  const groupsToRefresh = new Map<TeamId, GroupsToRefresh>();
  const tally = (outcome: Outcome) => summary[TALLY[outcome]]++;

  const asks = await deps.checkIns.due(input.now, settings.pageSize);
  summary.dueAsks = asks.length;
  const byTeam = new Map<TeamId, Map<string, DueAsk[]>>();
  for (const ask of asks) {
    const owners = byTeam.get(ask.teamId) ?? new Map<string, DueAsk[]>();
    byTeam.set(ask.teamId, owners);
    const theirs = owners.get(ask.userId);
    if (theirs) theirs.push(ask);
    else owners.set(ask.userId, [ask]);
  }

  for (const [teamId, owners] of byTeam) {
    summary.owners += owners.size;
    if (ctx.budget.exhausted()) {
      summary.leftForNextSweep += owners.size;
      continue;
    }
    try {
      const slack = typeof deps.slack === 'function' ? await deps.slack(teamId) : deps.slack;
      if (!slack) {
        // Not installed (any more): look again tomorrow rather than every sweep.
        log.warn('check-ins of a workspace without an install put off a day', { teamId, owners: owners.size });
        await Promise.all([...owners.values()].flat().map((ask) => deps.checkIns.move(ask, new Date(input.now.getTime() + 86_400_000))));
        summary.leftForNextSweep += owners.size;
        continue;
      }
      const pacer = newPacer();
      const posts = new Handoff<Ready>();
      // Posting starts with the first batch's owners while the later batches are still read and prepared.
      const posting = Promise.all(
        Array.from({ length: settings.concurrency }, async () => {
          for (let next = await posts.take(); next; next = await posts.take()) {
            const { owner, items, tracks, groups } = next;
            if (ctx.budget.exhausted()) tally('left');
            else tally(await safely(ctx, owner, () => checkInOwner(ctx, owner, items, tracks, groups)));
          }
        }),
      );
      try {
        for (const batch of batchesOf([...owners])) {
          if (ctx.budget.exhausted()) summary.leftForNextSweep += batch.length;
          else await prepareBatch(ctx, { teamId, slack, pacer, batch, concurrency: settings.concurrency, tally, toRefresh, groupsToRefresh, post: (ready) => posts.give(ready) });
        }
      } finally {
        // Each batch handles its own failures; whatever else happens, the posts under way finish here.
        posts.close();
        await posting;
      }
    } catch (error) {
      // Like a crash for this workspace: its asks stay due for the next sweep.
      log.error('check-ins of a workspace failed', { teamId, error });
      countHandledError(error);
      summary.failed += owners.size;
    }
  }
  await refreshAfterPosts(ctx, toRefresh, settings.concurrency);
  await refreshGroupsAfterPosts(ctx, groupsToRefresh);
  return summary;
}

async function safely<T>(ctx: SweepContext, owner: { teamId: string; userId: string }, run: () => Promise<T>): Promise<T | 'failed'> {
  try {
    return await run();
  } catch (error) {
    ctx.log.error('check-in failed', { teamId: owner.teamId, userId: owner.userId, error });
    countHandledError(error);
    return 'failed';
  }
}

/** An owner whose time has come, with the items and tracks of their asks. */
interface Ready {
  owner: ReadyOwner;
  items: Map<string, Commitment>;
  tracks: Map<string, Track>;
  /** The records of the user groups those tracks give roles to. */
  groups: ReadonlyMap<string, GroupRecord>;
}

/** Keys one BatchGetItem takes: a batch of owners is as many as their asks and tracks fit in one. */
const BATCH_KEYS = 100;

/** The owners in batches whose asks and tracks make at most {@link BATCH_KEYS} keys (an owner with more is a batch alone). */
function batchesOf(owners: [string, DueAsk[]][]): [string, DueAsk[]][][] {
  const batches: [string, DueAsk[]][][] = [];
  let batch: [string, DueAsk[]][] = [];
  let items = 0;
  let tracks = new Set<string>();
  for (const owner of owners) {
    const more = new Set([...tracks, ...owner[1].map((ask) => ask.track)]);
    if (batch.length > 0 && items + owner[1].length + more.size > BATCH_KEYS) {
      batches.push(batch);
      batch = [];
      items = 0;
      tracks = new Set();
    }
    batch.push(owner);
    items += owner[1].length;
    owner[1].forEach((ask) => tracks.add(ask.track));
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * One batch of a workspace's owners: their preferences and person records side by side (one
 * BatchGetItem each), each owner prepared (see {@link prepareOwner}), then the items and tracks of
 * those whose time has come (one BatchGetItem), handed to `post`. A failed read leaves the batch's
 * asks due for the next sweep.
 */
async function prepareBatch(
  ctx: SweepContext,
  input: {
    teamId: TeamId;
    slack: SlackWeb;
    pacer: ChannelPacer;
    batch: [string, DueAsk[]][];
    concurrency: number;
    tally: (outcome: Outcome) => void;
    toRefresh: ToRefresh[];
    groupsToRefresh: Map<TeamId, GroupsToRefresh>;
    post: (ready: Ready) => void;
  },
): Promise<void> {
  const { deps } = ctx;
  const { teamId, slack, pacer, batch, tally } = input;
  const userIds = batch.map(([userId]) => userId);
  const ready: ReadyOwner[] = [];
  try {
    const [prefs, people, manager] = await Promise.all([deps.preferences.getMany(teamId, userIds), deps.people.getMany(teamId, userIds), deps.people.getManager(teamId)]);
    await pool(batch, input.concurrency, async ([userId, asks]) => {
      const person = people.get(userId);
      const owner: DueOwner = { teamId, userId, asks, prefs: prefs.get(userId)!, person, age: recordAge(person, ctx.clock()), appManagerId: manager?.userId, slack, pacer };
      const outcome = await safely(ctx, owner, () => prepareOwner(ctx, owner));
      if (owner.age === 'stale' && outcome !== 'stopped') input.toRefresh.push(owner);
      if (typeof outcome === 'string') tally(outcome);
      else ready.push(outcome);
    });
  } catch (error) {
    // Like a crash for these owners: their asks stay due for the next sweep.
    ctx.log.error('check-ins of a batch of owners failed', { teamId, owners: userIds.length, error });
    countHandledError(error);
    ctx.summary.failed += userIds.length;
    return;
  }
  if (ready.length === 0) return;
  try {
    const { items, tracks } = await deps.checkIns.itemsAndTracks(teamId, ready.flatMap((o) => o.asks));
    const groupIds = [...new Set([...tracks.values()].flatMap(groupsOf))];
    const groups = groupIds.length > 0 ? await usableGroups(ctx, { ...input, groupIds }) : new Map<string, GroupRecord>();
    for (const owner of ready) input.post({ owner, items, tracks, groups });
  } catch (error) {
    ctx.log.error('check-ins of a batch of owners failed', { teamId, owners: ready.length, error });
    countHandledError(error);
    ctx.summary.failed += ready.length;
  }
}

/** A workspace's user groups to list again once the posts are out, with its Slack client and pacing. */
interface GroupsToRefresh {
  slack: SlackWeb;
  pacer: ChannelPacer;
  groupIds: Set<string>;
}

/**
 * The records of the groups the batch's tracks name, as the sweep may use them: records only (no
 * Slack call before the posts), aged as a request ages them. One up to a week old serves; past a
 * week, or with none, the group gives nobody a role here (an ask that needs it is paused and
 * looked at again on the owner's next day). Every one not fresh is listed again after the posts.
 */
async function usableGroups(ctx: SweepContext, input: { teamId: TeamId; slack: SlackWeb; pacer: ChannelPacer; groupIds: string[]; groupsToRefresh: Map<TeamId, GroupsToRefresh> }): Promise<Map<string, GroupRecord>> {
  const records = await ctx.deps.people.getGroups(input.teamId, input.groupIds);
  const now = ctx.clock();
  const due = input.groupIds.filter((groupId) => recordAge(records.get(groupId), now) !== 'fresh');
  if (due.length > 0) {
    const entry = input.groupsToRefresh.get(input.teamId) ?? { slack: input.slack, pacer: input.pacer, groupIds: new Set<string>() };
    due.forEach((groupId) => entry.groupIds.add(groupId));
    input.groupsToRefresh.set(input.teamId, entry);
  }
  return new Map([...records].filter(([, record]) => recordAge(record, now) !== 'expired'));
}

/**
 * The group records past a day (or missing) that the sweep met, listed again once every post is
 * out, one `usergroups.list` per workspace in the time left: a failure is logged, and the next
 * sweep or request tries again.
 */
async function refreshGroupsAfterPosts(ctx: SweepContext, teams: Map<TeamId, GroupsToRefresh>): Promise<void> {
  for (const [teamId, { slack, pacer, groupIds }] of teams) {
    if (ctx.budget.exhausted()) return;
    try {
      const asked = lookupAsOf(ctx.clock());
      const reply = await callWithRetry({ ...ctx, slack, pacer }, 'usergroups.list', { include_users: true, include_disabled: true });
      if (reply.kind === 'ok' && Array.isArray(reply.body.usergroups)) {
        await ctx.deps.people.saveListedGroups(teamId, [...groupIds], groupListing(reply.body.usergroups, asked), ctx.clock().toISOString());
      } else {
        ctx.log.warn('user groups not refreshed', { teamId, reason: reply.kind === 'error' ? reply.error : reply.kind });
      }
    } catch (error) {
      ctx.log.warn('user groups not refreshed', { teamId, error });
    }
  }
}

/**
 * Who the owner is to Slack, and whether their check-in time has come today: deactivated or a
 * bot → stopped; before their time → asks moved to it; paused or not a day of theirs → to the
 * start of their next day.
 */
async function prepareOwner(ctx: SweepContext, owner: DueOwner): Promise<ReadyOwner | Outcome> {
  const { deps } = ctx;
  if (owner.prefs.stopped) return putOffStopped(ctx, owner.asks, owner.prefs.stopped);
  const known: Known | Outcome =
    owner.person && (owner.age === 'fresh' || owner.age === 'stale') ? { user: owner.person.user, dmChannelId: owner.person.dmChannelId, locale: owner.person.locale } : await lookUp(ctx, owner);
  if (typeof known === 'string') return known;
  const { user, dmChannelId } = known;
  // Their own choice (`me language`), which Slack's lookups never change, over what Slack says.
  const locale = resolveLocale({ locale: known.locale, language: owner.person?.language });
  if (user?.deleted) return stop(ctx, owner, 'deactivated');
  if (user?.is_bot) return stop(ctx, owner, 'bot');
  // A zone the runtime does not know counts as none: the owner is asked on UTC time rather than never.
  const timeZone = zoneOf(user);
  const now = ctx.clock();
  const today = localDate(now, timeZone);
  const slot = checkInSlot(owner.prefs, timeZone, today);
  if (slot.date !== today || now < slot.at) {
    // Not a day of theirs (or paused): read again at the start of their next day, which sees their preferences as they then are.
    const at = slot.date === today ? slot.at : startOfLocalDay(addLocalDays(today, 1), timeZone);
    // Reachable again (`me resume`, reactivated): the report stops saying they are not asked.
    await Promise.all(owner.asks.map((ask) => deps.checkIns.move(ask, at, undefined, ask.stopped ? ['stopped'] : [])));
    return 'deferred';
  }
  return { ...owner, date: today, timeZone, dmChannelId, standing: standingFrom(user, owner.teamId, owner.appManagerId), locale };
}

/** The owner's standing from what their record or Slack says; an unreadable answer counts as a stranger's, who sees only what they are given. */
function standingFrom(user: unknown, teamId: TeamId, appManagerId: string | undefined): Standing {
  const parsed = SlackUserSchema.safeParse(user);
  return parsed.success ? standingOf(parsed.data, teamId, appManagerId) : 'stranger';
}

/** What the sweep needs of who an owner is (Slack's raw answer, when unreadable, may lack any of it). */
type Known = { user: Partial<Pick<SlackUser, 'deleted' | 'is_bot' | 'tz'>> | undefined; dmChannelId: string | undefined; locale: string | undefined };

/** `users.info` for an owner the bot has no usable record of; what it says is kept as their record. */
async function lookUp(ctx: SweepContext, owner: DueOwner): Promise<Known | Outcome> {
  ctx.summary.lookedUp++;
  const reply = await askSlack(ctx, owner);
  if (reply.kind === 'error') {
    if (STOPPING_ERRORS.has(reply.error)) return stop(ctx, owner, reply.error);
    // Refused for a reason of the install (a scope it lacks, a dead token): as a refused post, tomorrow, not every sweep of today.
    ctx.log.error('owner lookup refused by Slack; the day is skipped', { teamId: owner.teamId, userId: owner.userId, error: reply.error });
    const tomorrow = new Date(ctx.clock().getTime() + 86_400_000);
    await Promise.all(owner.asks.map((ask) => ctx.deps.checkIns.move(ask, tomorrow)));
    return 'failed';
  }
  if (reply.kind !== 'ok') return 'left';
  return { user: reply.user, dmChannelId: owner.person?.dmChannelId, locale: reply.locale };
}

/**
 * `users.info` (with the locale, as the directory asks it), and the person's record saved from
 * it, as of when it was asked (a newer record, from an event meanwhile, stands).
 */
async function askSlack(ctx: SweepContext, owner: ToRefresh) {
  const asked = ctx.clock();
  const reply = await callWithRetry({ ...ctx, slack: owner.slack, pacer: owner.pacer }, 'users.info', { user: owner.userId, include_locale: true });
  if (reply.kind !== 'ok') return reply;
  const person = personFromSlack(owner.teamId, owner.userId, reply.body.user, asked, ctx.clock());
  // Unreadable: used as Slack gave it (a missing zone is UTC, a missing language English), but not kept.
  if (!person) return { kind: 'ok' as const, user: reply.body.user, locale: undefined };
  // Not kept: this sweep goes on with what Slack said; the next one asks again.
  await ctx.deps.people.save(person).catch((error: unknown) => ctx.log.warn('person record not kept', { teamId: owner.teamId, userId: owner.userId, error }));
  return { kind: 'ok' as const, user: person.user, locale: person.locale };
}

/**
 * The records served past a day, looked up again once every post is out, in the time left: a
 * failure is logged and the record serves on (up to a week, then Slack is asked first).
 */
async function refreshAfterPosts(ctx: SweepContext, owners: ToRefresh[], concurrency: number): Promise<void> {
  await pool(owners, concurrency, async (owner) => {
    if (ctx.budget.exhausted()) return;
    try {
      const reply = await askSlack(ctx, owner);
      if (reply.kind === 'ok') ctx.summary.refreshed++;
      else ctx.log.warn('person record not refreshed', { teamId: owner.teamId, userId: owner.userId, reason: reply.kind === 'error' ? reply.error : reply.kind });
    } catch (error) {
      ctx.log.warn('person record not refreshed', { teamId: owner.teamId, userId: owner.userId, error });
    }
  });
}

async function stop(ctx: SweepContext, owner: { teamId: TeamId; userId: string; asks: DueAsk[] }, reason: string): Promise<Outcome> {
  // A deactivated account or a bot is the workspace's ordinary life; a refusal of Slack's is worth a look.
  const level = reason === 'deactivated' || reason === 'bot' ? 'info' : 'warn';
  ctx.log[level]('check-ins stopped', { teamId: owner.teamId, userId: owner.userId, reason });
  const at = ctx.clock();
  await ctx.deps.preferences.stop(owner.teamId, owner.userId, reason, at);
  return putOffStopped(ctx, owner.asks, { reason, at: at.toISOString() });
}

/**
 * A stopped person's asks are looked at again a week later (one read and one write each), not
 * dropped: after `me resume` they come back within the week, with no item having to change.
 * Each is marked with the stop, which the track's report shows until they are found reachable.
 */
async function putOffStopped(ctx: SweepContext, asks: DueAsk[], stopped: Stop): Promise<Outcome> {
  const later = new Date(ctx.clock().getTime() + STOPPED_RECHECK_DAYS * 86_400_000);
  await Promise.all(asks.map((ask) => ctx.deps.checkIns.stop(ask, stopped, later)));
  return 'stopped';
}

interface Listed {
  ask: DueAsk;
  entry: CheckInEntry;
  item: Commitment;
  track: Track;
}

/**
 * One owner's day, in steps:
 * 1. decide each ask (see `decideAsk`): due, later (read again on the owner's first day on which
 *    that date has begun in the track's zone), or never (out of the index);
 * 2. claim (owner, date): already posted → record the asks it listed; held elsewhere → later;
 * 3. the DM channel from the record (else opened and kept), post (looking first when an earlier
 *    attempt may have posted; a kept channel Slack no longer knows is opened again once), record the post;
 * 4. record the check-in on each listed ask and move it to its next day.
 */
async function checkInOwner(ctx: SweepContext, owner: ReadyOwner, items: Map<string, Commitment>, tracks: Map<string, Track>, groups: ReadonlyMap<string, GroupRecord>): Promise<Outcome> {
  const { checkIns } = ctx.deps;
  const now = ctx.clock();
  const due: Listed[] = [];
  const access: Access = {
    userId: owner.userId,
    standing: owner.standing,
    groups: new Set([...groups.values()].filter((group) => !group.disabled && group.users.includes(owner.userId)).map((group) => group.groupId)),
  };
  await Promise.all(
    owner.asks.map(async (ask) => {
      const item = items.get(`${ask.track}#${ask.seq}`);
      const track = tracks.get(ask.track);
      const decision = decideAsk(item, track, ask, owner.date, now);
      const block = track && ownerBlock(access, track);
      if (decision.kind === 'never' || !track) await checkIns.unindex(ask);
      else if (decision.kind === 'later') await checkIns.move(ask, readAgainAt(decision.on, track.timeZone, owner.timeZone, owner.date), decision.on, marksOver(ask, block));
      else if (block) {
        // Nothing about a track goes to someone who may not read it; looked at again on their next day.
        ctx.summary.paused++;
        await checkIns.pause(ask, { reason: block, on: owner.date }, nextDay(owner));
      } else if (item && track) due.push({ ask, entry: decision.entry, item, track });
    }),
  );
  if (due.length === 0) return 'not-due';
  due.sort((a, b) => byUrgency(a.entry, b.entry));
  const listed = due.slice(0, CHECK_IN_MAX_ITEMS);
  const waiting = due.slice(CHECK_IN_MAX_ITEMS);
  // Before the claim: a catalog that fails to load leaves nothing held.
  const t = await ctx.translator(owner.locale);

  await ctx.deps.faults?.at('before-claim', owner);
  const token = randomUUID();
  const claimedAt = ctx.clock();
  const claim = await checkIns.claim({ ...dayOf(owner), token, now: claimedAt, leaseUntil: new Date(claimedAt.getTime() + ctx.leaseMs()) });
  if (claim.kind === 'busy') return 'left';
  if (claim.kind === 'posted') {
    await recordPosted(ctx, owner, due, claim.delivery);
    return 'skipped';
  }
  await ctx.deps.faults?.at('after-claim', owner);

  const post = { ...ctx, slack: owner.slack, pacer: owner.pacer };
  const opened = owner.dmChannelId ? { channel: owner.dmChannelId } : await openDm(ctx, owner, token);
  if ('outcome' in opened) return opened.outcome;
  let { channel } = opened;
  const message = renderCheckIn({ entries: listed.map((l) => l.entry), more: waiting.length, outsider: !mayChangeOwnSettings(access).allowed }, t);
  // Looks first whenever an earlier holder of the claim may have posted, in whichever channel the record names now.
  const send = (to: string) =>
    postOnce(post, {
      channel: to,
      message,
      eventType: CHECK_IN_EVENT_TYPE,
      slotId: `${owner.teamId}/${owner.userId}/${owner.date}`,
      // From the day's first instant anywhere: the zone may have moved since an earlier holder posted.
      since: zonedTime(owner.date, '00:00', EARLIEST_ZONE).toISOString(),
      checkFirst: claim.reclaimed,
    });
  let result = await send(channel);
  if (result.kind === 'refused' && channel === owner.dmChannelId && GONE_CHANNEL_ERRORS.has(result.error)) {
    // A refused post posted nothing: the day's message can go to the DM opened again, still under this claim.
    ctx.log.warn('kept DM channel unknown to Slack; opening it again', { ...dayOf(owner), channel, error: result.error });
    ctx.summary.reopened++;
    const reopened = await openDm(ctx, owner, token);
    if ('outcome' in reopened) return reopened.outcome;
    // The same channel again would only be refused again.
    if (reopened.channel !== channel) {
      channel = reopened.channel;
      result = await send(channel);
    }
  }
  switch (result.kind) {
    case 'refused':
      return refused(ctx, owner, token, result.error);
    case 'gave-up':
      ctx.log.warn('check-in left for the next sweep', { ...dayOf(owner), reason: result.reason });
      await checkIns.release({ ...dayOf(owner), token, now: ctx.clock(), state: 'released', reason: result.reason });
      return 'left';
    case 'posted':
    case 'found': {
      await ctx.deps.faults?.at('after-post', owner);
      const ids = listed.map((l) => l.item.id);
      const recorded = await checkIns.markPosted({ ...dayOf(owner), token, now: ctx.clock(), channel, messageTs: result.ts, foundInChannel: result.kind === 'found', items: ids });
      // Not recorded: the claim was taken over; its new holder finds this message by its metadata.
      if (!recorded) ctx.log.warn('check-in claim taken over after posting', { ...dayOf(owner) });
      if (result.kind === 'posted') countCheckInSent();
      await ctx.deps.faults?.at('after-record', owner);
      await recordPosted(ctx, owner, due, { channel, messageTs: result.ts, items: ids });
      return result.kind === 'posted' ? 'sent' : 'skipped';
    }
  }
}

/**
 * `conversations.open` for the owner's DM, and its id kept on their record before anything is
 * posted there, so a later holder of the claim looks for the message in that channel. Refused →
 * as a refused post; Slack unavailable → the claim released for the next sweep.
 */
async function openDm(ctx: SweepContext, owner: ReadyOwner, token: string): Promise<{ channel: string } | { outcome: Outcome }> {
  const opened = await callWithRetry({ ...ctx, slack: owner.slack, pacer: owner.pacer }, 'conversations.open', { users: owner.userId });
  const channel = opened.kind === 'ok' ? opened.body.channel?.id : undefined;
  if (opened.kind === 'error' || (opened.kind === 'ok' && !channel)) {
    return { outcome: await refused(ctx, owner, token, opened.kind === 'error' ? opened.error : 'no_channel') };
  }
  if (!channel) {
    await ctx.deps.checkIns.release({ ...dayOf(owner), token, now: ctx.clock(), state: 'released', reason: 'conversations.open unavailable' });
    return { outcome: 'left' };
  }
  // Not kept (no record, after a purge; or the write failed): the next check-in opens it again, and
  // a later holder of this claim posting to a channel kept before is refused and opens this one.
  await ctx.deps.people.setDmChannel(owner.teamId, owner.userId, channel).catch((error: unknown) => ctx.log.warn('DM channel not kept', { ...dayOf(owner), channel, error }));
  return { channel };
}

/** Slack refused: a person who cannot be messaged is stopped; any other refusal gives up this day. */
async function refused(ctx: SweepContext, owner: ReadyOwner, token: string, error: string): Promise<Outcome> {
  await ctx.deps.checkIns.release({ ...dayOf(owner), token, now: ctx.clock(), state: 'abandoned', reason: error });
  if (STOPPING_ERRORS.has(error)) return stop(ctx, owner, error);
  ctx.log.error('check-in refused by Slack; the day is skipped', { ...dayOf(owner), error });
  // Tomorrow, not every sweep of today.
  await Promise.all(owner.asks.map((ask) => ctx.deps.checkIns.move(ask, nextDay(owner))));
  return 'failed';
}

/** The marks on an ask that no longer hold for an owner found reachable: a stop, and a pause once they may read the track. */
function marksOver(ask: DueAsk, block: OwnerBlock | undefined): AskMark[] {
  return [...(ask.paused && !block ? (['paused'] as const) : []), ...(ask.stopped ? (['stopped'] as const) : [])];
}

/**
 * After the day's message is out (`postedAt`: when, for one an earlier sweep posted; else now):
 * each item it listed gets the check-in and its next ask day; what it did not list (past the
 * cap, or due since it was sent, or whose owner was named again since) waits for the next check-in day.
 */
async function recordPosted(ctx: SweepContext, owner: ReadyOwner, due: Listed[], sent: Pick<CheckInDelivery, 'channel' | 'messageTs' | 'items' | 'postedAt'>): Promise<void> {
  const listed = new Set(sent.items ?? []);
  const askedAt = sent.postedAt ? new Date(sent.postedAt) : ctx.clock();
  const dm = sent.channel && sent.messageTs ? { channel: sent.channel, ts: sent.messageTs } : undefined;
  await Promise.all(
    due.map(async ({ ask, entry, item, track }) => {
      // Handed back to them after the message went out: it did not tell them, their next one will.
      const namedSince = ask.namedAt !== undefined && ask.namedAt > askedAt.toISOString();
      if (!listed.has(item.id) || namedSince) return ctx.deps.checkIns.move(ask, nextDay(owner));
      const askedFor = askedDay(owner.date, askedAt, track.timeZone);
      const next = nextAsk(item, track.checkIns, track.timeZone, askedFor);
      await ctx.deps.checkIns.recordAsked(
        ask,
        { askedOn: owner.date, askedAt, askedFor, reason: entry.reason, dm },
        next && { askOn: next.on, at: readAgainAt(next.on, track.timeZone, owner.timeZone, owner.date) },
      );
    }),
  );
}

/**
 * The start of the owner's next day. Asks left for a later day wait at its start, not at their
 * check-in time: that day's first read moves them to the time their preferences then give, so
 * `me time`, `me days` and `me resume` apply from the next day with no ask to find and move.
 */
function nextDay(owner: Pick<ReadyOwner, 'date' | 'timeZone'>): Date {
  return startOfLocalDay(addLocalDays(owner.date, 1), owner.timeZone);
}

function dayOf(owner: OwnerDay): OwnerDay {
  return { teamId: owner.teamId, userId: owner.userId, date: owner.date };
}

/** Runs `work` over `items` with at most `concurrency` at once. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Things handed from one stage to the workers of the next: `take` waits for one, or `undefined` once closed and empty. */
class Handoff<T> {
  private readonly waiting: T[] = [];
  private readonly takers: ((value: T | undefined) => void)[] = [];
  private closed = false;

  give(value: T): void {
    const taker = this.takers.shift();
    if (taker) taker(value);
    else this.waiting.push(value);
  }

  take(): Promise<T | undefined> {
    if (this.waiting.length > 0) return Promise.resolve(this.waiting.shift());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.takers.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const taker of this.takers.splice(0)) taker(undefined);
  }
}
