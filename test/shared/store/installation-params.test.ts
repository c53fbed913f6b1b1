import { describe, expect, it } from 'vitest';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { InstallationInfo } from '#shared/domain/installation';
import type { SealedTokens } from '#shared/store/sealed-tokens';
import {
  claimEventParams,
  claimStateParams,
  deleteBatchesParams,
  EVENT_TTL_SECONDS,
  installationLookupKeys,
  putInstallationParams,
  rotateTokenParams,
  sealPlainTokensParams,
  teamItemsScanParams,
} from '#shared/store/installation-params';

const install: InstallationInfo = {
  teamId: 'T0ALPHA',
  isEnterpriseInstall: false,
  botId: 'B0A',
  botUserId: 'U0BOT',
  botScopes: ['commands'],
  installerUserId: 'U0MARIA',
  installedAt: '2026-03-01T00:00:00.000Z',
};
const sealed: SealedTokens = { v: 1, key: 'a2V5', iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' };

describe('installation keys', () => {
  it('stores a workspace install under its team and an org-wide install under its enterprise', () => {
    expect(unmarshall(putInstallationParams('t', install, sealed).Item!)).toMatchObject({ pk: 'T0ALPHA#INSTALL', sk: 'TEAM', type: 'installation', sealedTokens: sealed });
    const org = { ...install, teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true };
    expect(unmarshall(putInstallationParams('t', org, sealed).Item!)).toMatchObject({ pk: 'E0ORG#INSTALL', sk: 'ORG' });
  });

  it('looks up an org-wide request by enterprise only, and a workspace request by team, then by its organisation', () => {
    expect(installationLookupKeys({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual([{ pk: 'E1#INSTALL', sk: 'ORG' }]);
    expect(installationLookupKeys({ teamId: 'T1', enterpriseId: 'E1' })).toEqual([
      { pk: 'T1#INSTALL', sk: 'TEAM' },
      { pk: 'E1#INSTALL', sk: 'ORG' },
    ]);
    expect(installationLookupKeys({ teamId: 'T1' })).toEqual([{ pk: 'T1#INSTALL', sk: 'TEAM' }]);
  });

  it('rotates a token only while the data key it was read under is still stored', () => {
    const params = rotateTokenParams('t', install, { sealedTokens: sealed, botExpiresAt: 100, previousKey: 'b2xk' });
    expect(params.UpdateExpression).toBe('SET sealedTokens = :sealed, botExpiresAt = :expires');
    expect(params.ConditionExpression).toBe('sealedTokens.#key = :previous');
    expect(params.ExpressionAttributeNames).toEqual({ '#key': 'key' });
    expect(unmarshall(params.ExpressionAttributeValues!)).toEqual({ ':sealed': sealed, ':expires': 100, ':previous': 'b2xk' });
  });

  // Issue 23, finding 7.
  it('seals an older install’s plain tokens only while the plain token read is still stored, and removes both', () => {
    const params = sealPlainTokensParams('t', install, { sealedTokens: sealed, plainBotToken: 'xoxb-alpha' });
    expect(unmarshall(params.Key!)).toEqual({ pk: 'T0ALPHA#INSTALL', sk: 'TEAM' });
    expect(params.UpdateExpression).toBe('SET sealedTokens = :sealed REMOVE botToken, botRefreshToken');
    expect(params.ConditionExpression).toBe('botToken = :plain');
    expect(unmarshall(params.ExpressionAttributeValues!)).toEqual({ ':sealed': sealed, ':plain': 'xoxb-alpha' });
  });
});

describe('used states and seen events', () => {
  it('claims a state nonce once, until its expiry', () => {
    const params = claimStateParams('t', 'nonce-1', 1_800_000_000);
    expect(params.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(unmarshall(params.Item!)).toEqual({ pk: 'OAUTH#STATE', sk: 'nonce-1', type: 'oauth-state', expiresAt: 1_800_000_000 });
  });

  it('claims an event id once per team, kept for two hours', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const params = claimEventParams('t', 'T0ALPHA', 'Ev123', now);
    expect(params.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(unmarshall(params.Item!)).toEqual({ pk: 'T0ALPHA#EVENT', sk: 'Ev123', type: 'event', expiresAt: now.getTime() / 1000 + EVENT_TTL_SECONDS });
  });
});

describe('purging a team', () => {
  it('scans for the team’s own partition and those under it, never a longer team id', () => {
    const params = teamItemsScanParams('t', 'T0ALPHA');
    expect(params.FilterExpression).toBe('pk = :team OR begins_with(pk, :prefix)');
    expect(unmarshall(params.ExpressionAttributeValues!)).toEqual({ ':team': 'T0ALPHA', ':prefix': 'T0ALPHA#' });
    expect(params.ProjectionExpression).toBe('pk, sk');
  });

  it('deletes in batches of 25', () => {
    const keys = Array.from({ length: 60 }, (_, i) => ({ pk: 'T0ALPHA', sk: `K${i}` }));
    expect(deleteBatchesParams('t', keys).map((batch) => batch.RequestItems!['t']!.length)).toEqual([25, 25, 10]);
  });
});
