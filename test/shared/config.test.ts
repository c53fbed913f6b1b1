import { describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config';

const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' };

describe('loadConfig Slack modes', () => {
  it('serves one workspace with a bot token, as before', async () => {
    const secret = await loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slackSecret();
    expect(secret).toEqual({ mode: 'single', signingSecret: 's', botToken: 'xoxb-1' });
  });

  it('serves many workspaces with the OAuth keys and no bot token', async () => {
    const secret = await loadConfig({ SLACK_SIGNING_SECRET: 's', ...oauth }).slackSecret();
    expect(secret).toEqual({ mode: 'multi', signingSecret: 's', oauth: { clientId: '1.2', clientSecret: 'client-secret', stateSecret: 'state-secret-0123456789' } });
  });

  it('keeps one workspace when a bot token is set beside the OAuth keys', async () => {
    expect((await loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', ...oauth }).slackSecret()).mode).toBe('single');
  });

  it('tells the reminder function how to call Slack without the signing or state secret', async () => {
    expect(await loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }).sending()).toEqual({ mode: 'single', botToken: 'xoxb-1' });
    expect(await loadConfig(oauth).sending()).toEqual({ mode: 'multi', client: { clientId: '1.2', clientSecret: 'client-secret' } });
  });

  it('refuses OAuth keys with one missing, naming what to set', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c' })).toThrow(/SLACK_STATE_SECRET/);
  });

  it('refuses a state secret shorter than 16 characters', () => {
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's', ...oauth, SLACK_STATE_SECRET: 'short' })).toThrow(/SLACK_STATE_SECRET/);
  });

  it('takes the deployment’s address from PUBLIC_URL without its trailing slash, and refuses one that is not http(s) (issue 23)', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', ...oauth, PUBLIC_URL: 'https://abc.execute-api.eu-west-1.amazonaws.com/' }).publicUrl).toBe('https://abc.execute-api.eu-west-1.amazonaws.com');
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', ...oauth }).publicUrl).toBeUndefined();
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's', ...oauth, PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
  });

  it('sends Add to Slack to slack.com unless told otherwise', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'x' }).slackAuthorizeUrl).toBe('https://slack.com/oauth/v2/authorize');
  });
});
