import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, readTrack, type Cursor } from '#shared/commands/grammar';
import type { TrackSlug, Visibility } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderDone } from '#shared/slack/render/notice';
import { describeAccessChanges } from '#shared/slack/render/roles';
import { setVisibility } from '#shared/use-cases/track-access';

const WORDS: ReadonlyMap<string, Visibility> = new Map([
  ['private', 'private'],
  ['workspace', 'workspace'],
  ['public', 'workspace'],
]);

/** `<track> visibility private|workspace`: who may see the track at all. */
export const visibilityCommand = defineCommand({
  name: 'visibility',
  words: ['visibility'],
  usage: `${SLASH} <track> visibility private|workspace  (private: only members and linked channels see it)`,
  examples: [`${SLASH} japan-korea visibility private`],
  writes: true,
  need: 'manage',
  read: (c: Cursor) => readVisibilityAfterTrack(c, readTrack(c, 'visibility')),
  target: ({ track }) => ({ track }),
  run: ({ track, visibility }, { deps, caller }) => setVisibility(deps, caller, track, visibility),
  render: ({ track, changes }, _, { t }) => ({ message: renderDone(describeAccessChanges(track.slug, changes, t)) }),
});

export function readVisibilityAfterTrack(c: Cursor, track: TrackSlug): { track: TrackSlug; visibility: Visibility } {
  const visibility = WORDS.get(c.next()?.text.toLowerCase() ?? '');
  if (!visibility) c.refuse(spoken('visibility.needed'));
  expectEnd(c);
  return { track, visibility };
}
