import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A rotating customer-managed key. Its policy denies `kms:CreateGrant` unless the grant is for an
 * AWS resource or made by an AWS service (Control Tower CT.KMS.PR.3).
 */
export function createGovernedKey(scope: Construct, id: string, description: string, options: { removalPolicy?: RemovalPolicy } = {}): kms.Key {
  const key = new kms.Key(scope, id, {
    description,
    enableKeyRotation: true,
    // By default a key of the stateless stack, which holds no data: what the key protects goes with it.
    removalPolicy: options.removalPolicy ?? RemovalPolicy.DESTROY,
    pendingWindow: Duration.days(7),
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }),
  );
  return key;
}

/** Lets CloudWatch Logs encrypt this account's and region's log groups with the key. */
export function allowLogsToUse(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogs',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
}

/** The IAM path of the roles that may open installs' tokens: the token key denies decrypting to any other. */
export const TOKEN_READERS_PATH = '/commitments-token-readers/';

/**
 * Denies decrypting (or re-encrypting out of) the key to every principal but the roles under
 * {@link TOKEN_READERS_PATH}, whatever IAM policies elsewhere in the account allow.
 */
export function allowOnlyTokenReadersToDecrypt(key: kms.Key): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyDecryptButTokenReaders',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:Decrypt', 'kms:ReEncrypt*'],
      resources: ['*'],
      conditions: { ArnNotLike: { 'aws:PrincipalArn': `arn:${stack.partition}:iam::${stack.account}:role${TOKEN_READERS_PATH}*` } },
    }),
  );
}
