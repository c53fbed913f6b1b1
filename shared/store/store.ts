import type { AppManager } from '#shared/domain/app-manager';
import type { Person } from '#shared/domain/person';
import { readCallerItems } from '#shared/store/people';
import { callerKeys, getManyParams } from '#shared/store/people-params';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { setTimeout } from 'node:timers/promises';
import type { z } from 'zod';
import { backoffMs } from '#shared/backoff';
import { AlreadyExistsError, ConflictError, NotFoundError, TrackNotFoundError, type AppErrorOptions } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import {
  CommitmentDraftSchema,
  CommitmentSchema,
  HistoryEntrySchema,
  TrackHistoryEntrySchema,
  TrackSchema,
  TrackSummarySchema,
  type Actor,
  type Change,
  type Commitment,
  type CommitmentDraft,
  type CommitmentId,
  type HistoryEntry,
  type TeamId,
  type Track,
  type TrackChange,
  type TrackHistoryEntry,
  type TrackInput,
  type TrackSlug,
  type TrackSummary,
} from '#shared/domain/schemas';
import { applyChange } from '#shared/domain/changes';
import { ImportDraftSchema, type ImportDraft } from '#shared/domain/import-draft';
import type { Report } from '#shared/domain/report';
import * as params from '#shared/store/params';
import { formatCommitmentId, parseCommitmentId } from '#shared/store/params';
import { parse, parseStored } from '#shared/store/parse';
import { batchGetAll, cancellationCodes, queryAll } from '#shared/store/send';
import { askWriteItems, type AskContext } from '#shared/store/check-in-params';
import { AskSchema } from '#shared/domain/check-ins';

/** How many times a create retries when another create took the next number first. */
const CREATE_ATTEMPTS = 12;
/** Spreads retrying creators apart so they stop colliding on the counter. */
const CREATE_BACKOFF = { baseMs: 20, capMs: 200 } as const;

export type Store = ReturnType<typeof createStore>;

/** A read that also fetches the caller's records: whose (`person`), and who is told what was found. */
export interface WithCaller {
  person?: string;
  onPerson?: (read: { person: Person | null; manager: AppManager | null }) => void;
}

/**
 * The one way the product reads and writes DynamoDB. Every method takes the team id first;
 * every item read back is parsed again with its schema; refused conditions come back as
 * `NotFoundError`, `AlreadyExistsError` or `ConflictError`.
 */
