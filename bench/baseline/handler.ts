import { App, AwsLambdaReceiver, LogLevel } from '@slack/bolt';

/**
 * The cold-start baseline: Bolt's documented AwsLambdaReceiver hello-world, answering the
 * slash command with a fixed text. botId/botUserId are given so no auth.test is made.
 */
const receiver = new AwsLambdaReceiver({
  signingSecret: process.env['SLACK_SIGNING_SECRET'] ?? '',
  logLevel: LogLevel.WARN,
});

const app = new App({
  token: process.env['SLACK_BOT_TOKEN'],
  receiver,
  tokenVerificationEnabled: false,
  botId: 'B0BASELINE',
  botUserId: 'U0BASELINE',
  processBeforeResponse: true,
  clientOptions: { slackApiUrl: process.env['SLACK_API_URL'] },
  logLevel: LogLevel.WARN,
});

app.command('/commitments', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Hello from the baseline.' });
});

export const handler = receiver.toHandler();
