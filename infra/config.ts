import type { Node } from 'constructs';
import { z } from 'zod';

// `-c key=value` on the command line arrives as a string; cdk.json values keep their JSON type.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const InfraConfigSchema = z.object({
  /** Minutes between reminder sweeps. */
  scheduleRate: z.coerce.number().int().min(1).max(1440).default(5),
  /** Where alarm notifications go; no subscription without it. */
  alarmEmail: optional(z.email()),
  /** Slack Web API base URL (GovSlack, tests); the functions default to slack.com without it. */
  slackApiUrl: optional(z.url({ protocol: /^https$/ })),
  /** Where the app's documentation is read; the install page links to it (no link without it). */
  docsUrl: optional(z.url({ protocol: /^https$/ })),
});

export type InfraConfig = z.infer<typeof InfraConfigSchema>;

export const CONTEXT_KEYS = Object.keys(InfraConfigSchema.shape) as (keyof InfraConfig)[];

/** Reads the app's settings from CDK context, failing synth with the offending key named. */
export function readConfig(node: Node): InfraConfig {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key)]));
  const parsed = InfraConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `context "${issue.path.join('.')}": ${issue.message}`);
    throw new Error(`Invalid CDK context. ${problems.join('; ')}`);
  }
  return parsed.data;
}
