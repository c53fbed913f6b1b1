import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Prefix of a Control Tower proactive control's id in `Validations.of(x).acknowledge()`. */
export const CONTROL_TOWER = 'cdk-validator-cfnguard';

/**
 * Runs cdk-nag's AWS Solutions pack and the AWS Control Tower proactive controls (cfn-guard, bundled
 * in its package, so offline) on every synth. A finding fails the synth; each acknowledgement sits on
 * its own resource with a reason, through `Validations.of(construct).acknowledge()`.
 */
export function addPolicyChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CfnGuardValidator());
}
