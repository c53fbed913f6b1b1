import { GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Installation } from '#shared/domain/installation';
import { ConfigError } from '#shared/errors';
import { createInstallationStore } from '#shared/store/installations';
import { createKmsTokenSealer, SealedTokensError } from '#shared/store/sealed-tokens';
import { FakeKms } from '#local/fake-kms';
import { useTestTable } from '../../support/dynamodb.ts';

// Issue 23, finding 7: every workspace's bot and refresh token sat in the table as plain attributes.
const table = useTestTable();
const kms = new FakeKms();
beforeAll(() => kms.start());
afterAll(() => kms.stop());

const store = () => createInstallationStore({ ...table, sealer: createKmsTokenSealer({ keyId: kms.key.arn, endpoint: kms.url }) });

const install = (teamId: string, extra: Partial<Installation> = {}): Installation => ({
  teamId,
  isEnterpriseInstall: false,
  botToken: `xoxe.xoxb-${teamId}-secret`,
  botRefreshToken: `xoxe-1-${teamId}-refresh`,
  botExpiresAt: 1_900_000_000,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  botScopes: ['commands'],
  installerUserId: 'U0MARIA',
  installedAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

const rawItem = async (pk: string, sk = 'TEAM') => {
  const { Item } = await table.client.send(new GetItemCommand({ TableName: table.tableName, Key: marshall({ pk, sk }) }));
  return Item && unmarshall(Item);
};

describe('install tokens at rest', () => {
  it('stores the bot and refresh tokens sealed: no token text anywhere in the item', async () => {
    const before = kms.calls('GenerateDataKey');
    await store().storeInstallation(install('T0SEAL'));
    const item = await rawItem('T0SEAL#INSTALL');
    expect(item).toBeDefined();
    expect(JSON.stringify(item)).not.toContain('secret');
    expect(JSON.stringify(item)).not.toContain('refresh');
    expect(JSON.stringify(item)).not.toContain('xox');
    expect(item).not.toHaveProperty('botToken');
    expect(item).not.toHaveProperty('botRefreshToken');
    expect(Object.keys(item!['sealedTokens'] as object).sort()).toEqual(['data', 'iv', 'key', 'tag', 'v']);
    expect(item).toMatchObject({ teamId: 'T0SEAL', botId: 'B0BOT', botExpiresAt: 1_900_000_000 });
    expect(kms.calls('GenerateDataKey') - before).toBe(1);
  });

  it('opens them again through KMS, one Decrypt per opening', async () => {
    await store().storeInstallation(install('T0ROUND'));
    const stored = await store().fetchInstallation({ teamId: 'T0ROUND' });
    expect(stored?.installation).toMatchObject({ teamId: 'T0ROUND', botUserId: 'U0BOT' });
    expect(stored?.installation).not.toHaveProperty('botToken');
    const before = kms.calls('Decrypt');
    expect(await store().openTokens(stored!)).toEqual({ botToken: 'xoxe.xoxb-T0ROUND-secret', botRefreshToken: 'xoxe-1-T0ROUND-refresh' });
    expect(kms.calls('Decrypt') - before).toBe(1);
  });

  it('seals the tokens of an install stored before sealing on its next read, once, even when two containers read it at once', async () => {
    const legacy = { pk: 'T0OLD#INSTALL', sk: 'TEAM', type: 'installation', ...install('T0OLD') };
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: marshall(legacy, { removeUndefinedValues: true }) }));
    const decrypts = kms.calls('Decrypt');
    const [first, second] = await Promise.all([store().fetchInstallation({ teamId: 'T0OLD' }), store().fetchInstallation({ teamId: 'T0OLD' })]);
    // The plain tokens read serve this use without a KMS Decrypt.
    for (const read of [first, second]) expect(await store().openTokens(read!)).toEqual({ botToken: 'xoxe.xoxb-T0OLD-secret', botRefreshToken: 'xoxe-1-T0OLD-refresh' });
    expect(kms.calls('Decrypt')).toBe(decrypts);
    const item = await rawItem('T0OLD#INSTALL');
    expect(JSON.stringify(item)).not.toContain('xox');
    expect(item).not.toHaveProperty('botToken');
    // One rewrite won; the other's condition (the plain token still there) refused it.
    expect([first!.sealed.key, second!.sealed.key]).toContain((item!['sealedTokens'] as { key: string }).key);
    const again = await store().fetchInstallation({ teamId: 'T0OLD' });
    expect(again?.plain).toBeUndefined();
    expect(await store().openTokens(again!)).toEqual({ botToken: 'xoxe.xoxb-T0OLD-secret', botRefreshToken: 'xoxe-1-T0OLD-refresh' });
  });

  it('refuses to open a record copied to another team: a clear error that shows no token', async () => {
    await store().storeInstallation(install('T0ALPHA'));
    const copied = { ...(await rawItem('T0ALPHA#INSTALL')), pk: 'T0BETA#INSTALL', teamId: 'T0BETA' };
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: marshall(copied) }));
    const stored = await store().fetchInstallation({ teamId: 'T0BETA' });
    const error = await store()
      .openTokens(stored!)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SealedTokensError);
    expect((error as Error).message).toBe('The tokens stored for T0BETA do not open under its own ids: the record was moved or altered. Install the app again.');
    expect(JSON.stringify(error)).not.toContain('xox');
  });

  it('refuses a record copied to another team with its ids left as they were', async () => {
    await store().storeInstallation(install('T0GAMMA'));
    await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: marshall({ ...(await rawItem('T0GAMMA#INSTALL')), pk: 'T0DELTA#INSTALL' }) }));
    await expect(store().fetchInstallation({ teamId: 'T0DELTA' })).rejects.toThrow(
      new SealedTokensError('The install stored under T0DELTA#INSTALL names another install: the record was moved or altered. Install the app again.'),
    );
  });

  it('binds an org-wide install to its organisation', async () => {
    await store().storeInstallation(install('T0UNUSED', { teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true }));
    const stored = await store().fetchInstallation({ enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    expect((await store().openTokens(stored!)).botToken).toBe('xoxe.xoxb-T0UNUSED-secret');
    await table.client.send(
      new PutItemCommand({ TableName: table.tableName, Item: marshall({ ...(await rawItem('E0ORG#INSTALL', 'ORG')), pk: 'E0OTHER#INSTALL', enterpriseId: 'E0OTHER' }) }),
    );
    const moved = await store().fetchInstallation({ enterpriseId: 'E0OTHER', isEnterpriseInstall: true });
    await expect(store().openTokens(moved!)).rejects.toBeInstanceOf(SealedTokensError);
  });

  it('opens nothing under another key', async () => {
    const other = await new FakeKms({ arn: kms.key.arn }).start();
    try {
      await store().storeInstallation(install('T0KEYED'));
      const elsewhere = createInstallationStore({ ...table, sealer: createKmsTokenSealer({ keyId: kms.key.arn, endpoint: other.url }) });
      await expect(elsewhere.openTokens((await elsewhere.fetchInstallation({ teamId: 'T0KEYED' }))!)).rejects.toBeInstanceOf(SealedTokensError);
    } finally {
      await other.stop();
    }
  });

  it('seals a rotated token, and keeps only the first of two rotations from the same read', async () => {
    await store().storeInstallation(install('T0ROT'));
    const read = (await store().fetchInstallation({ teamId: 'T0ROT' }))!;
    expect(await store().rotateToken(read, { botToken: 'xoxe.xoxb-T0ROT-second', botRefreshToken: 'xoxe-1-T0ROT-r2', botExpiresAt: 1_900_043_200 })).toBe(true);
    expect(await store().rotateToken(read, { botToken: 'xoxe.xoxb-T0ROT-third', botRefreshToken: 'xoxe-1-T0ROT-r3', botExpiresAt: 1_900_086_400 })).toBe(false);
    const item = await rawItem('T0ROT#INSTALL');
    expect(JSON.stringify(item)).not.toContain('xox');
    expect(item).toMatchObject({ botExpiresAt: 1_900_043_200 });
    expect(await store().openTokens((await store().fetchInstallation({ teamId: 'T0ROT' }))!)).toEqual({ botToken: 'xoxe.xoxb-T0ROT-second', botRefreshToken: 'xoxe-1-T0ROT-r2' });
  });

  it('stores nothing without a token key', async () => {
    const keyless = createInstallationStore(table);
    await expect(keyless.storeInstallation(install('T0NOKEY'))).rejects.toThrow(new ConfigError("Configuration: set TOKEN_KEY_ARN, the KMS key that seals installs' tokens."));
    expect(await rawItem('T0NOKEY#INSTALL')).toBeUndefined();
  });

  it('leaves no token in the table once a team is purged or uninstalled', async () => {
    await store().storeInstallation(install('T0GONE'));
    await store().storeInstallation(install('T0LEFT'));
    await store().purgeTeam('T0GONE');
    expect(await store().deleteInstallation({ teamId: 'T0LEFT' }, new Date())).toBe('deleted');
    const { Items = [] } = await table.client.send(new ScanCommand({ TableName: table.tableName }));
    const left = Items.map((item) => unmarshall(item)).filter((item) => ['T0GONE', 'T0LEFT'].some((team) => String(item['pk']).startsWith(team)));
    expect(left).toEqual([]);
  });
});