export function createStore(deps: { client: DynamoDBClient; tableName: string }) {
  const { client, tableName } = deps;
  /** Prefix → slug never changes once claimed, so a warm container asks once per prefix. */
  const slugByPrefix = new Map<string, TrackSlug>();

  async function slugOf(teamId: TeamId, id: CommitmentId): Promise<TrackSlug> {
    const cached = slugByPrefix.get(`${teamId}#${parseCommitmentId(id).prefix}`);
    if (cached) return cached;
    const { Item } = await client.send(new GetItemCommand(params.prefixClaimParams(tableName, teamId, parseCommitmentId(id).prefix)));
    return claimedSlug(teamId, id, Item ? [unmarshall(Item)] : []);
  }

  /** The slug whose claim on `id`'s prefix is among `items`, remembered; else no track uses the prefix. */
  function claimedSlug(teamId: TeamId, id: CommitmentId, items: readonly Record<string, unknown>[]): TrackSlug {
    const { prefix } = parseCommitmentId(id);
    const slug = items.find((item) => item['type'] === 'prefix')?.['slug'];
    if (typeof slug !== 'string') throw unknownPrefixError(id);
    slugByPrefix.set(`${teamId}#${prefix}`, slug);
    return slug;
  }

  async function trackSummary(teamId: TeamId, slug: TrackSlug): Promise<TrackSummary> {
    const { Item } = await client.send(new GetItemCommand(params.trackSummaryParams(tableName, teamId, slug)));
    if (!Item) throw new TrackNotFoundError(slug);
    return parse(TrackSummarySchema, unmarshall(Item));
  }

  /** What a form's first submission created, for answering its re-submission the same way. */
  async function formTokenRef(teamId: TeamId, once: params.FormToken, cause: unknown): Promise<string> {
    const { Item } = await client.send(new GetItemCommand(params.getFormTokenParams(tableName, teamId, once.token)));
    const claim = Item ? unmarshall(Item) : {};
    // Someone else's token (a forged payload) learns nothing about what it created.
    if (claim['by'] !== once.by || typeof claim['ref'] !== 'string') {
      throw new AlreadyExistsError('This form was already submitted; nothing more was added.', { cause });
    }
    return claim['ref'];
  }

  async function readCommitment(teamId: TeamId, id: CommitmentId): Promise<Commitment> {
    const slug = await slugOf(teamId, id);
    const { Item } = await client.send(new GetItemCommand(params.getCommitmentParams(tableName, teamId, slug, id)));
    if (!Item) throw new NotFoundError(`There is no ${id}.`, { say: { key: 'item.notFound', values: { id } } });
    return parseStored(CommitmentSchema, unmarshall(Item));
  }

  /** Commitment number `seq` as `by` creates it, its first history entry and its owners' ask records. */
  function newCommitment(fields: CommitmentDraft, at: { teamId: TeamId; slug: TrackSlug; idPrefix: string; seq: number }, by: Actor, now: Date, track: AskContext): params.NewCommitment {
    const { teamId, slug, seq } = at;
    const time = now.toISOString();
    const item = parse(CommitmentSchema, {
      ...fields,
      teamId,
      track: slug,
      id: formatCommitmentId(at.idPrefix, seq),
      seq,
      notes: [],
      version: 1,
      createdAt: time,
      createdBy: by,
      updatedAt: time,
      updatedBy: by,
    });
    const entry = parse(HistoryEntrySchema, { teamId, track: slug, commitmentId: item.id, version: 1, at: time, by, change: { type: 'created', status: item.status } });
    return { item, entry, alongside: askWriteItems(tableName, undefined, item, track, now) };
  }

  /**
   * Adds commitments (`fields` parsed) under the track's next numbers, in the order given.
   * 1. Read the track's counter. 2. Number the drafts on from it and write as many as one
   * transaction holds, each with its history and ask records, moving the counter past them only if
   * it has not moved; the rest follow from where that left the counter. 3. When it had moved, read
   * it again and renumber what is left, a few times.
   * `claim` is a single create's: `seq`, the number it takes exactly (seeding) or reports as taken;
   * `once`, a form's token, whose second submission returns the first one's item.
   */
  async function addCommitments(
    teamId: TeamId,
    slug: TrackSlug,
    fields: readonly CommitmentDraft[],
    by: Actor,
    now: Date,
    track: AskContext,
    claim: { seq?: number; once?: params.FormToken } = {},
  ): Promise<Commitment[]> {
    const added: Commitment[] = [];
    let counter: TrackSummary | undefined;
    let attempt = 1;
    while (added.length < fields.length) {
      counter ??= await trackSummary(teamId, slug);
      const first = claim.seq ?? counter.lastSeq + 1;
      const batch: params.NewCommitment[] = [];
      let room = params.TRANSACTION_ITEMS - 1 - (claim.once ? 1 : 0);
      for (const one of fields.slice(added.length)) {
        const created = newCommitment(one, { teamId, slug, idPrefix: counter.idPrefix, seq: first + batch.length }, by, now, track);
        room -= params.createItemCount(created);
        if (room < 0 && batch.length > 0) break;
        batch.push(created);
      }
      try {
        await client.send(new TransactWriteItemsCommand(params.createCommitmentsParams(tableName, batch, claim.once)));
      } catch (error) {
        const reasons = cancellationCodes(error);
        if (claim.once && reasons?.at(-1) === 'ConditionalCheckFailed') {
          return [await readCommitment(teamId, await formTokenRef(teamId, claim.once, error))];
        }
        const counterMoved = reasons?.[0] === 'ConditionalCheckFailed';
        if (counterMoved && !claim.seq && attempt < CREATE_ATTEMPTS) {
          await setTimeout(backoffMs(attempt, CREATE_BACKOFF));
          attempt += 1;
          counter = undefined;
          continue;
        }
        const taken = reasons && params.refusedCreate(batch, reasons);
        if (taken && (claim.seq || !counterMoved)) {
          throw new AlreadyExistsError(`${taken.item.id} already exists.`, { cause: error });
        }
        if (counterMoved) {
          throw new ConflictError(`Could not take the next number in ${slug}; nothing was added. Try again.`, { cause: error });
        }
        throw conflictOr(error);
      }
      added.push(...batch.map(({ item }) => item));
      counter = { ...counter, lastSeq: batch.at(-1)!.item.seq };
      attempt = 1;
    }
    return added;
  }

  return {
    /** Creates a track; with a form's token, a second submission of that form returns the first one's track. */
    async createTrack(input: TrackInput, once?: params.FormToken): Promise<Track> {
      const track = parse(TrackSchema, input);
      try {
        await client.send(new TransactWriteItemsCommand(params.createTrackParams(tableName, track, once)));
      } catch (error) {
        const reasons = cancellationCodes(error);
        if (once && reasons?.at(-1) === 'ConditionalCheckFailed') {
          return this.getTrack(track.teamId, await formTokenRef(track.teamId, once, error));
        }
        // One sentence whoever holds the slug or prefix, so a private track's names never show.
        if (reasons?.[0] === 'ConditionalCheckFailed' || reasons?.[1] === 'ConditionalCheckFailed') {
          const { text, say } = spoken('trackAdd.slugTaken', { slug: track.slug });
          throw new AlreadyExistsError(text, { cause: error, field: 'slug', say });
        }
        if (reasons?.[2] === 'ConditionalCheckFailed') {
          throw new PrefixTakenError(track.idPrefix, { cause: error });
        }
        throw conflictOr(error);
      }
      return track;
    },

    /**
     * Records a write request's signature so that the same signed request, replayed within
     * Slack's five-minute window, is refused: one conditional PutItem, kept until `expiresAt`.
     */
    async claimRequest(teamId: TeamId, signature: string, expiresAt: Date): Promise<void> {
      try {
        await client.send(new PutItemCommand(params.claimRequestParams(tableName, teamId, signature, Math.ceil(expiresAt.getTime() / 1000))));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new AlreadyExistsError('This request was already handled; nothing more was changed.', { cause: error });
        }
        throw error;
      }
    },

    /** Keeps an import's proposals until `expiresAt` (TTL), under a fresh id. */
    async putDraft(input: z.input<typeof ImportDraftSchema>, expiresAt: Date): Promise<ImportDraft> {
      const draft = parse(ImportDraftSchema, input);
      await client.send(new PutItemCommand(params.putDraftParams(tableName, draft, Math.ceil(expiresAt.getTime() / 1000))));
      return draft;
    },

    /**
     * Reads an import draft without taking it, so a refused submission leaves it for its owner.
     * Past its `expiresAt` it is gone, though TTL deletes it only later (within days).
     */
    async getDraft(teamId: TeamId, id: string, now: Date): Promise<ImportDraft> {
      const { Item } = await client.send(new GetItemCommand(params.getDraftParams(tableName, teamId, id)));
      const stored = Item && unmarshall(Item);
      if (!stored || Number(stored['expiresAt']) * 1000 <= now.getTime()) throw new NotFoundError('This import was already saved or has expired; nothing more was added.');
      return parse(ImportDraftSchema, stored);
    },

    /** Takes an import draft once, while it has not expired: a second submission of the same modal finds nothing. */
    async takeDraft(teamId: TeamId, id: string, now: Date): Promise<ImportDraft> {
      try {
        const { Attributes } = await client.send(new DeleteItemCommand(params.takeDraftParams(tableName, teamId, id, now)));
        return parse(ImportDraftSchema, unmarshall(Attributes ?? {}));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new NotFoundError('This import was already saved or has expired; nothing more was added.', { cause: error });
        }
        throw error;
      }
    },

    /** Those of `prefixes` no track has claimed, in the order given: one BatchGetItem. */
    async freePrefixes(teamId: TeamId, prefixes: readonly string[]): Promise<string[]> {
      if (prefixes.length === 0) return [];
      const claimed = await batchGetAll(client, tableName, params.prefixClaimsParams(tableName, teamId, prefixes));
      const taken = new Set(claimed.map((item) => String(item['sk'])));
      return prefixes.filter((prefix) => !taken.has(params.keys.prefixClaim(prefix)));
    },

    /** The team's tracks with counts per status: one Query. */
    async listTracks(teamId: TeamId): Promise<TrackSummary[]> {
      const items = await queryAll(client, params.listTracksParams(tableName, teamId));
      return items.map((item) => parseStored(TrackSummarySchema, item));
    },

    /**
     * A track's own settings (zone, parties, editors): one GetItem. `person`: that person's record
     * and the team's app manager record are read in the same request (one BatchGetItem), and
     * `onPerson` told what it found, also when the track is missing.
     */
    async getTrack(teamId: TeamId, slug: TrackSlug, options: WithCaller = {}): Promise<Track> {
      if (options.person) {
        const items = await batchGetAll(client, tableName, params.trackWithParams(tableName, teamId, slug, callerKeys(teamId, options.person)));
        options.onPerson?.(readCallerItems(items));
        const track = items.find((item) => item['type'] === 'track');
        if (!track) throw new TrackNotFoundError(slug);
        return parseStored(TrackSchema, track);
      }
      const { Item } = await client.send(new GetItemCommand(params.getTrackParams(tableName, teamId, slug)));
      if (!Item) throw new TrackNotFoundError(slug);
      return parseStored(TrackSchema, unmarshall(Item));
    },

    /** A track, every commitment in it and its owners' check-ins: one Query. */
    async getReport(teamId: TeamId, slug: TrackSlug): Promise<Report> {
      const items = await queryAll(client, params.reportParams(tableName, teamId, slug));
      const [first, ...rest] = items;
      if (!first || first['type'] !== 'track') throw new TrackNotFoundError(slug);
      return reportOf(parseStored(TrackSchema, first), rest);
    },

    /**
     * The report of a track already read (and its access checked): its commitments and check-ins,
     * one Query that leaves the track item out. Reading a track's items only after its record has
     * been checked keeps a hidden track as cheap as a missing one.
     */
    async getReportOf(track: Track): Promise<Report> {
      return reportOf(track, await queryAll(client, params.reportItemsParams(tableName, track.teamId, track.slug)));
    },

    /** One commitment: one GetItem (plus one per id prefix the first time a container sees it). */
    async getCommitment(teamId: TeamId, id: CommitmentId): Promise<Commitment> {
      return readCommitment(teamId, id);
    },

    /**
     * One commitment and its track's settings together: one BatchGetItem once the prefix is known.
     * `person`: that person's record and the team's app manager record are read in the same request
     * (with the prefix's claim, the first time a container meets the prefix), and `onPerson` told
     * what it found (also when the prefix, item or track is missing), so the caller's check needs
     * no read of its own.
     */
    async getCommitmentWithTrack(teamId: TeamId, id: CommitmentId, options: WithCaller = {}): Promise<{ item: Commitment; track: Track }> {
      const { person } = options;
      let slug: TrackSlug;
      let also = person ? callerKeys(teamId, person) : [];
      if (person && !slugByPrefix.has(`${teamId}#${parseCommitmentId(id).prefix}`)) {
        // The prefix's claim in the person's BatchGetItem: a prefix no track uses then costs the
        // one request a known prefix does on a warm container, and cannot be told from it by time.
        const items = await batchGetAll(client, tableName, getManyParams(tableName, [params.prefixClaimKey(teamId, parseCommitmentId(id).prefix), ...also]));
        options.onPerson?.(readCallerItems(items));
        slug = claimedSlug(teamId, id, items);
        also = [];
      } else {
        slug = await slugOf(teamId, id);
      }
      // A throttled half comes back unprocessed; it is read again rather than reported missing.
      const items = await batchGetAll(client, tableName, params.commitmentWithTrackParams(tableName, teamId, slug, id, also));
      if (also.length > 0) options.onPerson?.(readCallerItems(items));
      const track = items.find((item) => item['type'] === 'track');
      const item = items.find((item) => item['type'] === 'commitment');
      if (!track) throw new TrackNotFoundError(slug);
      if (!item) throw new MissingItemError(id, parseStored(TrackSchema, track));
      return { item: parseStored(CommitmentSchema, item), track: parseStored(TrackSchema, track) };
    },

    /** Every change to one commitment, oldest first: one Query. */
    async getHistory(teamId: TeamId, id: CommitmentId): Promise<HistoryEntry[]> {
      const slug = await slugOf(teamId, id);
      const items = await queryAll(client, params.historyParams(tableName, teamId, slug, id));
      return items.map((item) => parse(HistoryEntrySchema, item));
    },

    /** Every compliance assessment of a track's items, for its trend: one Query (paged), only assessments returned. */
    async getAssessments(teamId: TeamId, slug: TrackSlug): Promise<HistoryEntry[]> {
      const items = await queryAll(client, params.assessmentHistoryParams(tableName, teamId, slug));
      return items.map((item) => parse(HistoryEntrySchema, item));
    },

    /**
     * Adds a commitment under the track's next number, as `addCommitments` does.
     * With `seq` it claims exactly that number once (seeding), or reports it as taken.
     * With a form's token, a second submission of that form returns the first one's item.
     * Its owners' ask records are written with it, by the track's check-in settings (`options.track`
     * when the caller has read it, else read here).
     */
    async createCommitment(
      teamId: TeamId,
      slug: TrackSlug,
      draft: CommitmentDraft,
      by: Actor,
      now: Date,
      options: { seq?: number; once?: params.FormToken; track?: AskContext } = {},
    ): Promise<Commitment> {
      const fields = parse(CommitmentDraftSchema, draft);
      const track = options.track ?? (await this.getTrack(teamId, slug));
      const [item] = await addCommitments(teamId, slug, [fields], by, now, track, options);
      return item!;
    },

    /**
     * Adds commitments under the track's next numbers, in the order given (an import's picks): one
     * read of the counter and as few transactions as DynamoDB's limit allows, as `addCommitments` does.
     */
    async createCommitments(teamId: TeamId, slug: TrackSlug, drafts: readonly CommitmentDraft[], by: Actor, now: Date, options: { track?: AskContext } = {}): Promise<Commitment[]> {
      const fields = drafts.map((draft) => parse(CommitmentDraftSchema, draft));
      const track = options.track ?? (await this.getTrack(teamId, slug));
      return addCommitments(teamId, slug, fields, by, now, track);
    },

    /** Every change to a track's access, oldest first: one Query. */
    async getTrackHistory(teamId: TeamId, slug: TrackSlug): Promise<TrackHistoryEntry[]> {
      const items = await queryAll(client, params.trackHistoryParams(tableName, teamId, slug));
      return items.map((item) => parse(TrackHistoryEntrySchema, item));
    },

    /**
     * Saves a track's new access (roles, visibility, links) or settings (check-ins, title, zone,
     * fiscal year) with its history entry and the summary's copy of its title, guarded by the
     * version `before` was read at: two owners changing roles at once means one is told to retry.
     */
    async saveTrackAccess(before: Track, after: Track, changes: TrackChange[], by: Actor, now: Date): Promise<Track> {
      const saved = parse(TrackSchema, { ...after, version: before.version + 1 });
      const entry = parse(TrackHistoryEntrySchema, { teamId: before.teamId, track: before.slug, version: saved.version, at: now.toISOString(), by, changes });
      try {
        await client.send(new TransactWriteItemsCommand(params.saveTrackAccessParams(tableName, before, saved, entry)));
      } catch (error) {
        if (cancellationCodes(error)) {
          throw new ConflictError(`Someone changed who may use ${before.slug} a moment ago; nothing was saved. Look again and retry.`, { cause: error });
        }
        throw error;
      }
      return saved;
    },

    /** Reads the item with its track, then saves one change to it as `saveChange` does. */
    async changeCommitment(
      teamId: TeamId,
      id: CommitmentId,
      change: Change,
      by: Actor,
      now: Date,
      expectedVersion?: number,
    ): Promise<{ before: Commitment; after: Commitment }> {
      const { item, track } = await this.getCommitmentWithTrack(teamId, id);
      return this.saveChange(item, change, by, now, expectedVersion, track);
    },

    /**
     * Applies one change to an item the caller has just read: item, history entry and its
     * owners' ask records are written together or not at all, guarded by the version `before`
     * carries (or `expectedVersion`, the one a modal showed). A version that moved meanwhile is a conflict.
     * `track` gives the check-in settings for the ask records (read here when not given).
     */
    async saveChange(
      before: Commitment,
      change: Change,
      by: Actor,
      now: Date,
      expectedVersion?: number,
      track?: AskContext,
    ): Promise<{ before: Commitment; after: Commitment }> {
      return this.saveChanges(before, [change], by, now, expectedVersion, track);
    },

    /**
     * {@link saveChange} for several changes made at once (an Edit form's occurrences removed and
     * fields changed): each applied in turn with a history entry of its own, all written in one
     * transaction guarded by the version `before` carries, so they are saved together or not at all.
     */
    async saveChanges(
      before: Commitment,
      changes: readonly Change[],
      by: Actor,
      now: Date,
      expectedVersion?: number,
      track?: AskContext,
    ): Promise<{ before: Commitment; after: Commitment }> {
      const { teamId, id } = before;
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw staleError(id);
      let after = before;
      const entries: HistoryEntry[] = [];
      for (const change of changes) {
        after = changedItem(after, change, by, now);
        entries.push(parse(HistoryEntrySchema, { teamId, track: before.track, commitmentId: id, version: after.version, at: after.updatedAt, by, change }));
      }
      try {
        const asks = askWriteItems(tableName, before, after, track ?? (await this.getTrack(teamId, before.track)), now);
        await client.send(new TransactWriteItemsCommand(params.saveChangeParams(tableName, before, after, entries, asks)));
      } catch (error) {
        throw cancellationCodes(error) ? staleError(id, error) : error;
      }
      return { before, after };
    },
  };
}

