import { createDynamoClient } from '#shared/store/client';
import { createInstallationStore } from '#shared/store/installations';
import { TeamIdSchema } from '#shared/domain/schemas';
import { LOCAL } from './local/env.ts';
import { checkRegion, runScript, scriptArgs, scriptEnv, ScriptSettingError } from './local/script-settings.ts';
import { purgeLine } from './local/purge-summary.ts';

/**
 * `npm run purge -- --team T0123ABCD --yes`: deletes every item of a workspace for good (tracks,
 * items, history, digests, deliveries, its install), from the table named by TABLE_NAME, at
 * DYNAMODB_ENDPOINT when set, else the running `npm start`'s. Without `--yes` it only counts what it would delete.
 *
 * It Scans the whole table with a filter on the team's partitions rather than Querying each
 * partition: a team's partitions are `<team>` and `<team>#…` with track slugs, drafts and
 * future kinds among them, so a Scan cannot miss one; a purge is rare and run by hand, so
 * reading the table once is a fair price.
 */
await runScript(async () => {
  const usage = 'npm run purge -- --team T0123ABCD [--yes]';
  const values = scriptArgs({ team: { type: 'string' }, yes: { type: 'boolean', default: false } }, usage);
  const team = TeamIdSchema.safeParse(values.team);
  if (!team.success) {
    throw new ScriptSettingError(`--team ${values.team ?? '(missing)'}: ${team.error.issues[0]?.message}. Usage: ${usage}`);
  }
  const env = scriptEnv(process.env, LOCAL.dir, { slack: false });
  const tableName = env['TABLE_NAME'] ?? LOCAL.tableName;
  await checkRegion(env['DYNAMODB_ENDPOINT']);
  const client = createDynamoClient(env['DYNAMODB_ENDPOINT']);
  try {
    const installations = createInstallationStore({ client, tableName });
    const count = await installations.purgeTeam(team.data, { dryRun: !values.yes });
    console.log(purgeLine(team.data, count, tableName, values.yes));
  } finally {
    client.destroy();
  }
});
