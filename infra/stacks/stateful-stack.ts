import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE } from '#shared/store/table';
import { OUTPUT_KEYS } from '../outputs.ts';

/** Data and credentials: deployed rarely, retained when the stack goes, never replaced by a code change. */
export class StatefulStack extends Stack {
  readonly table: dynamodb.ITableV2;
  readonly slackSecret: secretsmanager.ISecret;

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

    // Created with a throwaway signing secret and a dummy token; the operator puts the real pair.
    const slackSecret = new secretsmanager.Secret(this, 'SlackSecret', {
      description:
        'Slack app credentials for commitments: {"signingSecret": "...", "botToken": "xoxb-..."} for one workspace, or {"signingSecret", "clientId", "clientSecret", "stateSecret"} (no botToken) to let any workspace install it',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ botToken: 'xoxb-replace-me' }),
        generateStringKey: 'signingSecret',
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.slackSecret = slackSecret;
    Validations.of(slackSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Slack issues the signing secret and bot token; they rotate in the Slack app settings, not through a Lambda rotator.',
    });

    new CfnOutput(this, OUTPUT_KEYS.tableName, { value: table.tableName, description: 'DynamoDB table' });
    new CfnOutput(this, OUTPUT_KEYS.secretName, { value: slackSecret.secretName, description: 'Slack credentials secret' });
    new CfnOutput(this, OUTPUT_KEYS.secretArn, {
      value: slackSecret.secretArn,
      description: 'Put {"signingSecret","botToken"} (one workspace) or {"signingSecret","clientId","clientSecret","stateSecret"} (OAuth install) here after creating the Slack app',
    });
  }
}
