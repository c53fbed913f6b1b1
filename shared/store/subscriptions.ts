import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, NotFoundError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import type { TeamId } from '#shared/domain/schemas';
import { DeliverySchema, type Delivery } from '#shared/domain/delivery';
import { SubscriptionSchema, type Subscription, type SubscriptionInput, type SubscriptionKey } from '#shared/domain/subscription';
import * as params from '#shared/store/subscription-params';
import { DUE_SHARDS } from '#shared/store/subscription-params';
import { parse } from '#shared/store/parse';
import { cancellationCodes, conditional, queryAll } from '#shared/store/send';
import { claimExisting, type LeaseClaim } from '#shared/store/delivery-claims';

export type ClaimResult =
  | LeaseClaim<Delivery>
  /** The subscription is no longer due at this slot (index lag, re-subscribed, paused or removed). */
  | { kind: 'stale' };

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

/**
 * Subscriptions, the due index and delivery records. Same rules as `store.ts`: items re-parsed
 * on read, refused conditions become domain errors or a `false`/`kind` the caller acts on.
 */
export function createSubscriptionStore(deps: { client: DynamoDBClient; tableName: string; shards?: number }) {
  const { client, tableName } = deps;
  const shards = deps.shards ?? DUE_SHARDS;

  async function getDelivery(key: SubscriptionKey, slot: string): Promise<Delivery | undefined> {
    const { Item } = await client.send(new GetItemCommand(params.getDeliveryParams(tableName, key, slot)));
    return Item ? parse(DeliverySchema, unmarshall(Item)) : undefined;
  }

  return {
    async get(key: SubscriptionKey): Promise<Subscription | undefined> {
      const { Item } = await client.send(new GetItemCommand(params.getSubscriptionParams(tableName, key)));
      return Item ? parse(SubscriptionSchema, unmarshall(Item)) : undefined;
    },

    /** Writes a new subscription, or replaces the one read at `expectedVersion`; a moved version is a conflict. */
    async put(input: SubscriptionInput, expectedVersion?: number): Promise<Subscription> {
      const sub = parse(SubscriptionSchema, input);
      const written = await conditional(() => client.send(new PutItemCommand(params.putSubscriptionParams(tableName, sub, expectedVersion))));
      if (!written) {
        const { text, say } = spoken('subscribe.conflict', { track: sub.track });
        throw new ConflictError(text, { say });
      }
      return sub;
    },

    async remove(key: SubscriptionKey): Promise<Subscription> {
      try {
        const { Attributes } = await client.send(new DeleteItemCommand(params.deleteSubscriptionParams(tableName, key)));
        return parse(SubscriptionSchema, unmarshall(Attributes ?? {}));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          const { text, say } = spoken('unsubscribe.notSubscribed', { track: key.track });
          throw new NotFoundError(text, { cause: error, say });
        }
        throw error;
      }
    },

    /** The channel's subscriptions by track (every channel's, without one): one Query. */
    async listForChannel(teamId: TeamId, channelId?: string): Promise<Subscription[]> {
      const items = await queryAll(client, params.channelSubscriptionsParams(tableName, teamId, channelId));
      return items.map((item) => parse(SubscriptionSchema, item));
    },

    /**
     * Every subscription due at `now`, shard by shard, one page of `pageSize` at a time as the
     * caller pulls: reads follow the number due, and a caller that stops pulling reads no more.
     */
    async *due(now: Date, pageSize = 100): AsyncGenerator<Subscription> {
      for (let shard = 0; shard < shards; shard++) {
        let startKey: QueryCommandInput['ExclusiveStartKey'];
        do {
          const page = await client.send(new QueryCommand(params.dueQueryParams(tableName, shard, now, pageSize, startKey)));
          for (const item of page.Items ?? []) yield parse(SubscriptionSchema, unmarshall(item));
          startKey = page.LastEvaluatedKey;
        } while (startKey);
      }
    },

    /**
     * Claims the delivery of `slot`:
     * 1. a transaction that needs the subscription still due at the slot and no record yet;
     * 2. when a record exists, read it and act on it (see `claimExisting`).
     */
    async claim(input: params.ClaimInput): Promise<ClaimResult> {
      try {
        await client.send(new TransactWriteItemsCommand(params.claimParams(tableName, input)));
        return { kind: 'claimed', reclaimed: false, delivery: params.newDelivery(input) };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const [subscription, record] = codes;
        if (subscription === 'ConditionalCheckFailed') return { kind: 'stale' };
        // TransactionConflict: another sweep is claiming this very slot right now.
        if (record !== 'ConditionalCheckFailed') return { kind: 'busy', delivery: undefined };
      }
      const existing = await claimExisting({ client, tableName }, params.deliveryKey(input.key, input.slot), DeliverySchema, input);
      return existing ?? { kind: 'stale' };
    },

    getDelivery,

    /** `false` when the claim was taken over meanwhile (the new holder finds our message by its metadata). */
    markPosted(input: Parameters<typeof params.markPostedParams>[1]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.markPostedParams(tableName, input))));
    },

    /** `false` when the claim was taken over meanwhile (the new holder decides the slot again, from the same data). */
    markSkipped(input: Parameters<typeof params.markSkippedParams>[1]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.markSkippedParams(tableName, input))));
    },

    release(input: Parameters<typeof params.releaseParams>[1]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.releaseParams(tableName, input))));
    },

    /** `false` when the subscription had already moved on from `slot`. */
    advance(input: Parameters<typeof params.advanceParams>[1]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.advanceParams(tableName, input))));
    },

    pause(input: Parameters<typeof params.pauseParams>[1]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.pauseParams(tableName, input))));
    },
  };
}
