import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CfnResource, type IPolicyValidationContextBeta1, Stack, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOWER } from '../../infra/policy-checks.ts';
import { createCheckedApp, synthCommitments } from './synth.ts';

/** The unacknowledged findings of a failed synth, by plugin: a control's id (`CT.…`) or the rule's name. */
function findingsOf(synth: () => unknown): Record<string, string[]> {
  try {
    synth();
  } catch (error) {
    const reportPath = /found in: (\S+\.json)/.exec((error as Error).message)?.[1];
    if (!reportPath) throw error;
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; description: string }[] }[];
    };
    const idOf = (v: { ruleName: string; description: string }) => /^\[([^\]]+)\]/.exec(v.description)?.[1] ?? v.ruleName;
    return Object.fromEntries(report.pluginReports.map((r) => [r.pluginName, r.violations.map(idOf)]));
  }
  return {};
}

// Issue 13: governed accounts run the Control Tower proactive controls on what we deploy.
describe('policy checks at synth', () => {
  const app = createCheckedApp({ alarmEmail: 'ops@example.org', slackApiUrl: 'https://slack-gov.com/api/' });

  it('synthesizes with cdk-nag and the Control Tower controls and no unacknowledged finding', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('fails the synth on a Control Tower finding even though others are acknowledged', () => {
    const failing = createCheckedApp({}, ({ stateless }) => {
      new logs.LogGroup(stateless, 'ShortLivedLogs', { retention: logs.RetentionDays.ONE_WEEK });
    });
    expect(findingsOf(() => failing.synth())[CONTROL_TOWER]).toEqual(['CT.CLOUDWATCH.PR.2', 'CT.CLOUDWATCH.PR.3']);
  });

  it('acknowledges only the controls that do not apply, each on its own resource with a reason', () => {
    const acknowledged = Object.fromEntries(controlTowerAcknowledgements(app).map(({ construct, rule, reason }) => [`${construct.node.path} ${rule}`, reason]));
    expect(Object.keys(acknowledged).sort()).toEqual([
      'CommitmentsStateless/Api/GET--slack--install api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/GET--slack--install/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Api/GET--slack--oauth_redirect api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/GET--slack--oauth_redirect/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Api/POST--slack--events api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/POST--slack--events/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Jobs/Function lambda_inside_vpc_check',
      'CommitmentsStateless/ReminderSweepGap cloudwatch_alarm_action_check',
      'CommitmentsStateless/ReminderSweepStarted cloudwatch_alarm_action_check',
      'CommitmentsStateless/Reminders/Function lambda_inside_vpc_check',
      'CommitmentsStateless/Slack/Function lambda_inside_vpc_check',
    ]);
    for (const reason of Object.values(acknowledged)) expect(reason.length).toBeGreaterThan(30);
  });

  // Issue 25: an acknowledgement that could pass would hide the day the control really fails.
  // Built and synthesized (without the checks) as the file loads: bundling outlasts a test's time on a busy machine.
  const plain = synthCommitments({ alarmEmail: 'ops@example.org', slackApiUrl: 'https://slack-gov.com/api/' });
  const templatePaths = plain.app.synth().stacks.map((stack) => stack.templateFullPath);

  it('acknowledges a control only on a resource the control fails without it', () => {
    const report = new CfnGuardValidator().validate({ templatePaths } as IPolicyValidationContextBeta1);
    const failing = new Set(
      report.violations.flatMap((violation) => violation.violatingResources.map((r) => `${basename(r.templatePath, '.template.json')}/${r.resourceLogicalId} ${violation.ruleName}`)),
    );
    const acknowledged = controlTowerAcknowledgements(plain.app).map(({ construct, rule }) => {
      const resource = CfnResource.isCfnResource(construct) ? construct : (construct.node.defaultChild as CfnResource);
      const stack = Stack.of(resource);
      return `${stack.stackName}/${stack.resolve(resource.logicalId) as string} ${rule}`;
    });
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((ack) => !failing.has(ack))).toEqual([]);
  });
});

/** Each Control Tower acknowledgement in the tree: where it sits, the control's rule name and the reason. */
function controlTowerAcknowledgements(root: IConstruct): { construct: IConstruct; rule: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .filter(([id]) => id.startsWith(`${CONTROL_TOWER}::`))
      .map(([id, reason]) => ({ construct, rule: id.slice(CONTROL_TOWER.length + 2), reason })),
  );
}
