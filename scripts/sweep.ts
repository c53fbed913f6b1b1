/**
 * `npm run sweep`: one reminder sweep (digests, then check-ins) now, against the table and Slack the environment names
 * (TABLE_NAME, DYNAMODB_ENDPOINT, SLACK_BOT_TOKEN or SLACK_BOT_TOKEN_SECRET_ARN, SLACK_API_URL).
 * SWEEP_BUDGET_MS bounds it like a Lambda's timeout would (default 5 minutes).
 */
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { createDynamoClient } from '#shared/store/client';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep } from '#shared/reminders/sweep';
import { createCheckInDeps } from '#shared/check-ins/deps';
import { runCheckInSweep } from '#shared/check-ins/sweep';

const config = loadConfig();
const client = createDynamoClient(config.dynamodbEndpoint);
const log = createLogger('sweep', config.logLevel);
const budgetMs = Number(process.env['SWEEP_BUDGET_MS'] ?? 300_000);
const deadline = Date.now() + budgetMs;
try {
  const deps = await createSweepDeps(config, client, log);
  const summary = await runSweep(deps, { now: new Date(), remainingMs: () => deadline - Date.now() });
  log.info('sweep', { ...summary });
  const checkIns = await runCheckInSweep(createCheckInDeps(config, client, log), { now: new Date(), remainingMs: () => deadline - Date.now() });
  log.info('check-in sweep', { ...checkIns });
} finally {
  client.destroy();
}
