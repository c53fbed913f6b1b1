import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, type RefusalReason } from '#shared/observe/metrics';
import type { BotFunction } from './bot-function.ts';

export interface ObserveAlarmsProps {
  readonly slackFunction: BotFunction;
  readonly remindersFunction: BotFunction;
  readonly api: apigwv2.IHttpApi;
  /** Told when each alarm fires and when it is OK again. */
  readonly topic: sns.ITopic;
}

/** Above this p99 a Slack request is close to Slack's 3-second timeout. */
export const SLACK_P99_THRESHOLD_MS = 2500;

/** Refused signatures in five minutes that mean a wrong signing secret, not a stray forged request. */
export const REFUSED_SIGNATURE_BURST = 5;

/**
 * The alarms on what people notice: errors they were answered about (the `HandledErrors` EMF
 * metric; those requests still end in 200, so Lambda's `Errors` never sees them), a wrong
 * signing secret, a subscription paused for `invalid_auth`, a slow Slack function, API 5xx.
 * Each notifies the topic when it fires and when it is OK again.
 */
export class ObserveAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ObserveAlarmsProps) {
    super(scope, id);
    const { slackFunction, remindersFunction, api, topic } = props;
    const period = Duration.minutes(5);
    const atLeast = (threshold: number) => ({
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const count = (name: string, dimensionsMap: Record<string, string>) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap, statistic: cloudwatch.Stats.SUM, period });
    const signature: RefusalReason = 'signature';

    this.alarms = [
      ...[slackFunction, remindersFunction].map(
        (bot) =>
          new cloudwatch.Alarm(this, `${bot.node.id}HandledErrors`, {
            alarmDescription: `${bot.serviceName} met an unexpected error and answered with an error id (or gave a digest up): search its logs for level ERROR.`,
            metric: count(METRIC.handledErrors.name, { service: bot.serviceName }),
            ...atLeast(1),
          }),
      ),
      new cloudwatch.Alarm(this, 'RefusedSignatures', {
        alarmDescription: 'Slack requests are failing signature checks: the signing secret in Secrets Manager is probably not the app’s.',
        metric: count(METRIC.refusedRequests.name, { service: slackFunction.serviceName, [METRIC.refusedRequests.dimension]: signature }),
        ...atLeast(REFUSED_SIGNATURE_BURST),
      }),
      new cloudwatch.Alarm(this, 'SubscriptionPausedInvalidAuth', {
        alarmDescription: 'A digest subscription paused because Slack answered invalid_auth: the bot token is wrong or revoked.',
        metric: count(METRIC.subscriptionsPaused.name, { service: remindersFunction.serviceName, [METRIC.subscriptionsPaused.dimension]: 'invalid_auth' }),
        ...atLeast(1),
      }),
      new cloudwatch.Alarm(this, 'SlackDurationP99', {
        alarmDescription: `The Slack function's p99 duration is above ${SLACK_P99_THRESHOLD_MS} ms: people are close to Slack's 3-second timeout.`,
        metric: slackFunction.function.metricDuration({ statistic: cloudwatch.Stats.p(99), period }),
        threshold: SLACK_P99_THRESHOLD_MS,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'Api5xx', {
        alarmDescription: 'The HTTP API answered 5xx: the Slack function failed, timed out or was throttled.',
        metric: api.metricServerError({ statistic: cloudwatch.Stats.SUM, period }),
        ...atLeast(1),
      }),
    ];
    const action = new SnsAction(topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
