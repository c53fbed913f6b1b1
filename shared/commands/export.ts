import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readTrack, type Cursor, type Spoken } from '#shared/commands/grammar';
import type { TrackSlug } from '#shared/domain/schemas';
import { InvalidInputError } from '#shared/errors';
import { spoken } from '#shared/i18n/translator';
import { escape } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';
import { getTrack } from '#shared/use-cases/commitments';
import { briefingFilenames } from '#shared/use-cases/export';

/** Why `export … share` is refused: the files go to one person, never to the channel. */
export function exportNotShared(track = '<track>'): Spoken {
  return spoken('export.notShared', { command: `${SLASH} ${track} share` });
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
  async run({ track }, { deps, caller, where, t }) {
    const send = where.sendBriefing;
    if (!send) {
      const { text, say } = spoken('export.noFiles');
      throw new InvalidInputError(text, undefined, { say });
    }
    // The answer names the files, so it needs the track's time zone; the upload waits for after it, in the asker's language.
    const filenames = briefingFilenames(await getTrack(deps, caller, track, 'export'), caller.now);
    send(track, caller.now, t.locale);
    return filenames;
  },
  render: (filenames, _, { t }) => ({ message: renderDone(t.t('export.sending', { markdown: escape(filenames.markdown) })) }),
});
