import path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE } from '#shared/store/table';
import { DEFAULT_SECRET_MAX_AGE_SECONDS } from '#shared/config';
import { TOKEN_CONTEXT_APP } from '#shared/store/sealed-tokens';
import { BUNDLE_HANDLER, FUNCTIONS, LAMBDA_NODE_OPTIONS, PROJECT_ROOT, bundleFunction, type FunctionName } from '../bundle.ts';
import { CONTROL_TOWER } from '../policy-checks.ts';
import { TOKEN_READERS_PATH } from './governed-key.ts';

export interface BotFunctionProps {
  /** Which entry of `FUNCTIONS` to bundle; also the Powertools service name suffix. */
  readonly name: FunctionName;
  /** `POWERTOOLS_SERVICE_NAME`, for a second function of the same bundle. @default `commitments-${name}` */
  readonly serviceName?: string;
  /** The code of another function of the same bundle, bundled once for both. @default the bundle of `name` */
  readonly code?: lambda.Code;
  readonly description: string;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** @default one year, the least Control Tower accepts (CT.CLOUDWATCH.PR.2) */
  readonly logRetention?: logs.RetentionDays;
  /** Encrypts the function's log group; its policy must let CloudWatch Logs use it. */
  readonly logsKey: kms.IKey;
  readonly environment?: Record<string, string>;
  readonly reservedConcurrentExecutions?: number;
  /** Receives async invocations that failed every retry. */
  readonly deadLetterQueue?: IQueue;
  /** How long an async event may wait for (re)delivery before it is dropped to the DLQ. */
  readonly maxEventAge?: Duration;
}

/** What every function of the bot shares: runtime, architecture, logs, source maps, Powertools env. */
export class BotFunction extends Construct {
  readonly function: lambda.Function;
  /** `POWERTOOLS_SERVICE_NAME`: the `service` of its log lines and the dimension of its metrics. */
  readonly serviceName: string;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly code: lambda.Code;

  constructor(scope: Construct, id: string, props: BotFunctionProps) {
    super(scope, id);
    this.serviceName = props.serviceName ?? `commitments-${props.name}`;
    this.code = props.code ?? functionCode(props.name);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logsKey,
      // Code-side logs go with the stateless stack; retention already bounds what they keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An own role instead of AWSLambdaBasicExecutionRole: log writes scoped to this function's group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${this.serviceName} function`,
      // The token key lets only roles under this path decrypt (both functions open installs' tokens).
      path: TOKEN_READERS_PATH,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: BUNDLE_HANDLER,
      code: this.code,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: props.deadLetterQueue,
      maxEventAge: props.maxEventAge,
      // X-Ray traces each invocation; the code captures its AWS SDK clients and Slack calls (shared/observe/tracer.ts).
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
        POWERTOOLS_SERVICE_NAME: this.serviceName,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        ...props.environment,
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 22 LTS (maintained until April 2027) to match the esbuild target node22; runtime and bundle target move together.',
    });
    Validations.of(this.role.node.findChild('DefaultPolicy')).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource-level permissions; infra tests allow `*` on those two actions only.',
    });
    Validations.of(this.function).acknowledge({
      id: `${CONTROL_TOWER}::lambda_inside_vpc_check`,
      reason:
        'It reaches only public endpoints (Slack, DynamoDB, Secrets Manager) and no private resource; a VPC would add NAT cost and cold-start time for nothing.',
    });
  }

  /**
   * Sets `TABLE_NAME` and grants item reads/writes on the table and queries on the due index.
   * Narrower than `grantReadWriteData`: no Scan, and the one index by name instead of `index/*`.
   */
  bindTable(table: ITableV2): this {
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'TableItems',
        actions: TABLE_ITEM_ACTIONS,
        resources: [table.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DueIndexQuery',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.dueIndex.name}`],
      }),
    );
    return this;
  }

  /** Sets `SLACK_SECRET_ARN` and grants reading that secret: the signing secret, for the function that verifies requests. */
  bindSigningSecret(secret: ISecret): this {
    this.function.addEnvironment('SLACK_SECRET_ARN', secret.secretArn);
    this.function.addEnvironment('POWERTOOLS_PARAMETERS_MAX_AGE', String(DEFAULT_SECRET_MAX_AGE_SECONDS));
    secret.grantRead(this.function);
    return this;
  }

  /**
   * Sets `TOKEN_KEY_ARN` and grants exactly what the code sends to KMS: `GenerateDataKey` to seal an
   * install's tokens (a new install, a rotated token, an older install's plain tokens) and `Decrypt`
   * to open them, only with the app's encryption context.
   */
  bindTokenKey(key: kms.IKey): this {
    this.function.addEnvironment('TOKEN_KEY_ARN', key.keyArn);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'TokenKey',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:EncryptionContext:app': TOKEN_CONTEXT_APP } },
      }),
    );
    return this;
  }

  /** Sets `SLACK_BOT_TOKEN_SECRET_ARN` and grants reading that secret, which holds the bot token alone. */
  bindBotToken(secret: ISecret): this {
    this.function.addEnvironment('SLACK_BOT_TOKEN_SECRET_ARN', secret.secretArn);
    // Read again after this long, so a rotated secret is taken without a redeploy.
    this.function.addEnvironment('POWERTOOLS_PARAMETERS_MAX_AGE', String(DEFAULT_SECRET_MAX_AGE_SECONDS));
    secret.grantRead(this.function);
    return this;
  }
}

// Exactly what the store sends; transactions are authorized by the item actions they contain.
const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * The function's code as a CDK asset, bundled in-process by the same `bundleFunction` that
 * `npm run build` uses: never Docker, and the asset hash follows the bundle's bytes.
 */
export function functionCode(name: FunctionName): lambda.Code {
  // One folder per function keeps the asset cache keys of the two functions apart.
  return lambda.Code.fromAsset(path.join(PROJECT_ROOT, path.dirname(FUNCTIONS[name])), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('none'),
      local: {
        tryBundle(outputDir) {
          // meta.json stays out of the zip: it is for `npm run build` analysis, not for Lambda.
          bundleFunction(name, outputDir, { metafile: false });
          return true;
        },
      },
    },
  });
}
