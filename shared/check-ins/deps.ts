import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '#shared/config';
import type { Logger } from '#shared/observe/log';
import { createCheckInStore } from '#shared/store/check-ins';
import { createPeopleStore } from '#shared/store/people';
import { createPreferencesStore } from '#shared/store/preferences';
import { createTeamSlack } from '#shared/reminders/deps';
import type { CheckInSweepDeps } from '#shared/check-ins/sweep';

/** What a check-in sweep needs, from the config: the table (check-ins, preferences, person records), and each team's Web API as digests use it. */
export function createCheckInDeps(config: Config, client: DynamoDBClient, log: Logger): CheckInSweepDeps {
  const table = { client, tableName: config.tableName };
  return {
    checkIns: createCheckInStore(table),
    preferences: createPreferencesStore(table),
    people: createPeopleStore(table),
    slack: createTeamSlack(config, client),
    log,
  };
}
