import { describe, expect, it } from 'vitest';
import { ACTION_IDS, VIEW_IDS } from '#shared/slack-app/definitions';
import { blockAction, commandEvent, interactionEvent, viewSubmission } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';

const NOW = new Date('2026-03-25T01:00:00Z');
const TEAM = 'T0COUNT';
const harness = useSlackHandler({ countRequests: true });

useBusanAt(harness, TEAM, NOW);

/** The DynamoDB requests one signed command costs, by operation, counted at the wire. */
async function requestsFor(text: string): Promise<Record<string, number>> {
  harness.requests().reset();
  const result = await harness.send(commandEvent(text, { teamId: TEAM, responseUrl: harness.slack.responseUrl('count') }));
  expect(result.statusCode).toBe(200);
  expect(result.body).not.toMatch(/went wrong|No track|not allowed/);
  return harness.requests().snapshot();
}

describe('DynamoDB requests per command, with the access check every command passes', () => {
  it('reads a report’s track with the caller’s and the app manager’s records in one BatchGetItem, then its items with one Query once the check has passed', async () => {
    await requestsFor('japan-korea'); // the first request of a container also resolves its caches
    expect(await requestsFor('japan-korea')).toEqual({ BatchGetItem: 1, Query: 1 });
  });

  it('reads one item with its track, the caller’s and the app manager’s records in one BatchGetItem once the prefix is known', async () => {
    await requestsFor('show JK-4');
    expect(await requestsFor('show JK-4')).toEqual({ BatchGetItem: 1 });
  });

  it('reads an item, its track and the caller’s record with one BatchGetItem, and its history with one Query', async () => {
    expect(await requestsFor('history JK-4')).toEqual({ BatchGetItem: 1, Query: 1 });
  });

  it('reads the item an item’s button names, its track and the presser’s records in one BatchGetItem (beside the replay claim) before opening its form', async () => {
    await requestsFor('show JK-4'); // the prefix known, as it is to a container that drew the button
    harness.requests().reset();
    const opened = harness.slack.callsTo('views.open').length;
    await harness.send(interactionEvent(blockAction(TEAM, ACTION_IDS.markDone, 'JK-4', harness.slack.responseUrl('press'))));
    expect(harness.requests().snapshot()).toEqual({ BatchGetItem: 1, PutItem: 1 });
    expect(harness.slack.callsTo('views.open')).toHaveLength(opened + 1);
    expect(JSON.stringify(harness.slack.callsTo('views.open').at(-1)?.args)).toContain('JK-4');
  });

  it('saves an item’s form with one read of the item, its track and the submitter’s records, and one transaction', async () => {
    await requestsFor('show JK-4');
    const { version } = await harness.store().getCommitment(TEAM, 'JK-4');
    harness.requests().reset();
    const note = { note: { note: { type: 'plain_text_input', value: 'minutes filed' } } };
    const submitted = await harness.send(interactionEvent(viewSubmission(TEAM, VIEW_IDS.addNote, JSON.stringify({ id: 'JK-4', version }), note)));
    expect(submitted.statusCode).toBe(200);
    const counts = harness.requests().snapshot();
    // One for the change; one for the Home redraw after the answer (the submitter's records).
    expect(counts['BatchGetItem']).toBe(2);
    expect(counts['TransactWriteItems']).toBe(1);
    expect(counts['GetItem']).toBeUndefined();
  });

  it('subscribes a channel reading the track once, with the caller’s records, then the channel’s subscription', async () => {
    const counts = await requestsFor('subscribe japan-korea every monday 09:00');
    // One for the track and the caller; one for the Home redraw after the answer (the caller's records).
    expect(counts['BatchGetItem']).toBe(2);
    expect(counts['GetItem']).toBe(1);
    expect(counts['PutItem']).toBe(2); // the subscription and the replay claim
  });

  it('changes an item with one read, one transaction and the replay claim', async () => {
    const counts = await requestsFor('note JK-4 "met the working group"');
    // One for the change (the item, its track and the caller's records); one for the Home redraw after the answer (the caller's records).
    expect(counts['BatchGetItem']).toBe(2);
    expect(counts['TransactWriteItems']).toBe(1);
    expect(counts['PutItem']).toBe(1);
    expect(counts['GetItem']).toBeUndefined();
  });
});

describe('a cold container’s first command', () => {
  it('reads the report’s track with the caller’s records before Slack says who the caller is, and its items only once the caller may see them (issue 23)', async () => {
    const stranger = 'U0NEWCOMER'; // not in the directory's cache yet
    let atLookup: Record<string, number> | undefined;
    harness.slack.options.hold = (call) => {
      if (call.method !== 'users.info' || call.args['user'] !== stranger) return undefined;
      // users.info answers only once the BatchGetItem of the track and the caller's records has reached DynamoDB, or after a bound.
      return new Promise<void>((answer) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if ((harness.requests().counts.get('BatchGetItem') ?? 0) >= 1 || Date.now() - started > 10_000) {
            atLookup = harness.requests().snapshot();
            clearInterval(poll);
            answer();
          }
        }, 5);
      });
    };
    try {
      harness.requests().reset();
      const result = await harness.send(commandEvent('japan-korea', { teamId: TEAM, userId: stranger, responseUrl: harness.slack.responseUrl('cold') }));
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain('JK-1');
      expect(atLookup).toEqual({ BatchGetItem: 1 });
    } finally {
      delete harness.slack.options.hold;
    }
  });
});
