import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createDeadLetterQueue } from './dead-letter-queue.ts';

export interface AfterAnswerJobsProps {
  /** The Slack function, which hands itself the work that follows its answers. */
  readonly function: lambda.IFunction;
  readonly role: iam.IRole;
  /** Notified when a job is given up; without one, the alarm is left for the caller to wire. */
  readonly alarmTopic?: sns.ITopic;
}

/** A job older than a `response_url` (30 minutes) can no longer redraw anything. */
export const JOB_MAX_EVENT_AGE = Duration.minutes(30);

/**
 * The work the Slack function leaves for after its answers (Home redraws, exports, message
 * redraws), each an asynchronous invocation of the function itself: it may invoke itself; a
 * job that throws is retried twice, then kept in an encrypted, TLS-only dead-letter queue,
 * and an alarm goes off as soon as one is there.
 */
export class AfterAnswerJobs extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: AfterAnswerJobsProps) {
    super(scope, id);

    this.deadLetterQueue = createDeadLetterQueue(this, 'DeadLetterQueue', 'where the Slack function keeps the jobs that failed every retry');

    // The failure record keeps the job and the error, which a plain dead-letter queue would not.
    props.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: JOB_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    // Its own policy: in the role's default policy, the function's ARN would make function and policy wait for each other.
    new iam.Policy(this, 'InvokeSelf', {
      roles: [props.role],
      statements: [new iam.PolicyStatement({ sid: 'InvokeSelf', actions: ['lambda:InvokeFunction'], resources: [props.function.functionArn] })],
    });

    this.alarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A job after a Slack answer (Home redraw, export, message redraw) failed every retry; see the jobs dead-letter queue.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) {
      const action = new SnsAction(props.alarmTopic);
      this.alarm.addAlarmAction(action);
      this.alarm.addOkAction(action);
    }
  }
}
