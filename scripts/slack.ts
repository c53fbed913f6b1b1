import { LOCAL } from './local/env.ts';
import { runClient } from './local/terminal-client.ts';

/**
 * `npm run slack -- "/commitments japan-korea"`: talks to the running `npm start` as Slack would,
 * signed as Slack signs: a command, `--press` a button of the last reply, `--submit` the last form.
 */
process.exitCode = await runClient(process.argv.slice(2), {
  localDir: LOCAL.dir,
  signingSecret: LOCAL.signingSecret,
  endpoint: process.env['SLACK_ENDPOINT'],
  defaults: { teamId: LOCAL.teamId, userId: LOCAL.userId, channelId: LOCAL.channelId },
  print: (text) => console.log(text),
});
