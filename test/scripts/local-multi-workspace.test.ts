import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '#shared/config';
import { createDynamoClient } from '#shared/store/client';
import { createTokenSourceFor } from '#shared/use-cases/tokens';
import { LOCAL } from '#local/env';
import { readEndpoints } from '#local/endpoints';
import { startLocalStack, type LocalStack } from '#local/local-stack';
import { scriptEnv } from '#local/script-settings';

// Issue 23, finding 7: `npm start -- --multi-workspace` seals installs' tokens under a local KMS stand-in.
const localDir = mkdtempSync(path.join(tmpdir(), 'commitments-local-'));
const savedEnv = { ...process.env };
const tableName = `test-${randomUUID()}`;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, localDir, dynamodbEndpoint: inject('dynamodbEndpoint'), tableName, multiWorkspace: true, print: () => {} });
});

afterAll(async () => {
  await stack.stop();
  process.env = savedEnv;
  rmSync(localDir, { recursive: true, force: true });
});

describe('npm start -- --multi-workspace', () => {
  it('tells the other scripts where its KMS stand-in is, and an install stored through their settings is sealed and opens again', async () => {
    const running = readEndpoints(localDir);
    expect(running).toMatchObject({ multiWorkspace: true, tokenKeyArn: LOCAL.tokenKey.arn, kmsEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const env = scriptEnv({ PATH: process.env['PATH'] }, localDir, { slack: true });
    expect(env).toMatchObject({ TOKEN_KEY_ARN: LOCAL.tokenKey.arn, KMS_ENDPOINT: running!.kmsEndpoint });
    const config = loadConfig(env);
    const client = createDynamoClient(config.dynamodbEndpoint);
    try {
      const { installations, tokens } = createTokenSourceFor(config, client);
      await installations.storeInstallation({
        teamId: 'T0LOCAL2',
        isEnterpriseInstall: false,
        botToken: 'xoxb-local-second',
        botId: 'B0BOT',
        botUserId: 'U0BOT',
        botScopes: ['commands'],
        installerUserId: LOCAL.userId,
        installedAt: new Date().toISOString(),
      });
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall({ pk: 'T0LOCAL2#INSTALL', sk: 'TEAM' }) }));
      expect(JSON.stringify(unmarshall(Item!))).not.toContain('xoxb');
      expect(await (await tokens.find({ teamId: 'T0LOCAL2' }))!.botToken()).toBe('xoxb-local-second');
    } finally {
      client.destroy();
    }
  });
});
