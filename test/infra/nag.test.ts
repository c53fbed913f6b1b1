import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthCommitments } from './synth.ts';

// Both context variants, so resources that exist only with context (the email subscription) are checked too.
const apps = [synthCommitments(), synthCommitments({ alarmEmail: 'ops@example.org', slackApiUrl: 'https://slack-gov.com/api/' })];

/** Every acknowledgement in the tree as `<construct path> <rule id>`, each with its reason. */
function acknowledgements(root: IConstruct): Record<string, string> {
  const found: Record<string, string> = {};
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found[`${construct.node.path} ${id.replace(/^\w+::/, '')}`] = reason;
      }
    }
  }
  return found;
}

describe('cdk-nag AwsSolutions checks', () => {
  it.each(apps.map((app, i) => [i === 0 ? 'default context' : 'full context', app] as const))(
    'report no unacknowledged error or warning with %s',
    (_, { app }) => {
      // cdk-nag 3 reports through CDK's policy-validation plugin API, not through annotations.
      const report = new AwsSolutionsChecks().validateScope(app);
      expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`)).toEqual([]);
    },
  );

  it('acknowledges only these findings, each on its own resource with a reason', () => {
    const acks = acknowledgements(apps[0]!.app);
    expect(Object.keys(acks).filter((ack) => ack.includes(' AwsSolutions-')).sort()).toEqual([
      'CommitmentsStateful/SlackBotTokenSecret AwsSolutions-SMG4',
      'CommitmentsStateful/SlackSecret AwsSolutions-SMG4',
      'CommitmentsStateless/Api/GET--slack--install AwsSolutions-APIG4',
      'CommitmentsStateless/Api/GET--slack--oauth_redirect AwsSolutions-APIG4',
      'CommitmentsStateless/Api/POST--slack--events AwsSolutions-APIG4',
      'CommitmentsStateless/Jobs/Function AwsSolutions-L1',
      'CommitmentsStateless/Jobs/Role/DefaultPolicy AwsSolutions-IAM5[Resource::*]',
      'CommitmentsStateless/Reminders/Function AwsSolutions-L1',
      'CommitmentsStateless/Reminders/Role/DefaultPolicy AwsSolutions-IAM5[Resource::*]',
      'CommitmentsStateless/RemindersDeadLetterQueue AwsSolutions-SQS3',
      'CommitmentsStateless/Slack/Function AwsSolutions-L1',
      'CommitmentsStateless/Slack/Role/DefaultPolicy AwsSolutions-IAM5[Resource::*]',
      'CommitmentsStateless/SlackJobs/DeadLetterQueue AwsSolutions-SQS3',
    ]);
    for (const reason of Object.values(acks)) expect(reason.length).toBeGreaterThan(30);
  });

  it('leaves no CDK warning or error annotation on either stack', () => {
    for (const stack of [apps[0]!.stateful, apps[0]!.stateless]) {
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    }
  });
});
