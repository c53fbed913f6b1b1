import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readTrack, type Cursor } from '#shared/commands/grammar';
import type { TrackSlug } from '#shared/domain/schemas';
import { InvalidInputError } from '#shared/errors';
import { escape } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';
import { getTrack } from '#shared/use-cases/commitments';
import { briefingFilenames } from '#shared/use-cases/export';

/** Why `export … share` is refused: the files go to one person, never to the channel. */
export function exportNotShared(track = '<track>'): string {
  return `Export cannot be shared: it sends the briefing files to you alone, in a direct message. To show the channel the report, use ${SLASH} ${track} share.`;
}

/** `export <track>` or `<track> export`: a Markdown briefing and a CSV, sent as files once the answer is out. */
export const exportCommand = defineCommand({
  name: 'export',
  words: ['export'],
  usage: `${SLASH} <track> export  (a Markdown briefing and a CSV, sent to you as files)`,
  examples: [`${SLASH} japan-korea export`],
  // Not a table write, but a replay would upload the files again.
  writes: true,
  need: 'export',
  read(c: Cursor): { track: TrackSlug } {
    if (c.peekWord() === 'share') c.refuse(exportNotShared());
    const track = readTrack(c, 'export');
    if (c.peekWord() === 'share') c.refuse(exportNotShared(track));
    expectEnd(c);
    return { track };
  },
  target: ({ track }) => ({ track }),
  async run({ track }, { deps, caller, where }) {
    const send = where.sendBriefing;
    if (!send) throw new InvalidInputError('Export needs Slack to send files, which is not available here.');
    // The answer names the files, so it needs the track's time zone; the upload waits for after it.
    const filenames = briefingFilenames(await getTrack(deps, caller, track, 'export'), caller.now);
    send(track, caller.now);
    return filenames;
  },
  render: (filenames) => ({ message: renderDone(escape(`Sending you ${filenames.markdown} and .csv in a direct message.`)) }),
});
