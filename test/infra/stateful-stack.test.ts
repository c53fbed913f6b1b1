import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE } from '#shared/store/table';
import { synthCommitments } from './synth.ts';

const { statefulTemplate: template } = synthCommitments();

describe('StatefulStack', () => {
  it('builds the table from the shared TABLE definition', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(
        [TABLE.partitionKey, TABLE.sortKey, TABLE.dueIndex.partitionKey, TABLE.dueIndex.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
      ),
      GlobalSecondaryIndexes: [
        {
          IndexName: TABLE.dueIndex.name,
          KeySchema: [
            { AttributeName: TABLE.dueIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE.dueIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('protects the table with point-in-time recovery and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('retains the table and the Slack secret when the stack is deleted or they are replaced', () => {
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::SecretsManager::Secret']) {
      template.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it('documents both shapes of the Slack secrets: a bot token, or the OAuth install keys (issue 12)', () => {
    const [signing, sending] = Object.values(template.findResources('AWS::SecretsManager::Secret')) as { Properties: { Description: string } }[];
    for (const key of ['signingSecret', 'stateSecret']) expect(signing?.Properties.Description).toContain(`"${key}"`);
    for (const key of ['botToken', 'clientId', 'clientSecret']) expect(sending?.Properties.Description).toContain(`"${key}"`);
  });

  it('creates the Slack secret as JSON with signingSecret and botToken and no plain-text value', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const [secret] = Object.values(secrets);
    const generate = secret?.Properties.GenerateSecretString;
    expect(secret?.Properties.SecretString).toBeUndefined();
    expect(generate.GenerateStringKey).toBe('signingSecret');
    expect(Object.keys(JSON.parse(generate.SecretStringTemplate))).toEqual(['botToken']);
  });

  it('keeps the bot token in a secret of its own, as JSON with botToken and no plain-text value', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(2);
    const [id, secret] = Object.entries(secrets).find(([logicalId]) => logicalId.startsWith('SlackBotTokenSecret'))!;
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'botToken', SecretStringTemplate: '{}' });
    template.hasOutput('SlackBotTokenSecretArn', { Value: { Ref: id } });
  });

  // Issue 23, finding 7: installs' tokens are sealed under a key of the stateful stack.
  it('keeps a rotating token key, retained like the table, that only the two functions’ roles may decrypt with', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const [key] = Object.values(template.findResources('AWS::KMS::Key')) as { Properties: { EnableKeyRotation: boolean; KeyPolicy: { Statement: Record<string, unknown>[] } } }[];
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    const statements = key!.Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'DenyGrantsExceptForAwsServices',
        Effect: 'Deny',
        Action: 'kms:CreateGrant',
        Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );
    const denyOpen = statements.find((s) => s['Sid'] === 'DenyDecryptButTokenReaders');
    expect(denyOpen).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:ReEncrypt*'], Resource: '*' });
    expect(JSON.stringify(denyOpen?.['Condition'])).toMatch(/ArnNotLike.*aws:PrincipalArn.*:role\/commitments-token-readers\/\*/);
  });

  it('outputs the table name and the secret name and ARN', () => {
    template.hasOutput('TableName', { Value: { Ref: Match.stringLikeRegexp('^Table') } });
    template.hasOutput('SlackSecretName', {});
    template.hasOutput('SlackSecretArn', { Value: { Ref: Match.stringLikeRegexp('^SlackSecret') } });
  });

  // Issue 25: clean-up schedules the token key's deletion by this output.
  it('outputs the token key’s ARN', () => {
    template.hasOutput('TokenKeyArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TokenKey'), 'Arn'] } });
  });
});
