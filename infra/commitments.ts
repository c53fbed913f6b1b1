import type { App, StackProps } from 'aws-cdk-lib';
import { readConfig } from './config.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

export const STACK_IDS = { stateful: 'CommitmentsStateful', stateless: 'CommitmentsStateless' } as const;

/** Adds both stacks to the app, configured from its context; the table and secrets cross as typed props. */
export function addCommitmentsStacks(app: App, props: StackProps = {}): { stateful: StatefulStack; stateless: StatelessStack } {
  const config = readConfig(app.node);
  const stateful = new StatefulStack(app, STACK_IDS.stateful, {
    ...props,
    description: 'commitments: DynamoDB table and Slack credentials (retained)',
  });
  const stateless = new StatelessStack(app, STACK_IDS.stateless, {
    ...props,
    description: 'commitments: Slack endpoint, reminder schedule, functions and alarms',
    table: stateful.table,
    slackSecret: stateful.slackSecret,
    botTokenSecret: stateful.botTokenSecret,
    tokenKey: stateful.tokenKey,
    config,
  });
  return { stateful, stateless };
}
