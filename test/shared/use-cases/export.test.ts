import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/errors';
import { createStore } from '#shared/store/store';
import { exportBriefing, type ExportDeps } from '#shared/use-cases/export';
import { seedBusan } from '#shared/use-cases/seed';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';

const NOW = new Date('2026-03-25T01:00:00Z'); // 10:00 in Tokyo
const TEAM = 'T0EXPORT';
const table = useTestTable();
let slack: FakeSlack;
let deps: ExportDeps;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  const store = createStore({ client: table.client, tableName: table.tableName });
  await seedBusan(store, TEAM, new Date('2026-03-01T00:00:00Z'));
  deps = { store, slack: { apiUrl: slack.apiUrl, token: 'xoxb-test-token' } };
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
    for (const id of ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5']) expect(markdown!.content).toContain(`### ${id}: `);
    expect(csv).toMatchObject({ filename: 'japan-korea-briefing-2026-03-25.csv', channelId: 'D0MARIA' });
    expect(csv!.content.startsWith('\uFEFFid,title,status,')).toBe(true);
    expect(csv!.content.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(result.fileIds).toEqual([markdown!.id, csv!.id]);
  });

  it('shares the files in the channel instead when asked', async () => {
    const result = await exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-korea', share: true, now: NOW });
    expect(result).toMatchObject({ channelId: 'C0GENERAL', summary: 'Shared japan-korea-briefing-2026-03-25.md and .csv in this channel.' });
    expect(slack.callsTo('conversations.open')).toHaveLength(0);
    expect(slack.uploadedFiles().map((f) => f.channelId)).toEqual(['C0GENERAL', 'C0GENERAL']);
  });

  it('answers an unknown track with not-found and calls Slack not at all', async () => {
    await expect(exportBriefing(deps, { teamId: TEAM, userId: 'U0MARIA', channelId: 'C0GENERAL', track: 'japan-kroea', now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    expect(slack.calls).toHaveLength(0);
  });
});
