import { readFileSync } from 'node:fs';
import { Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOWER } from '../../infra/policy-checks.ts';
import { createCheckedApp } from './synth.ts';

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
    const acknowledged: Record<string, string> = {};
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          if (id.startsWith(`${CONTROL_TOWER}::`)) acknowledged[`${construct.node.path} ${id.slice(CONTROL_TOWER.length + 2)}`] = reason;
        }
      }
    }
    expect(Object.keys(acknowledged).sort()).toEqual([
      'CommitmentsStateless/Api/GET--slack--install api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/GET--slack--install/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Api/GET--slack--oauth_redirect api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/GET--slack--oauth_redirect/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Api/POST--slack--events api_gw_v2_authorization_type_configured_check',
      'CommitmentsStateless/Api/POST--slack--events/SlackIntegration-Permission lambda_function_public_access_prohibited_check',
      'CommitmentsStateless/Reminders/Function lambda_inside_vpc_check',
      'CommitmentsStateless/Slack/Function lambda_inside_vpc_check',
    ]);
    for (const reason of Object.values(acknowledged)) expect(reason.length).toBeGreaterThan(30);
  });
});
