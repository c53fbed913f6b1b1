import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BotFunction } from './bot-function.ts';
import { createDeadLetterQueue } from './dead-letter-queue.ts';

export interface AfterAnswerJobsProps {
  /** The Slack function, which leaves its jobs to the jobs function. */
  readonly answering: BotFunction;
  /** The function the jobs run in: the Slack function's code, its own metrics and alarms. */
  readonly jobs: BotFunction;
  /** Notified when a job is given up, when jobs fail or run long; without one, the alarms are left for the caller to wire. */
  readonly alarmTopic?: sns.ITopic;
}

/** A job older than a `response_url` (30 minutes) can no longer redraw anything. */
export const JOB_MAX_EVENT_AGE = Duration.minutes(30);

/** Failed job runs in 15 minutes that mean more than one job's three tries: something fails them all. */
export const JOB_ERRORS_BURST = 5;

/** A job's p99 duration, as a share of its timeout, above which jobs are close to being cut off. */
export const JOB_DURATION_SHARE = 0.8;

/**
 * The work the Slack function leaves for after its answers (Home redraws, exports, message
 * redraws), each an asynchronous invocation of the jobs function, which runs the same code: the
 * Slack function may invoke it, and it may invoke itself for the jobs a job leaves. A job that
 * throws is retried twice, then kept in an encrypted, TLS-only dead-letter queue. The jobs'
 * duration and errors are the jobs function's own, so the Slack function's alarms count only what
 * someone waited for; alarms go off as soon as a job is kept, when jobs fail in a burst, and when
 * their p99 duration nears their timeout.
 */
export class AfterAnswerJobs extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: AfterAnswerJobsProps) {
    super(scope, id);
    const jobs = props.jobs.function;

    this.deadLetterQueue = createDeadLetterQueue(this, 'DeadLetterQueue', 'where the jobs function keeps the jobs that failed every retry');

    // The failure record keeps the job and the error, which a plain dead-letter queue would not.
    jobs.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: JOB_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    props.answering.function.addEnvironment('AFTER_ANSWER_FUNCTION_NAME', jobs.functionName);
    // Its own policy: in the jobs role's default policy, the function's ARN would make function and policy wait for each other.
    new iam.Policy(this, 'InvokeJobs', {
      roles: [props.answering.role, props.jobs.role],
      statements: [new iam.PolicyStatement({ sid: 'InvokeJobs', actions: ['lambda:InvokeFunction'], resources: [jobs.functionArn] })],
    });

    this.alarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'A job after a Slack answer (Home redraw, export, message redraw) failed every retry; see the jobs dead-letter queue.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const quarterHour = Duration.minutes(15);
    const timeout = jobs.timeout ?? Duration.seconds(3);
    this.alarms = [
      this.alarm,
      new cloudwatch.Alarm(this, 'ErrorsAlarm', {
        alarmDescription: `Jobs after Slack answers failed ${JOB_ERRORS_BURST} times or more in 15 minutes (each job is tried three times): something fails them all; see the jobs log group.`,
        metric: jobs.metricErrors({ period: quarterHour, statistic: cloudwatch.Stats.SUM }),
        threshold: JOB_ERRORS_BURST,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'DurationP99Alarm', {
        alarmDescription: `The jobs function's p99 duration over 15 minutes is above ${JOB_DURATION_SHARE * 100}% of its timeout: jobs are close to being cut off.`,
        metric: jobs.metricDuration({ period: quarterHour, statistic: cloudwatch.Stats.p(99) }),
        threshold: Math.round(timeout.toMilliseconds() * JOB_DURATION_SHARE),
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    if (props.alarmTopic) {
      const action = new SnsAction(props.alarmTopic);
      for (const alarm of this.alarms) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
    }
  }
}
