/**
 * `npm run sweep [-- --at <date-time> | +2d | +36h]`: one reminder sweep (digests, then check-ins), now or at a
 * moved clock, against the table and Slack the environment names (TABLE_NAME, DYNAMODB_ENDPOINT,
 * SLACK_BOT_TOKEN or SLACK_BOT_TOKEN_SECRET_ARN, SLACK_API_URL), else the running `npm start`'s.
 * SWEEP_BUDGET_MS bounds it like a Lambda's timeout would (default 5 minutes).
 */
import { loadConfig } from '#shared/config';
import { createLogger } from '#shared/observe/log';
import { createDynamoClient } from '#shared/store/client';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep } from '#shared/reminders/sweep';
import { createCheckInDeps } from '#shared/check-ins/deps';
import { runCheckInSweep } from '#shared/check-ins/sweep';
import { LOCAL } from './local/env.ts';
import { readEndpoints } from './local/endpoints.ts';
import { checkRegion, runScript, scriptArgs, scriptEnv, sweepClock } from './local/script-settings.ts';
import { checkInSweepLine, digestSweepLine } from './local/sweep-summary.ts';
import { movedSubscriptionLines, subscriptionKey } from './local/sweep-moved.ts';
import type { Subscription } from '#shared/domain/subscription';

const NOTHING_DUE_LOCALLY =
  'Nothing was due: each person is asked once a day, and `npm start` sweeps by itself every minute, so it may have asked them already (its terminal shows the messages). `npm run sweep -- --at +1d` sweeps as tomorrow.';

await runScript(async () => {
  const values = scriptArgs({ at: { type: 'string' } }, 'npm run sweep [-- --at <date-time> | +2d | +36h]');
  const now = sweepClock(values.at, new Date());
  // Sweeping the running `npm start`'s table, which sweeps by itself every minute.
  const local = !process.env['DYNAMODB_ENDPOINT'] && readEndpoints(LOCAL.dir) !== undefined;
  const config = loadConfig(scriptEnv(process.env, LOCAL.dir, { slack: true }));
  await checkRegion(config.dynamodbEndpoint);
  const client = createDynamoClient(config.dynamodbEndpoint);
  const log = createLogger('sweep', 'WARN');
  const budgetMs = Number(process.env['SWEEP_BUDGET_MS'] ?? 300_000);
  const deadline = Date.now() + budgetMs;
  try {
    const deps = await createSweepDeps(config, client, log);
    // At a clock ahead of now, the due subscriptions are read first, to say afterwards which it moved.
    const ahead = now.getTime() > Date.now();
    const due: Subscription[] = [];
    if (ahead) for await (const subscription of deps.subscriptions.due(now)) due.push(subscription);
    const s = await runSweep(deps, { now, remainingMs: () => deadline - Date.now() });
    console.log(digestSweepLine(s, now));
    const after = new Map(await Promise.all(due.map(async (d) => [subscriptionKey(d), await deps.subscriptions.get(d)] as const)));
    for (const line of movedSubscriptionLines(due, after)) console.log(line);
    const c = await runCheckInSweep(createCheckInDeps(config, client, log), { now, remainingMs: () => deadline - Date.now() });
    console.log(checkInSweepLine(c));
    if (c.dueAsks === 0 && local) console.log(NOTHING_DUE_LOCALLY);
  } finally {
    client.destroy();
  }
});
