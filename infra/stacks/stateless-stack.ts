import { ArnFormat, AspectPriority, Aspects, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { InfraConfig } from '../config.ts';
import { AfterAnswerJobs } from '../constructs/after-answer-jobs.ts';
import { BotFunction } from '../constructs/bot-function.ts';
import { createDeadLetterQueue } from '../constructs/dead-letter-queue.ts';
import { allowLogsToUse, createGovernedKey } from '../constructs/governed-key.ts';
import { ObserveAlarms } from '../constructs/observe-alarms.ts';
import { OUTPUT_KEYS } from '../outputs.ts';
import { CONTROL_TOWER } from '../policy-checks.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The install page and Slack's redirect back, served by the Slack function in multi-workspace mode. */
export const SLACK_INSTALL_PATHS = ['/slack/install', '/slack/oauth_redirect'] as const;

export interface StatelessStackProps extends StackProps {
  readonly table: ITableV2;
  /** The signing secret (and the app's other credentials): the Slack function only. */
  readonly slackSecret: ISecret;
  /** The bot token alone: both functions. */
  readonly botTokenSecret: ISecret;
  /** Seals installs' tokens: both functions. */
  readonly tokenKey: IKey;
  readonly config: InfraConfig;
  /**
   * Stage-wide limits. The defaults are far above what Slack sends for a few workspaces
   * and low enough that a flood of forged requests stays cheap.
   * @default { rateLimit: 20, burstLimit: 40 }
   */
  readonly throttle?: apigwv2.ThrottleSettings;
}

/** Code, endpoint, schedule and alarms: safe to redeploy or destroy at any time, it holds no data. */
export class StatelessStack extends Stack {
  readonly slackFunction: BotFunction;
  /** Runs the Slack function's work after its answers, so its duration and errors are its own. */
  readonly jobsFunction: BotFunction;
  readonly remindersFunction: BotFunction;
  readonly api: apigwv2.HttpApi;
  readonly alarmTopic: sns.Topic;
  readonly deadLetterQueue: sqs.Queue;
  /** The Slack function's work after its answers: its invocation, dead-letter queue and alarms. */
  readonly slackJobs: AfterAnswerJobs;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { table, slackSecret, botTokenSecret, tokenKey, config } = props;
    const slackApi = config.slackApiUrl ? { SLACK_API_URL: config.slackApiUrl } : undefined;

    // One key for every log group of the stack (Control Tower CT.CLOUDWATCH.PR.3).
    const logsKey = createGovernedKey(this, 'LogsKey', 'Encrypts the commitments log groups');
    allowLogsToUse(logsKey);

    // Slack → HTTP API → slack function.
    this.slackFunction = new BotFunction(this, 'Slack', {
      name: 'slack',
      description: 'Answers Slack slash commands and interactions for commitments',
      // CPU scales with memory, and a cold start plus the answer must fit in Slack's 3 s.
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: slackApi,
      logsKey,
    })
      .bindTable(table)
      .bindSigningSecret(slackSecret)
      .bindBotToken(botTokenSecret)
      .bindTokenKey(tokenKey);

    // The Slack function's code again, for the work after its answers: no user waits on it, nor on its alarms.
    this.jobsFunction = new BotFunction(this, 'Jobs', {
      name: 'slack',
      serviceName: 'commitments-slack-jobs',
      code: this.slackFunction.code,
      description: 'Runs the work after commitments answers Slack: Home redraws, exports, message redraws',
      memorySize: 1024,
      // No 3-second answer to fit: an export's uploads may take their time.
      timeout: Duration.seconds(30),
      environment: slackApi,
      logsKey,
    })
      .bindTable(table)
      // It answers no request: the bot token (or installs' tokens), never the signing secret.
      .bindBotToken(botTokenSecret)
      .bindTokenKey(tokenKey);

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Slack request URL for commitments',
      createDefaultStage: false,
    });
    // The install's redirect URI is built from this, never from a request's (forgeable) Host header.
    this.slackFunction.function.addEnvironment('PUBLIC_URL', this.api.apiEndpoint);
    if (config.docsUrl) this.slackFunction.function.addEnvironment('DOCS_URL', config.docsUrl);
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: logsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 20, burstLimit: 40 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const slackIntegration = new HttpLambdaIntegration('SlackIntegration', this.slackFunction.function);
    const [slackRoute] = this.api.addRoutes({
      path: SLACK_EVENTS_PATH,
      methods: [apigwv2.HttpMethod.POST],
      integration: slackIntegration,
    });
    if (slackRoute) {
      Validations.of(slackRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Slack cannot send IAM, JWT or Lambda-authorizer credentials; the function verifies every request by its Slack v0 signature and timestamp.',
      });
      Validations.of(slackRoute).acknowledge({
        id: `${CONTROL_TOWER}::api_gw_v2_authorization_type_configured_check`,
        reason:
          'Slack cannot send IAM, JWT or Lambda-authorizer credentials; the function verifies every request by its Slack v0 signature and timestamp.',
      });
    }
    // Every service's invoke permission (the API's routes, the schedule) names this account besides its source's ARN (CT.LAMBDA.PR.2).
    Aspects.of(this).add(
      {
        visit: (node) => {
          if (!(node instanceof CfnPermission) || !/\.amazonaws\.com$/.test(node.principal)) return;
          node.sourceAccount ??= this.account;
          // The schedule's rule ARN is a reference to this template, which the control accepts as it is.
          if (node.principal !== 'apigateway.amazonaws.com') return;
          Validations.of(node).acknowledge({
            id: `${CONTROL_TOWER}::lambda_function_public_access_prohibited_check`,
            reason:
              'SourceAccount and SourceArn name this account and this API, but the template is environment-agnostic: they resolve at deploy, where the Control Tower hook sees them as strings.',
          });
        },
      },
      { priority: AspectPriority.MUTATING },
    );
    for (const path of SLACK_INSTALL_PATHS) {
      for (const route of this.api.addRoutes({ path, methods: [apigwv2.HttpMethod.GET], integration: slackIntegration })) {
        Validations.of(route).acknowledge({
          id: `${CONTROL_TOWER}::api_gw_v2_authorization_type_configured_check`,
          reason: 'A browser opening the install page or coming back from Slack carries no credentials; the callback verifies its signed, expiring, single-use state against the browser cookie.',
        });
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A public install page and the browser coming back from Slack carry no credentials; the callback verifies its signed, expiring, single-use state against the browser cookie.',
        });
      }
    }

    // EventBridge schedule → reminders function; failed async invocations → DLQ.
    this.deadLetterQueue = createDeadLetterQueue(this, 'RemindersDeadLetterQueue', 'the dead-letter queue of the reminders function and its schedule target');

    // A sweep older than the next one is worthless: the next sweep covers the same due items
    // (capped at Lambda's 6-hour maximum event age).
    const sweepMaxAge = Duration.minutes(Math.min(config.scheduleRate, 360));
    this.remindersFunction = new BotFunction(this, 'Reminders', {
      name: 'reminders',
      description: 'Sweeps due subscriptions and posts reminder digests for commitments',
      memorySize: 512,
      timeout: Duration.seconds(60),
      // No reserved concurrency: new accounts have a quota of 10 and Lambda refuses to reserve
      // below 10 unreserved, while overlapping sweeps are already harmless because each
      // (subscription, slot) delivery record is a conditional put.
      deadLetterQueue: this.deadLetterQueue,
      maxEventAge: sweepMaxAge,
      environment: slackApi,
      logsKey,
    })
      .bindTable(table)
      // It posts digests and verifies no request: the bot token, never the signing secret.
      .bindBotToken(botTokenSecret)
      // Each install's own token, for digests and check-ins in multi-workspace mode.
      .bindTokenKey(tokenKey);

    const sweepRule = new events.Rule(this, 'ReminderSchedule', {
      description: `Runs the reminder sweep every ${config.scheduleRate} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(config.scheduleRate)),
    });
    sweepRule.addTarget(
      new targets.LambdaFunction(this.remindersFunction.function, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 2,
        maxEventAge: sweepMaxAge,
      }),
    );

    // Alarms → encrypted SNS topic (CloudWatch can only publish to a topic under a customer key).
    const topicKey = createGovernedKey(this, 'AlarmTopicKey', 'Encrypts the commitments alarm topic');
    const cloudwatchPrincipal = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    topicKey.grant(cloudwatchPrincipal, 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'commitments alarms',
      masterKey: topicKey,
      enforceSSL: true,
    });
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarms',
        principals: [cloudwatchPrincipal],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': this.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': this.account },
        },
      }),
    );
    if (config.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    }
    this.addAlarms(config.scheduleRate);
    new ObserveAlarms(this, 'Observe', { slackFunction: this.slackFunction, remindersFunction: this.remindersFunction, api: this.api, topic: this.alarmTopic });
    this.slackJobs = new AfterAnswerJobs(this, 'SlackJobs', { answering: this.slackFunction, jobs: this.jobsFunction, alarmTopic: this.alarmTopic });

    new CfnOutput(this, OUTPUT_KEYS.requestUrl, {
      value: `${this.api.apiEndpoint}${SLACK_EVENTS_PATH}`,
      description: 'Slack request URL (slash command and interactivity)',
    });
    new CfnOutput(this, OUTPUT_KEYS.installUrl, {
      value: `${this.api.apiEndpoint}${SLACK_INSTALL_PATHS[0]}`,
      description: 'Install page for other workspaces (multi-workspace mode)',
    });
    new CfnOutput(this, OUTPUT_KEYS.alarmTopicArn, {
      value: this.alarmTopic.topicArn,
      description: 'Subscribe here to receive alarms',
    });
    // Generated names: these say which log group is whose.
    new CfnOutput(this, OUTPUT_KEYS.slackLogGroup, { value: this.slackFunction.logGroup.logGroupName, description: 'Log group of the Slack function' });
    new CfnOutput(this, OUTPUT_KEYS.jobsLogGroup, { value: this.jobsFunction.logGroup.logGroupName, description: 'Log group of the jobs after Slack answers' });
    new CfnOutput(this, OUTPUT_KEYS.remindersLogGroup, { value: this.remindersFunction.logGroup.logGroupName, description: 'Log group of the reminder function' });
    new CfnOutput(this, OUTPUT_KEYS.apiAccessLogGroup, { value: accessLogs.logGroupName, description: 'Access log group of the HTTP API' });
  }

  private addAlarms(scheduleRate: number): void {
    const fiveMinutes = Duration.minutes(5);
    const alarms: cloudwatch.Alarm[] = [];
    const atLeastOnce = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };

    for (const [label, bot] of [
      ['Slack', this.slackFunction],
      ['Reminders', this.remindersFunction],
    ] as const) {
      const fn = bot.function;
      alarms.push(
        new cloudwatch.Alarm(this, `${label}ErrorsAlarm`, {
          alarmDescription:
            label === 'Reminders'
              ? 'A reminder sweep failed: digests may be late or missing.'
              : 'The Slack function threw: users saw an error or no answer.',
          metric: fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
          ...atLeastOnce,
        }),
        new cloudwatch.Alarm(this, `${label}ThrottlesAlarm`, {
          alarmDescription: `The ${label.toLowerCase()} function was throttled.`,
          metric: fn.metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }),
          ...atLeastOnce,
        }),
      );
    }

    alarms.push(
      new cloudwatch.Alarm(this, 'DeadLetterQueueAlarm', {
        alarmDescription: 'A reminder sweep was given up after its retries; see the dead-letter queue.',
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: fiveMinutes,
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );

    // Errors only fire when a sweep runs; this fires when sweeps stop running at all. Lambda writes no
    // Invocations datapoint for a period without one, so the gap alarm counts missing data as breaching and
    // would, alone, fire from the first deploy until the first sweep. The started alarm holds INSUFFICIENT_DATA
    // until a sweep has run, then OK for good (missing data keeps its state, and Invocations is never 0);
    // only both together, as a composite, notify. Two intervals always hold a run, whatever the jitter.
    const invocations = this.remindersFunction.function.metricInvocations({
      period: Duration.minutes(Math.min(scheduleRate * 2, 1440)),
      statistic: cloudwatch.Stats.SUM,
    });
    const noSweep = { metric: invocations, threshold: 1, evaluationPeriods: 1, comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD };
    const gap = new cloudwatch.Alarm(this, 'ReminderSweepGap', {
      alarmDescription: 'No reminder sweep ran for two schedule intervals (also before the first one); it notifies through ReminderSweepStoppedAlarm.',
      ...noSweep,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    const started = new cloudwatch.Alarm(this, 'ReminderSweepStarted', {
      alarmDescription: 'INSUFFICIENT_DATA until a first reminder sweep has run, then OK for good; it never alarms, it gates ReminderSweepStoppedAlarm.',
      ...noSweep,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
    for (const part of [gap, started]) {
      Validations.of(part).acknowledge({
        id: `${CONTROL_TOWER}::cloudwatch_alarm_action_check`,
        reason: 'A part of the composite ReminderSweepStoppedAlarm, which notifies the alarm topic; its own action would fire before the first sweep.',
      });
    }
    const stopped = new cloudwatch.CompositeAlarm(this, 'ReminderSweepStoppedAlarm', {
      alarmDescription: 'The reminder sweep ran before and has not run for two schedule intervals: the schedule or the function is broken.',
      alarmRule: cloudwatch.AlarmRule.allOf(
        cloudwatch.AlarmRule.fromAlarm(gap, cloudwatch.AlarmState.ALARM),
        cloudwatch.AlarmRule.fromAlarm(started, cloudwatch.AlarmState.OK),
      ),
    });

    const action = new SnsAction(this.alarmTopic);
    for (const alarm of [...alarms, stopped]) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
