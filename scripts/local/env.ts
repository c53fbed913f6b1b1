/** Defaults that make `npm start` and `npm run slack` agree with each other on one machine. */
export const LOCAL = {
  teamId: 'T0LOCAL',
  userId: 'U0LOCAL',
  channelId: 'C0LOCAL',
  port: Number(process.env['PORT'] ?? 3000),
  signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? 'local-signing-secret',
  /** Where DynamoDB Local keeps its data; one `npm start` at a time may use it. */
  dataDir: process.env['LOCAL_DATA_DIR'] ?? '.local/dynamodb',
  tableName: process.env['TABLE_NAME'] ?? 'commitments',
  /** The app's OAuth credentials in `npm start -- --multi-workspace`, which the fake Slack accepts. */
  oauth: { clientId: '1000.2000', clientSecret: 'local-client-secret', stateSecret: 'local-state-secret-0123456789' },
} as const;
