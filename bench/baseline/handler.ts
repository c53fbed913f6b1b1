import { App, AwsLambdaReceiver, LogLevel } from '@slack/bolt';

/**
 * The usual way to write a Slack bot on Lambda, as a yardstick: Bolt's own receiver and a
 * slash command answered with fixed text. No auth.test at cold start (bot ids given).
 */
const receiver = new AwsLambdaReceiver({ signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? '', logLevel: LogLevel.ERROR });
const app = new App({
  token: process.env['SLACK_BOT_TOKEN'] ?? '',
  receiver,
  tokenVerificationEnabled: false,
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  processBeforeResponse: true,
  logLevel: LogLevel.ERROR,
});

app.command('/commitments', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Hello from the baseline.' });
});

export const handler = receiver.toHandler();
