import { parseArgs } from 'node:util';
import { createDynamoClient } from '#shared/store/client';
import { createInstallationStore } from '#shared/store/installations';
import { TeamIdSchema } from '#shared/domain/schemas';
import { LOCAL } from './local/env.ts';

/**
 * `npm run purge -- --team T0123ABCD --yes`: deletes every item of a workspace for good (tracks,
 * items, history, digests, deliveries, its install), from the table named by TABLE_NAME, at
 * DYNAMODB_ENDPOINT when set. Without `--yes` it only counts what it would delete.
 *
 * It Scans the whole table with a filter on the team's partitions rather than Querying each
 * partition: a team's partitions are `<team>` and `<team>#…` with track slugs, drafts and
 * future kinds among them, so a Scan cannot miss one; a purge is rare and run by hand, so
 * reading the table once is a fair price.
 */
const { values } = parseArgs({ options: { team: { type: 'string' }, yes: { type: 'boolean', default: false } } });
const team = TeamIdSchema.safeParse(values.team);
if (!team.success) {
  console.error(`--team ${values.team ?? '(missing)'}: ${team.error.issues[0]?.message}. Usage: npm run purge -- --team T0123ABCD [--yes]`);
  process.exit(2);
}
const client = createDynamoClient(process.env['DYNAMODB_ENDPOINT']);
const installations = createInstallationStore({ client, tableName: LOCAL.tableName });
if (!values.yes) {
  const count = await installations.purgeTeam(team.data, { dryRun: true });
  console.log(`Team ${team.data}: ${count} items in ${LOCAL.tableName} would be deleted for good. Run again with --yes to delete them.`);
} else {
  const count = await installations.purgeTeam(team.data);
  console.log(`Team ${team.data}: deleted ${count} items from ${LOCAL.tableName}.`);
}
client.destroy();
