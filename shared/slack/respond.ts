import type { SlackMessage } from '#shared/slack/render/format';
import { sendHttp } from '#shared/http';
import { isSlackResponseUrl } from '#shared/slack/view-state';

/**
 * Posts to a response_url (valid 30 minutes, 5 uses): replaces the message a button was on,
 * or adds an ephemeral answer beside it. Failures are returned, not thrown: the change itself
 * is already saved, only its echo is lost. Only a URL Slack can have given is posted to (see
 * `isSlackResponseUrl`; `slackApiUrl` is the Web API's base): a payload names its own, and a
 * forged one could name any address the function reaches.
 */
export async function postToResponseUrl(
  target: { url: string; slackApiUrl: string },
  message: SlackMessage,
  mode: { replaceOriginal?: boolean; inChannel?: boolean } = {},
): Promise<boolean> {
  if (!isSlackResponseUrl(target.url, target.slackApiUrl)) return false;
  const response = await sendHttp(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...message,
      replace_original: mode.replaceOriginal ?? false,
      response_type: mode.inChannel ? 'in_channel' : 'ephemeral',
    }),
    signal: AbortSignal.timeout(2500),
  }).catch(() => undefined);
  return response?.ok ?? false;
}
