import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { type App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Prefix of a Control Tower proactive control's id in `Validations.of(x).acknowledge()`. */
export const CONTROL_TOWER = 'cdk-validator-cfnguard';

/**
 * Runs cdk-nag's AWS Solutions pack and the AWS Control Tower proactive controls (cfn-guard, bundled
 * in its package, so offline) on every synth. A finding fails the synth; each acknowledgement sits on
 * its own resource with a reason, through `Validations.of(construct).acknowledge()`.
 */
export function addPolicyChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), failingOnEveryViolation(new CfnGuardValidator()));
}

/**
 * The cfn-guard plugin leaves `severity` unset; once any of its findings is acknowledged, CDK re-judges
 * the report by severity alone and would pass the rest. Marking them errors keeps them failing the synth.
 */
function failingOnEveryViolation(plugin: IPolicyValidationPlugin): IPolicyValidationPlugin {
  return {
    name: plugin.name,
    version: plugin.version,
    ruleIds: plugin.ruleIds,
    validate(context) {
      const report = plugin.validate(context);
      return { ...report, violations: report.violations.map((violation) => ({ severity: 'error', ...violation })) };
    },
  };
}
