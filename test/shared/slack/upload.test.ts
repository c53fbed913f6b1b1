import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '#shared/errors';
import { SlackApiError, openDirectMessage, uploadFile, uploadFiles, type SlackApi } from '#shared/slack/upload';
import { FakeSlack } from '#local/fake-slack';

let slack: FakeSlack;
let api: SlackApi;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  api = { apiUrl: slack.apiUrl, token: 'xoxb-test-token' };
});
beforeEach(() => {
  slack.calls.length = 0;
  slack.completedUploads.length = 0;
  slack.options.fault = undefined;
});
afterAll(() => slack.stop());

// Non-ASCII on purpose: the announced length must be in bytes, not characters.
const MARKDOWN = '# Japan–South Korea\n\n- 한국어 and 日本語\n';
const CSV = '\uFEFFid,title\r\nJK-1,"a, b"\r\n';

describe('uploadFiles', () => {
  it('opens a DM with the user, uploads each file’s bytes and shares both in one completion', async () => {
    const result = await uploadFiles(api, {
      userId: 'U0MARIA',
      files: [
        { filename: 'brief.md', title: 'Briefing', content: MARKDOWN },
        { filename: 'brief.csv', content: new TextEncoder().encode(CSV) },
      ],
      initialComment: 'Here is the briefing',
    });

    expect(slack.callsTo('conversations.open').map((c) => c.args)).toEqual([{ users: 'U0MARIA' }]);
    const announced = slack.callsTo('files.getUploadURLExternal').map((c) => c.args).sort((a, b) => String(a['filename']).localeCompare(String(b['filename'])));
    expect(announced).toEqual([
      { filename: 'brief.csv', length: String(Buffer.byteLength(CSV)) },
      { filename: 'brief.md', length: String(Buffer.byteLength(MARKDOWN)) },
    ]);
    expect(slack.calls.filter((c) => c.method.startsWith('upload_url:'))).toHaveLength(2);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);

    expect(result.channelId).toBe('D0MARIA');
    expect(slack.uploadedFiles().map(({ title, filename, content, channelId, initialComment }) => ({ title, filename, content, channelId, initialComment }))).toEqual([
      { title: 'Briefing', filename: 'brief.md', content: MARKDOWN, channelId: 'D0MARIA', initialComment: 'Here is the briefing' },
      { title: 'brief.csv', filename: 'brief.csv', content: CSV, channelId: 'D0MARIA', initialComment: 'Here is the briefing' },
    ]);
    expect(slack.uploadedFiles()[1]!.bytes.equals(Buffer.from(new TextEncoder().encode(CSV)))).toBe(true);
    expect(result.files.map((f) => f.title)).toEqual(['Briefing', 'brief.csv']);
  });

  it('sends the bot token to the Web API but not to the pre-signed upload URL', async () => {
    await uploadFile(api, { channelId: 'C0GENERAL', file: { filename: 'a.md', content: 'hello' } });
    for (const call of slack.calls) {
      expect(call.token).toBe(call.method.startsWith('upload_url:') ? undefined : 'xoxb-test-token');
    }
  });

  it('shares in the given channel without opening a DM', async () => {
    const result = await uploadFile(api, { channelId: 'C0GENERAL', userId: 'U0MARIA', file: { filename: 'a.md', content: 'hello' }, initialComment: 'hi' });
    expect(result.channelId).toBe('C0GENERAL');
    expect(slack.callsTo('conversations.open')).toHaveLength(0);
    expect(slack.callsTo('files.completeUploadExternal')[0]!.args).toMatchObject({ channel_id: 'C0GENERAL', initial_comment: 'hi' });
  });

  it('uploads without sharing when given neither a channel nor a user', async () => {
    const result = await uploadFile(api, { file: { filename: 'a.md', content: 'hello' }, initialComment: 'ignored' });
    expect(result.channelId).toBeUndefined();
    const args = slack.callsTo('files.completeUploadExternal')[0]!.args;
    expect(args).not.toHaveProperty('channel_id');
    expect(args).not.toHaveProperty('initial_comment');
  });
});

describe('Slack errors', () => {
  it('turns ok:false into a SlackApiError (code slack) carrying Slack’s error string, and shares nothing', async () => {
    slack.options.fault = (call) => (call.method === 'files.getUploadURLExternal' ? { kind: 'slack-error', error: 'not_authed' } : undefined);
    const error = await uploadFile(api, { channelId: 'C0GENERAL', file: { filename: 'a.md', content: 'hello' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'slack', method: 'files.getUploadURLExternal', error: 'not_authed' });
    expect((error as Error).message).toContain('not_authed');
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(0);
  });

  it('stops before uploading when the DM cannot be opened', async () => {
    slack.options.fault = (call) => (call.method === 'conversations.open' ? { kind: 'slack-error', error: 'missing_scope' } : undefined);
    await expect(uploadFile(api, { userId: 'U0MARIA', file: { filename: 'a.md', content: 'hello' } })).rejects.toMatchObject({
      code: 'slack',
      method: 'conversations.open',
      error: 'missing_scope',
    });
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('fails without completing when the upload URL refuses the bytes', async () => {
    slack.options.fault = (call) => (call.method.startsWith('upload_url:') ? { kind: 'server-error', status: 500 } : undefined);
    await expect(uploadFile(api, { channelId: 'C0GENERAL', file: { filename: 'a.md', content: 'hello' } })).rejects.toMatchObject({
      code: 'slack',
      method: 'file upload',
      error: 'http 500',
    });
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(0);
  });

  it('reports a rate limit and an unreachable Slack as SlackApiErrors too', async () => {
    slack.options.fault = (call) => (call.method === 'files.completeUploadExternal' ? { kind: 'rate-limited', retryAfterSeconds: 1 } : undefined);
    await expect(uploadFile(api, { channelId: 'C0GENERAL', file: { filename: 'a.md', content: 'x' } })).rejects.toMatchObject({ error: 'ratelimited' });
    slack.options.fault = () => ({ kind: 'server-error', status: 503 });
    await expect(openDirectMessage(api, 'U0MARIA')).rejects.toMatchObject({ code: 'slack', error: 'http 503' });
  });
});
