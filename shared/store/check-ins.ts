import { PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AskSchema, type Ask, type Stop } from '#shared/domain/check-ins';
import { CheckInDeliverySchema, type CheckInDelivery } from '#shared/domain/delivery';
import { CommitmentSchema, TrackSchema, type Commitment, type LocalDate, type TeamId, type Track } from '#shared/domain/schemas';
import * as params from '#shared/store/check-in-params';
import { ASK_SHARDS, type AskMark, type AskedInput, type CheckInClaimInput, type IndexedAsk } from '#shared/store/check-in-params';
import { markDeliveryPostedParams, releaseDeliveryParams } from '#shared/store/subscription-params';
import { parseCommitmentId } from '#shared/store/params';
import { parse, parseStored } from '#shared/store/parse';
import { batchGetAll, conditional, queryAll } from '#shared/store/send';
import { claimExisting, type LeaseClaim } from '#shared/store/delivery-claims';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_KEYS = 100;

/** An ask read from the due index: the record, its item's number, and the index key it was read with. */
export type DueAsk = Ask & IndexedAsk;

export type CheckInStore = ReturnType<typeof createCheckInStore>;

/**
 * What the check-in sweep reads and writes: due asks, the items they are about, the asks'
 * index instants and check-ins, and the one-message-per-day claims. Same rules as `store.ts`.
 */
export function createCheckInStore(deps: { client: DynamoDBClient; tableName: string; shards?: number }) {
  const { client, tableName } = deps;
  const shards = deps.shards ?? ASK_SHARDS;
  const key = (input: { teamId: TeamId; userId: string; date: LocalDate }) => params.checkInDeliveryKey(input.teamId, input.userId, input.date);

  return {
    /** Every ask due at `now`: one Query per shard of the due index, every page; the shards side by side, their asks in shard order. */
    async due(now: Date, pageSize = 500): Promise<DueAsk[]> {
      const pages = await Promise.all(Array.from({ length: shards }, (_, shard) => queryAll(client, params.dueAsksQueryParams(tableName, shard, now, pageSize))));
      return pages.flat().map((item) => {
        const ask = parse(AskSchema, item);
        return { ...ask, seq: parseCommitmentId(ask.commitmentId).seq, readSk: String(item['gsi1sk']) };
      });
    },

    /**
     * The items these asks are about, with their tracks, by `<slug>#<seq>` and slug: one
     * BatchGetItem per 100 keys, unprocessed keys read again. A missing one is simply absent.
     */
    async itemsAndTracks(teamId: TeamId, asks: readonly Pick<IndexedAsk, 'track' | 'seq'>[]): Promise<{ items: Map<string, Commitment>; tracks: Map<string, Track> }> {
      const refs = [
        ...new Map(asks.map((a) => [`${a.track}#${a.seq}`, { teamId, track: a.track, seq: a.seq }])).values(),
        ...[...new Set(asks.map((a) => a.track))].map((track) => ({ teamId, track })),
      ];
      const items = new Map<string, Commitment>();
      const tracks = new Map<string, Track>();
      for (let start = 0; start < refs.length; start += BATCH_KEYS) {
        for (const value of await batchGetAll(client, tableName, params.itemsAndTracksParams(tableName, refs.slice(start, start + BATCH_KEYS)))) {
          if (value['type'] === 'track') {
            const track = parseStored(TrackSchema, value);
            tracks.set(track.slug, track);
          } else {
            const item = parseStored(CommitmentSchema, value);
            items.set(`${item.track}#${item.seq}`, item);
          }
        }
      }
      return { items, tracks };
    },

    /** `false` when an item change moved the ask since it was read (that change's day wins); `clear`: the marks that no longer hold. */
    move(ask: IndexedAsk, at: Date, askOn?: LocalDate, clear: readonly AskMark[] = []): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.moveAskParams(tableName, ask, at, askOn, clear))));
    },

    /** Pauses an ask whose owner may not read its track, until `at`; `false` when a change moved it since it was read. */
    pause(ask: IndexedAsk, paused: NonNullable<Ask['paused']>, at: Date): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.pauseAskParams(tableName, ask, paused, at))));
    },

    /** Marks an ask whose owner's check-ins are stopped, and looks at it again at `at`; `false` when a change moved it since it was read. */
    stop(ask: IndexedAsk, stopped: Stop, at: Date): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.stopAskParams(tableName, ask, stopped, at))));
    },

    unindex(ask: IndexedAsk): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.unindexAskParams(tableName, ask))));
    },

    /**
     * Records a check-in on an ask and its next ask day (none: out of the index). The next day
     * is written only if no change moved the ask meanwhile; the check-in itself always is.
     */
    async recordAsked(ask: IndexedAsk, asked: AskedInput, next: { askOn: LocalDate; at: Date } | undefined): Promise<void> {
      if (await conditional(() => client.send(new UpdateItemCommand(params.recordAskParams(tableName, ask, asked, next))))) return;
      await conditional(() => client.send(new UpdateItemCommand(params.recordAskedParams(tableName, ask, asked))));
    },

    /** Claims a person's check-in message of one day, as digest deliveries are claimed (see `claimExisting`). */
    async claim(input: CheckInClaimInput): Promise<LeaseClaim<CheckInDelivery>> {
      const first = await conditional(() => client.send(new PutItemCommand(params.claimCheckInParams(tableName, input))));
      if (first) return { kind: 'claimed', reclaimed: false, delivery: parse(CheckInDeliverySchema, params.newCheckInDelivery(input)) };
      // Gone between the two reads: only a TTL can remove it, so treat it as someone else's.
      return (await claimExisting({ client, tableName }, key(input), CheckInDeliverySchema, input)) ?? { kind: 'busy', delivery: undefined };
    },

    /** `false` when the claim was taken over meanwhile (the new holder finds the message by its metadata). */
    markPosted(input: { teamId: TeamId; userId: string; date: LocalDate; token: string; now: Date; channel: string; messageTs?: string; foundInChannel: boolean; items: string[] }): Promise<boolean> {
      const { channel, items, ...rest } = input;
      return conditional(() => client.send(new UpdateItemCommand(markDeliveryPostedParams(tableName, key(input), { ...rest, also: { channel, items } }))));
    },

    release(input: { teamId: TeamId; userId: string; date: LocalDate; token: string; now: Date; state: 'released' | 'abandoned'; reason?: string }): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(releaseDeliveryParams(tableName, key(input), input))));
    },
  };
}
