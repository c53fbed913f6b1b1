import { createHmac } from 'node:crypto';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { blocksToText } from './local/blocks-to-text.ts';
import { LOCAL } from './local/env.ts';

/**
 * `npm run slack -- "/commitments japan-korea"`: sends a slash command to the local bot,
 * signed as Slack signs it, and prints the reply as text with its buttons listed.
 */
const input = process.argv.slice(2).join(' ').trim();
const name = SLACK_APP.command.name;
const text = input.startsWith(name) ? input.slice(name.length).trim() : input;
const body = new URLSearchParams({
  team_id: LOCAL.teamId,
  team_domain: 'local',
  channel_id: LOCAL.channelId,
  channel_name: 'local',
  user_id: LOCAL.userId,
  user_name: 'you',
  command: name,
  text,
  response_url: 'http://127.0.0.1:9/unused',
  trigger_id: `${Date.now()}.local`,
}).toString();
const timestamp = Math.floor(Date.now() / 1000);
const signature = `v0=${createHmac('sha256', LOCAL.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
const url = process.env['SLACK_ENDPOINT'] ?? `http://127.0.0.1:${LOCAL.port}/slack/events`;

const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
  body,
}).catch((error: Error) => {
  console.error(`Could not reach ${url}: ${error.message}. Is \`npm start\` running?`);
  process.exit(1);
});
const raw = await response.text();
if (response.status !== 200) {
  console.error(`HTTP ${response.status}: ${raw}`);
  process.exit(1);
}
if (!raw) {
  console.log('(The bot opened a modal; in Slack a form would appear now.)');
} else {
  const reply = JSON.parse(raw) as { text?: string; blocks?: Record<string, unknown>[]; response_type?: string };
  console.log(`${reply.response_type === 'in_channel' ? '[posted in channel]' : '[only you can see this]'}\n`);
  console.log(blocksToText(reply));
}
