import type { SlackMessage } from '#shared/slack/render/format';
import { sendHttp } from '#shared/http';

/**
 * Posts to a response_url (valid 30 minutes, 5 uses): replaces the message a button was on,
 * or adds an ephemeral answer beside it. Failures are returned, not thrown: the change itself
 * is already saved, only its echo is lost.
 */
export async function postToResponseUrl(
  url: string,
  message: SlackMessage,
  mode: { replaceOriginal?: boolean; inChannel?: boolean } = {},
): Promise<boolean> {
  const response = await sendHttp(url, {
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
