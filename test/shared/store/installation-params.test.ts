import { describe, expect, it } from 'vitest';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Installation } from '#shared/domain/installation';
import {
  claimEventParams,
  claimStateParams,
  deleteBatchesParams,
  EVENT_TTL_SECONDS,
  installationLookupKeys,
  putInstallationParams,
  rotateTokenParams,
  teamItemsScanParams,
} from '#shared/store/installation-params';

const install: Installation = {
  teamId: 'T0ALPHA',
  isEnterpriseInstall: false,
  botToken: 'xoxb-alpha',
  botId: 'B0A',
  botUserId: 'U0BOT',
  botScopes: ['commands'],
  installerUserId: 'U0MARIA',
  installedAt: '2026-03-01T00:00:00.000Z',
};

describe('installation keys', () => {
  it('stores a workspace install under its team and an org-wide install under its enterprise', () => {
    expect(unmarshall(putInstallationParams('t', install).Item!)).toMatchObject({ pk: 'T0ALPHA#INSTALL', sk: 'TEAM', type: 'installation', botToken: 'xoxb-alpha' });
    const org = { ...install, teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true };
    expect(unmarshall(putInstallationParams('t', org).Item!)).toMatchObject({ pk: 'E0ORG#INSTALL', sk: 'ORG' });
  });

  it('looks up an org-wide request by enterprise only, and a workspace request by team, then by its organisation', () => {
    expect(installationLookupKeys({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual([{ pk: 'E1#INSTALL', sk: 'ORG' }]);
    expect(installationLookupKeys({ teamId: 'T1', enterpriseId: 'E1' })).toEqual([
      { pk: 'T1#INSTALL', sk: 'TEAM' },
      { pk: 'E1#INSTALL', sk: 'ORG' },
    ]);
    expect(installationLookupKeys({ teamId: 'T1' })).toEqual([{ pk: 'T1#INSTALL', sk: 'TEAM' }]);
  });

  it('rotates a token only while the old refresh token is still stored', () => {
    const params = rotateTokenParams('t', { ...install, botRefreshToken: 'old' }, { botToken: 'new', botRefreshToken: 'r2', botExpiresAt: 100 });
    expect(params.ConditionExpression).toBe('botRefreshToken = :previous');
    expect(unmarshall(params.ExpressionAttributeValues!)).toEqual({ ':token': 'new', ':refresh': 'r2', ':expires': 100, ':previous': 'old' });
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