/** `before` with `change` applied, as a save stores it; refused, with nothing written, when that is not a valid item. */
function changedItem(before: Commitment, change: Change, by: Actor, now: Date): Commitment {
  return parse(CommitmentSchema, applyChange(before, change, by, now));
}

/**
 * An id whose track exists but holds no such item. The track comes along, so that only someone
 * who may see it is told the item is missing; anyone else gets {@link unknownPrefixError}.
 */
export class MissingItemError extends NotFoundError {
  constructor(
    readonly id: CommitmentId,
    readonly track: Track,
    options?: AppErrorOptions,
  ) {
    super(`There is no ${id}.`, { say: { key: 'item.notFound', values: { id } }, ...options });
  }
}

/** An id prefix that is already claimed: the same words whoever holds it. */
export class PrefixTakenError extends AlreadyExistsError {
  constructor(
    readonly prefix: string,
    options?: AppErrorOptions,
  ) {
    super(spoken('trackAdd.prefixTaken', { prefix }).text, { ...options, field: 'idPrefix', say: spoken('trackAdd.prefixTaken', { prefix }).say });
  }
}

/** The answer to an id whose prefix no track uses, or whose track the asker may not see. */
export function unknownPrefixError(id: CommitmentId): NotFoundError {
  const { prefix } = parseCommitmentId(id);
  return new NotFoundError(`No track uses the prefix ${prefix}, so there is no ${id}.`, { say: { key: 'item.noPrefix', values: { prefix, id } } });
}

function reportOf(track: Track, items: Record<string, unknown>[]): Report {
  return {
    track,
    commitments: items.filter((item) => item['type'] === 'commitment').map((item) => parseStored(CommitmentSchema, item)),
    asks: items.filter((item) => item['type'] === 'ask').map((item) => parse(AskSchema, item)),
  };
}

function staleError(id: string, cause?: unknown): ConflictError {
  return new ConflictError(`${id} was changed by someone else a moment ago; nothing was saved. Look at it again and retry.`, { cause, say: { key: 'change.stale', values: { id } } });
}

function conflictOr(error: unknown): unknown {
  return cancellationCodes(error)?.includes('TransactionConflict')
    ? new ConflictError('Someone else was writing the same thing; nothing was saved. Try again.', { cause: error, say: { key: 'change.busy' } })
    : error;
}

