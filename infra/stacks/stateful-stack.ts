import { CfnOutput, CrossStackReferences, ReferenceStrength, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE } from '#shared/store/table';
import { OUTPUT_KEYS } from '../outputs.ts';
import { allowOnlyTokenReadersToDecrypt, createGovernedKey } from '../constructs/governed-key.ts';

/** Data and credentials: deployed rarely, retained when the stack goes, never replaced by a code change. */
export class StatefulStack extends Stack {
  readonly table: dynamodb.ITableV2;
  /** The signing secret: only the function that verifies Slack's requests reads it. */
  readonly slackSecret: secretsmanager.ISecret;
  /** The bot token alone, a secret of its own so that IAM can give it without the signing secret. */
  readonly botTokenSecret: secretsmanager.ISecret;
  /** Seals each install's bot and refresh tokens before they go into the table. */
  readonly tokenKey: kms.IKey;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const string = dynamodb.AttributeType.STRING;
    const table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: string },
      sortKey: { name: TABLE.sortKey, type: string },
      globalSecondaryIndexes: [
        {
          indexName: TABLE.dueIndex.name,
          partitionKey: { name: TABLE.dueIndex.partitionKey, type: string },
          sortKey: { name: TABLE.dueIndex.sortKey, type: string },
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
      timeToLiveAttribute: TABLE.ttlAttribute,
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = table;

    // Kept as long as the table: a sealed token whose key is gone can never be opened again.
    const tokenKey = createGovernedKey(this, 'TokenKey', 'Seals the Slack tokens of commitments installs kept in the table', { removalPolicy: RemovalPolicy.RETAIN });
    allowOnlyTokenReadersToDecrypt(tokenKey);
    this.tokenKey = tokenKey;

    // Created with a throwaway signing secret and a dummy token; the operator puts the real ones.
    const slackSecret = new secretsmanager.Secret(this, 'SlackSecret', {
      description: 'Slack signing secret for commitments: {"signingSecret": "..."}, plus {"stateSecret": "..."} (16+ characters) when any workspace may install the app',
      // Left as first deployed: a changed template would regenerate a deployed secret's value.
      // Its botToken placeholder is unused; the token lives in SlackBotTokenSecret.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ botToken: 'xoxb-replace-me' }),
        generateStringKey: 'signingSecret',
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.slackSecret = slackSecret;
    const botTokenSecret = new secretsmanager.Secret(this, 'SlackBotTokenSecret', {
      description: 'How commitments calls Slack: {"botToken": "xoxb-..."} for one workspace, or {"clientId": "...", "clientSecret": "..."} when any workspace may install the app',
      // A random placeholder, so no value sits in the template; Slack refuses it until the operator puts the token.
      generateSecretString: { secretStringTemplate: JSON.stringify({}), generateStringKey: 'botToken', excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.botTokenSecret = botTokenSecret;
    for (const secret of [slackSecret, botTokenSecret]) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason: 'Slack issues the signing secret and bot token; they rotate in the Slack app settings, not through a Lambda rotator.',
      });
    }

    // Exported, not read weakly: a weak reference keeps its old value in the stateless stack until that stack
    // itself changes, while an export in use makes CloudFormation refuse the change here, where it was made.
    for (const resource of [table, tokenKey, slackSecret, botTokenSecret]) CrossStackReferences.of(resource).produce(ReferenceStrength.STRONG);

    new CfnOutput(this, OUTPUT_KEYS.tableName, { value: table.tableName, description: 'DynamoDB table' });
    new CfnOutput(this, OUTPUT_KEYS.secretName, { value: slackSecret.secretName, description: 'Slack credentials secret' });
    new CfnOutput(this, OUTPUT_KEYS.secretArn, {
      value: slackSecret.secretArn,
      description: 'Put {"signingSecret"} here after creating the Slack app, and {"stateSecret"} too for OAuth installs',
    });
    new CfnOutput(this, OUTPUT_KEYS.botTokenSecretArn, {
      value: botTokenSecret.secretArn,
      description: 'Put {"botToken"} here after installing the Slack app, or {"clientId","clientSecret"} for OAuth installs',
    });
    new CfnOutput(this, OUTPUT_KEYS.tokenKeyArn, { value: tokenKey.keyArn, description: 'KMS key that seals installs\' tokens (retained with the table)' });
  }
}
