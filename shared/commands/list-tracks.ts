import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, type Cursor } from '#shared/commands/grammar';
import { renderTrackList } from '#shared/slack/render/tracks';
import { listTracks } from '#shared/use-cases/commitments';

/** `/commitments` alone, `tracks` or `list`: the workspace's tracks with their counts. */
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
  run: (_, { deps, caller }) => listTracks(deps, caller),
  render: (tracks) => ({ message: renderTrackList(tracks) }),
});
