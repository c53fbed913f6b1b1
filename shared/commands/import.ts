import { defineCommand, modalOrigin, OpenModal, SLASH } from '#shared/commands/definition';
import { expectEnd, readTrack, type Cursor } from '#shared/commands/grammar';
import { localDate } from '#shared/dates/flags';
import type { TrackSlug } from '#shared/domain/schemas';
import { importTextModal } from '#shared/slack/render/import';
import { getTrack } from '#shared/use-cases/commitments';

/** `import <track>`: a form to paste a readout into; the follow-ups it finds are picked in the next one. */
export const importCommand = defineCommand({
  name: 'import',
  words: ['import'],
  usage: `${SLASH} import <track>  (paste a readout; pick the follow-ups to add)`,
  examples: [`${SLASH} import japan-korea`],
  // Opening the form changes nothing; its submission is the write, but only editors may start one.
  writes: false,
  need: 'write',
  read(c: Cursor): { track: TrackSlug } {
    const track = readTrack(c, 'import');
    expectEnd(c);
    return { track };
  },
  target: ({ track }) => ({ track }),
  async run({ track }, { deps, caller, where, t }) {
    const found = await getTrack(deps, caller, track, 'write');
    return new OpenModal(importTextModal(modalOrigin(where), { track: found, today: localDate(caller.now, found.timeZone) }, t));
  },
  // Always a form: there is no value to render.
  render: (nothing: never) => nothing,
});
