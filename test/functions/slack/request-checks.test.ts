import { describe, expect, it } from 'vitest';
import { commandEvent, interactionEvent } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';

const harness = useSlackHandler({ countRequests: true });

describe('requests without a workspace (issue 15)', () => {
  it('answers a signed command with an empty team_id 400 before any DynamoDB call', async () => {
    harness.requests().reset();
    const result = await harness.send(commandEvent('update JK-4 in-progress', { teamId: '' }));
    expect(result.statusCode).toBe(400);
    expect(result.json()['error']).toMatch(/names no workspace \(team_id is empty\)/);
    expect(harness.requests().snapshot()).toEqual({});
    expect(harness.slack.calls).toHaveLength(0);
  });

  it('answers a signed button press whose payload names no team 400 before any DynamoDB call', async () => {
    harness.requests().reset();
    const payload = { type: 'block_actions', team: { id: '' }, user: { id: 'U0A', team_id: '' }, trigger_id: 't', actions: [{ action_id: 'commitment_update', type: 'button', value: 'JK-2' }] };
    const result = await harness.send(interactionEvent(payload));
    expect(result.statusCode).toBe(400);
    expect(harness.requests().snapshot()).toEqual({});
  });
});
