/** Defaults that make `npm start` and `npm run slack` agree with each other on one machine. */
export const LOCAL = {
  teamId: 'T0LOCAL',
  userId: 'U0LOCAL',
  channelId: 'C0LOCAL',
  port: Number(process.env['PORT'] ?? 3000),
  signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? 'local-signing-secret',
  dataDir: '.local/dynamodb',
  tableName: process.env['TABLE_NAME'] ?? 'commitments',
  /** The app's OAuth credentials in `npm start -- --multi-workspace`, which the fake Slack accepts. */
  oauth: { clientId: '1000.2000', clientSecret: 'local-client-secret', stateSecret: 'local-state-secret-0123456789' },
} as const;
