import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readTrack, type Cursor } from '#shared/commands/grammar';
import type { TrackSlug } from '#shared/domain/schemas';
import { InvalidInputError } from '#shared/errors';
import { escape } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';
import { withTrackSuggestions } from '#shared/use-cases/commitments';
import { exportBriefing } from '#shared/use-cases/export';

/** `export <track>` or `<track> export`: a Markdown briefing and a CSV, sent as files. */
export const exportCommand = defineCommand({
  name: 'export',
  words: ['export'],
  usage: `${SLASH} <track> export  (a Markdown briefing and a CSV, sent to you as files)`,
  examples: [`${SLASH} japan-korea export`],
  // Not a table write, but a replay would upload the files again.
  writes: true,
  need: 'write',
  read(c: Cursor): { track: TrackSlug } {
    const track = readTrack(c, 'export');
    expectEnd(c);
    return { track };
  },
  target: ({ track }) => ({ track }),
  async run({ track }, { deps, caller, where }) {
    const slack = where.slack;
    if (!slack) throw new InvalidInputError('Export needs Slack to send files, which is not available here.');
    return withTrackSuggestions(deps, caller, track, () =>
      exportBriefing({ ...deps, slack }, { teamId: caller.teamId, userId: caller.userId, channelId: where.channelId, track, now: caller.now }),
    );
  },
  render: (sent) => ({ message: renderDone(escape(sent.summary)) }),
});
