import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackWeb } from '#shared/slack/web-api';
import { createStaleTokenHttp } from '#shared/slack/stale-token';
import { FakeSlack } from '#local/fake-slack';

const revoked = new Set(['xoxb-old']);
const slack = new FakeSlack({ fault: (call) => (call.token && revoked.has(call.token) ? { kind: 'slack-error', error: 'token_revoked' } : undefined) });

beforeAll(() => slack.start());
afterAll(() => slack.stop());

describe('a Slack sender that survives a rotated bot token', () => {
  it('repeats a refused call once with the successor, then sends the replaced token’s calls with it straight away', async () => {
    const asked: string[] = [];
    const http = createStaleTokenHttp({ successor: async (stale) => {
        asked.push(stale);
        return stale === 'xoxb-old' ? 'xoxb-new' : undefined;
      },
    });
    const web = createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-old', http });
    expect((await web.call('chat.postMessage', { channel: 'C1', text: 'one' })).kind).toBe('ok');
    expect((await web.call('chat.postMessage', { channel: 'C1', text: 'two' })).kind).toBe('ok');
    expect(slack.callsTo('chat.postMessage').map((c) => [c.token, c.args['text']])).toEqual([
      ['xoxb-old', 'one'],
      ['xoxb-new', 'one'],
      ['xoxb-new', 'two'],
    ]);
    expect(asked).toEqual(['xoxb-old']);
  });

  it('answers the refusal as it came when there is no other token', async () => {
    revoked.add('xoxb-only');
    const http = createStaleTokenHttp({ successor: async () => undefined });
    const reply = await createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-only', http }).call('conversations.open', { users: 'U1' });
    expect(reply).toEqual({ kind: 'error', error: 'token_revoked' });
    expect(slack.callsTo('conversations.open')).toHaveLength(1);
  });

  it('leaves other refusals alone, asking for no token', async () => {
    const asked: string[] = [];
    const http = createStaleTokenHttp({ successor: async (stale) => {
        asked.push(stale);
        return 'xoxb-other';
      },
    });
    const reply = await createSlackWeb({ apiUrl: slack.apiUrl, token: 'xoxb-fine', http }).call('users.info', { user: 'nobody' });
    expect(reply).toEqual({ kind: 'error', error: 'user_not_found' });
    expect(asked).toEqual([]);
  });
});
