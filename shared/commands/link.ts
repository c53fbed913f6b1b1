import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, preview, readTrack, type Cursor } from '#shared/commands/grammar';
import type { ChannelId, TrackSlug } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderDone } from '#shared/slack/render/notice';
import { describeAccessChanges } from '#shared/slack/render/roles';
import { linkChannel } from '#shared/use-cases/track-access';

interface LinkArgs {
  track: TrackSlug;
  linked: boolean;
  /** Without one, the channel the command is typed in. */
  channelId?: ChannelId;
}

const CHANNEL = /^<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>$/;

/** `<track> link #channel` · `unlink #channel`: channels where everyone may read a private track. */
export const linkCommand = defineCommand({
  name: 'link',
  words: ['link', 'unlink'],
  usage: `${SLASH} <track> link|unlink [#channel]  (everyone in a linked channel can read the track; default this channel)`,
  examples: [`${SLASH} japan-korea link <#C0GOVAFF|gov-affairs>`, `${SLASH} japan-korea unlink <#C0GOVAFF|gov-affairs>`],
  writes: true,
  need: 'manage',
  read: (c: Cursor, { word }) => readLinkAfterTrack(c, readTrack(c, word ?? 'link'), word !== 'unlink'),
  target: ({ track }) => ({ track }),
  run: ({ track, linked, channelId }, { deps, caller, where }) => linkChannel(deps, caller, track, channelId ?? where.channelId, linked),
  render: ({ track, changes }, _, { t }) => ({ message: renderDone(describeAccessChanges(track.slug, changes, t)) }),
});

export function readLinkAfterTrack(c: Cursor, track: TrackSlug, linked: boolean): LinkArgs {
  const token = c.next();
  if (!token) return { track, linked };
  const channelId = CHANNEL.exec(token.text)?.[1];
  if (!channelId) c.refuse(spoken('link.notChannel', { word: preview(token.text) }));
  expectEnd(c);
  return { track, linked, channelId };
}
