import { createHash } from 'node:crypto';
import { ADMIN, LOCAL_TEAM } from './personas.ts';

/** Where `npm start` keeps what it writes for the other scripts: data, endpoints, outbox. */
const dir = process.env['LOCAL_DIR'] ?? '.local';

/** Defaults that make `npm start` and `npm run slack` agree with each other on one machine. */
export const LOCAL = {
  teamId: LOCAL_TEAM,
  /** The workspace admin among the local people (`personas.ts`): who the terminal client is by default. */
  userId: ADMIN.id,
  channelId: 'C0LOCAL',
  port: Number(process.env['PORT'] ?? 3000),
  signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? 'local-signing-secret',
  /** The bot token the local Slack stand-in accepts. */
  botToken: 'xoxb-local',
  /** The folder `npm start` writes to (`LOCAL_DIR`): its endpoints, the outbox, the terminal client's state. */
  dir,
  /** Where DynamoDB Local keeps its data; one `npm start` at a time may use it. */
  dataDir: process.env['LOCAL_DATA_DIR'] ?? `${dir}/dynamodb`,
  tableName: process.env['TABLE_NAME'] ?? 'commitments',
  /**
   * The KMS stand-in's key in `npm start -- --multi-workspace`: a fixed local key (never a real
   * one), so installs sealed by one run open in the next, which keeps the same data.
   */
  tokenKey: { arn: 'arn:aws:kms:local:000000000000:key/commitments-local', material: createHash('sha256').update('commitments local token key').digest() },
  /** The app's OAuth credentials in `npm start -- --multi-workspace`, which the fake Slack accepts. */
  oauth: { clientId: '1000.2000', clientSecret: 'local-client-secret', stateSecret: 'local-state-secret-0123456789' },
} as const;
