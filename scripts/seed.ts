import { createDynamoClient } from '#shared/store/client';
import { createStore } from '#shared/store/store';
import { TeamIdSchema } from '#shared/domain/schemas';
import { seedBusan } from '#shared/use-cases/seed';
import { countOf } from '#shared/render/count';
import { ensureTable } from './local/dynamodb-local.ts';
import { LOCAL } from './local/env.ts';
import { checkRegion, runScript, scriptArgs, scriptEnv, ScriptSettingError } from './local/script-settings.ts';

/**
 * `npm run seed -- --team T0123ABCD`: loads the Busan data set into the table named by
 * TABLE_NAME, at DYNAMODB_ENDPOINT when set (creating the table there if it is missing), else in
 * the running `npm start`'s DynamoDB Local, else in the AWS account of the current credentials.
 */
await runScript(async () => {
  const values = scriptArgs({ team: { type: 'string', default: LOCAL.teamId } }, 'npm run seed [-- --team T0123ABCD]');
  const team = TeamIdSchema.safeParse(values.team);
  if (!team.success) throw new ScriptSettingError(`--team ${values.team}: ${team.error.issues[0]?.message}`);
  const env = scriptEnv(process.env, LOCAL.dir, { slack: false });
  const endpoint = env['DYNAMODB_ENDPOINT'];
  const tableName = env['TABLE_NAME'] ?? LOCAL.tableName;
  await checkRegion(endpoint);
  const client = createDynamoClient(endpoint);
  try {
    if (endpoint && (await ensureTable(client, tableName))) console.log(`Created table ${tableName} at ${endpoint}`);
    const result = await seedBusan(createStore({ client, tableName }), team.data, new Date());
    console.log(
      `Team ${team.data}: track japan-korea ${result.trackCreated ? 'created' : 'already there'}; ` +
        `added ${result.created.join(', ') || 'nothing'}; already there: ${result.existing.join(', ') || 'nothing'}; ` +
        `${countOf(result.followUps, 'reported follow-up event')} written to history.`,
    );
  } finally {
    client.destroy();
  }
});
