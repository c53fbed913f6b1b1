import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, type Cursor } from '#shared/commands/grammar';
import { renderTrackList } from '#shared/slack/render/tracks';
import { listTracks } from '#shared/use-cases/commitments';
import { appManagerFor } from '#shared/use-cases/app-manager';
import { mayWriteAnywhere } from '#shared/domain/access';

/** `/commitments` alone, `tracks` or `list`: the workspace's tracks with their counts (and, to admins, the app manager). */
export const listTracksCommand = defineCommand({
  name: 'list-tracks',
  words: ['tracks'],
  usage: SLASH,
  examples: [`${SLASH} tracks`],
  writes: false,
  need: 'read',
  read(c: Cursor) {
    expectEnd(c);
    return {};
  },
  run: async (_, { deps, caller }) => ({ tracks: await listTracks(deps, caller), manager: appManagerFor(caller), readOnly: !mayWriteAnywhere(caller.access).allowed }),
  render: ({ tracks, manager, readOnly }, _, { t }) => ({ message: renderTrackList(tracks, { readOnly, ...(manager ? { manager } : {}) }, t) }),
});
