import { App, Tags } from 'aws-cdk-lib';
import { addCommitmentsStacks } from './commitments.ts';
import { addPolicyChecks } from './policy-checks.ts';

const app = new App();
// Environment-agnostic: deploys to the CLI's account and region, and synthesizes offline.
addCommitmentsStacks(app);
Tags.of(app).add('project', 'commitments');
addPolicyChecks(app);
