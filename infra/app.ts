import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addCommitmentsStacks } from './commitments.ts';

const app = new App();
// Environment-agnostic: deploys to the CLI's account and region, and synthesizes offline.
addCommitmentsStacks(app);
Tags.of(app).add('project', 'commitments');
// Findings fail the synth; acknowledgements with their reasons sit next to the resources.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
