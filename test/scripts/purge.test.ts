import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '#shared/store/store';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import { createInstallationStore } from '#shared/store/installations';
import { createPeopleStore } from '#shared/store/people';
import { SlackUserSchema } from '#shared/domain/access';
import { createKmsTokenSealer } from '#shared/store/sealed-tokens';
import { FakeKms } from '#local/fake-kms';
import { seedBusan } from '#shared/use-cases/seed';
import { subscribe } from '#shared/use-cases/subscriptions';
import { useTestTable } from '../support/dynamodb.ts';
import { runScript } from '../support/run-script.ts';
import { purgeLine } from '../../scripts/local/purge-summary.ts';

const table = useTestTable();
const now = new Date('2026-03-01T00:00:00Z');

async function pksOf(): Promise<string[]> {
  const { Items = [] } = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }));
  return Items.map((item) => String(unmarshall(item)['pk']));
}

async function purge(...args: string[]): Promise<{ status: number; stdout: string }> {
  const { code, stdout } = await runScript('purge', args, { ...process.env, TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint });
  return { status: code, stdout };
}

const kms = new FakeKms();
afterAll(() => kms.stop());

beforeAll(async () => {
  await kms.start();
  const store = createStore(table);
  const subs = { store, subscriptions: createSubscriptionStore(table) };
  for (const teamId of ['T0PURGE', 'T0PURGE1']) {
    await seedBusan(store, teamId, now);
    await subscribe(subs, { teamId, channelId: 'C0DIGEST', track: 'japan-korea', by: 'U0A', now });
    await createInstallationStore({ ...table, sealer: createKmsTokenSealer({ keyId: kms.key.arn, endpoint: kms.url }) }).storeInstallation({
      teamId,
      isEnterpriseInstall: false,
      botToken: `xoxb-${teamId}`,
      botId: 'B0',
      botUserId: 'U0BOT',
      botScopes: [],
      installerUserId: 'U0A',
      installedAt: now.toISOString(),
    });
    await createInstallationStore(table).claimEvent(teamId, 'Ev1', now);
    const people = createPeopleStore(table);
    await people.save({ teamId, userId: 'U0MARIA', user: SlackUserSchema.parse({ id: 'U0MARIA', tz: 'Asia/Tokyo' }), fetchedAt: now.toISOString(), asOf: now.getTime() });
    await people.saveGroup({ teamId, groupId: 'S0GOV', handle: 'gov-affairs', users: ['U0MARIA'], fetchedAt: now.toISOString(), asOf: now.getTime() });
  }
});

describe('npm run purge', () => {
  it('without --yes only counts what it would delete', async () => {
    const before = await pksOf();
    const result = await purge('--team', 'T0PURGE');
    expect(result.status).toBe(0);
    const count = before.filter((pk) => pk === 'T0PURGE' || pk.startsWith('T0PURGE#')).length;
    expect(result.stdout).toContain(`${count} items`);
    expect(result.stdout).toContain('--yes');
    expect(await pksOf()).toEqual(before);
  });

  it('with --yes deletes every item of the team, and none of a team whose id only starts the same', async () => {
    const before = await pksOf();
    // Issue 23: the team's install, its sealed tokens with it, is among what goes.
    expect(before).toContain('T0PURGE#INSTALL');
    const people = createPeopleStore(table);
    expect((await people.getMany('T0PURGE', ['U0MARIA'])).size).toBe(1);
    expect((await purge('--team', 'T0PURGE', '--yes')).status).toBe(0);
    // Who its people are to Slack goes too; the other team's stay.
    expect({ people: (await people.getMany('T0PURGE', ['U0MARIA'])).size, groups: (await people.getGroups('T0PURGE', ['S0GOV'])).size }).toEqual({ people: 0, groups: 0 });
    expect({ people: (await people.getMany('T0PURGE1', ['U0MARIA'])).size, groups: (await people.getGroups('T0PURGE1', ['S0GOV'])).size }).toEqual({ people: 1, groups: 1 });
    const after = await pksOf();
    expect(after).not.toContain('T0PURGE#INSTALL');
    expect(after.filter((pk) => pk === 'T0PURGE' || pk.startsWith('T0PURGE#'))).toEqual([]);
    expect(after.sort()).toEqual(before.filter((pk) => pk === 'T0PURGE1' || pk.startsWith('T0PURGE1#')).sort());
    expect(after.length).toBeGreaterThan(5);
  });

  it('says nothing of a team with no items was there, with or without --yes (issue 25)', async () => {
    const before = await pksOf();
    for (const args of [['--team', 'T0NEVERHERE'], ['--team', 'T0NEVERHERE', '--yes']]) {
      const result = await purge(...args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Team T0NEVERHERE: nothing of this team is in \S+, so nothing was deleted\.\n$/);
    }
    expect(await pksOf()).toEqual(before);
  });

  it('counts one item in the singular and large counts with digit groups (issue 25)', async () => {
    expect(purgeLine('T0ONE', 1, 'commitments', false)).toBe('Team T0ONE: 1 item in commitments would be deleted for good. Run again with --yes to delete it.');
    expect(purgeLine('T0MANY', 12_345, 'commitments', true)).toBe('Team T0MANY: deleted 12,345 items from commitments.');
  });

  it('refuses a missing or malformed team id', async () => {
    expect((await purge()).status).toBe(2);
    expect((await purge('--team', 'nonsense')).status).toBe(2);
  });
});
