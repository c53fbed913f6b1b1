import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { localDate } from '#shared/dates/flags';
import { SHORTCUT_IDS } from '#shared/slack/definitions';
import { NotFoundError } from '#shared/errors';
import { answerError } from '#shared/slack/answer-error';
import { addCommitmentModal } from '#shared/slack/render/modals';
import { importTextModal } from '#shared/slack/render/import';
import { postToResponseUrl } from '#shared/slack/respond';
import { listTracks } from '#shared/use-cases/commitments';
import type { ListenerDeps } from '../deps.ts';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message shortcuts: "Track as commitment" opens the add form prefilled from the message,
 * "Import readout" the import form with the message as the text; both keep the message's
 * permalink as the source.
 */
export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT_IDS.trackAsCommitment, async ({ ack, shortcut, client }: Args) => {
    await ack();
    await withAnswer(deps, shortcut, async () => {
      const { tracks, link, date } = await context(deps, shortcut, client);
      const text = shortcut.message.text ?? '';
      const view = addCommitmentModal(
        { choices: tracks },
        { channelId: shortcut.channel.id, responseUrl: shortcut.response_url, ...(link ? { sourceLink: link } : {}), sourceDate: date },
        { title: firstLine(text), detail: text },
      );
      await client.views.open({ trigger_id: shortcut.trigger_id, view: view as never });
    });
  });

  app.shortcut<MessageShortcut>(SHORTCUT_IDS.importReadout, async ({ ack, shortcut, client }: Args) => {
    await ack();
    await withAnswer(deps, shortcut, async () => {
      const { tracks, link, date } = await context(deps, shortcut, client);
      const view = importTextModal(
        { channelId: shortcut.channel.id, responseUrl: shortcut.response_url },
        { tracks, text: shortcut.message.text ?? '', ...(link ? { link } : {}), today: date },
      );
      await client.views.open({ trigger_id: shortcut.trigger_id, view: view as never });
    });
  });
}

/** The team's tracks, the message's permalink and its date: what both forms start from. */
async function context(deps: ListenerDeps, shortcut: MessageShortcut, client: Args['client']) {
  const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
  const tracks = await listTracks(deps, teamId);
  if (tracks.length === 0) throw new NotFoundError('There are no tracks yet: create one first with /commitments track add.');
  // A missing permalink (e.g. a channel the bot cannot see) only loses the link, not the form.
  const permalink = await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: shortcut.message_ts }).catch(() => undefined);
  const date = localDate(new Date(Number(shortcut.message_ts.split('.')[0]) * 1000), 'UTC');
  return { tracks, link: permalink?.permalink, date };
}

async function withAnswer(deps: ListenerDeps, shortcut: MessageShortcut, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await postToResponseUrl(shortcut.response_url, answerError(error, deps.log));
  }
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 200);
}
