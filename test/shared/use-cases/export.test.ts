import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/errors';
import { createStore } from '#shared/store/store';
import { createPeopleStore } from '#shared/store/people';
import { createPeopleDirectory } from '#shared/use-cases/access';
import { exportBriefing, type ExportDeps } from '#shared/use-cases/export';
import { seedBusan } from '#shared/use-cases/seed';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';

const NOW = new Date('2026-03-25T01:00:00Z'); // 10:00 in Tokyo
const TEAM = 'T0EXPORT';
const PLAIN_USER = { deleted: false, is_bot: false, is_app_user: false, is_admin: false, is_owner: false, is_primary_owner: false, is_restricted: false, is_ultra_restricted: false, is_stranger: false };
const table = useTestTable();
let slack: FakeSlack;
let deps: ExportDeps;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  const store = createStore({ client: table.client, tableName: table.tableName });
  await seedBusan(store, TEAM, new Date('2026-03-01T00:00:00Z'));
  const people = createPeopleStore({ client: table.client, tableName: table.tableName });
  const directory = createPeopleDirectory({ people, apiUrl: slack.apiUrl, token: async () => 'xoxb-test-token', clock: () => NOW, later: () => undefined });
  deps = { store, directory, slack: { apiUrl: slack.apiUrl, token: 'xoxb-test-token' } };
  // Maria is known to the bot; Pedro has never used it.
  await people.save({ teamId: TEAM, userId: 'U0MARIA', user: { ...PLAIN_USER, id: 'U0MARIA', real_name: 'Maria Kim', profile: { display_name: '' } }, fetchedAt: NOW.toISOString(), asOf: NOW.getTime() });
  const owners = [
    { label: '<@U0MARIA>', slackUserId: 'U0MARIA' },
    { label: '<@U0PEDRO>', slackUserId: 'U0PEDRO' },
  ];
  const draft = { title: 'Exchange liaison officers', parties: ['JP', 'KR'], owners, source: { meeting: 'Added in Slack', date: '2026-03-20', addedBy: 'U0MARIA' }, kind: { type: 'one-off' as const }, status: 'not-started' as const, notes: [] };
  await store.createCommitment(TEAM, 'japan-korea', draft, 'U0MARIA', NOW);
});
beforeEach(() => {
  slack.calls.length = 0;
  slack.completedUploads.length = 0;
});
afterAll(() => slack.stop());

describe('exportBriefing', () => {
  it('sends the Busan briefing and CSV to the user in a direct message and says so', async () => {
    const result = await exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-korea', now: NOW });

    expect(result.summary).toBe('Sent you japan-korea-briefing-2026-03-25.md and .csv in a direct message.');
    expect(slack.callsTo('conversations.open').map((c) => c.args)).toEqual([{ users: 'U0MARIA' }]);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const [markdown, csv] = slack.uploadedFiles();
    expect(markdown).toMatchObject({ filename: 'japan-korea-briefing-2026-03-25.md', channelId: 'D0MARIA', title: 'Japan–South Korea: Busan summit follow-ups: briefing (Markdown)' });
    expect(markdown!.initialComment).toBe('Briefing for *japan-korea* as of Wed 25 Mar 2026 (Asia/Tokyo).');
    expect(markdown!.content).toMatch(/^# Japan–South Korea: Busan summit follow-ups\n/);
    for (const id of ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5', 'JK-6']) expect(markdown!.content).toContain(`### ${id}: `);
    expect(csv).toMatchObject({ filename: 'japan-korea-briefing-2026-03-25.csv', channelId: 'D0MARIA' });
    expect(csv!.content.startsWith('\uFEFFid,title,status,')).toBe(true);
    expect(csv!.content.split('\r\n').filter(Boolean)).toHaveLength(7);
    expect(result.fileIds).toEqual([markdown!.id, csv!.id]);
  });

  it('shares the files in the channel instead when asked', async () => {
    const result = await exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-korea', share: true, now: NOW });
    expect(result).toMatchObject({ channelId: 'C0GENERAL', summary: 'Shared japan-korea-briefing-2026-03-25.md and .csv in this channel.' });
    expect(slack.callsTo('conversations.open')).toHaveLength(0);
    expect(slack.uploadedFiles().map((f) => f.channelId)).toEqual(['C0GENERAL', 'C0GENERAL']);
  });

  it('names the people it knows in both files, and leaves the others as their ids', async () => {
    await exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-korea', now: NOW });
    const [markdown, csv] = slack.uploadedFiles();
    expect(markdown!.content).toContain('- **Owners:** @Maria Kim, @U0PEDRO');
    expect(markdown!.content).toContain('Added in Slack by @Maria Kim on');
    expect(csv!.content).toContain('@Maria Kim; @U0PEDRO');
    expect(slack.callsTo('users.info')).toHaveLength(0);
  });

  it('answers an unknown track with not-found and calls Slack not at all', async () => {
    await expect(exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-kroea', now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    expect(slack.calls).toHaveLength(0);
  });
});
