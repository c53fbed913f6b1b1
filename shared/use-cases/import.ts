import { randomUUID } from 'node:crypto';
import { addHours } from 'date-fns';
import { ForbiddenError, InvalidInputError } from '#shared/errors';
import { MAX_PROPOSALS, ProposalSchema, type ImportDraft, type Proposal } from '#shared/domain/import-draft';
import type { Commitment, LocalDate, Track } from '#shared/domain/schemas';
import { getTrack, type Caller, type Deps } from '#shared/use-cases/commitments';

/** How long proposals wait for a person to confirm them. */
const DRAFT_HOURS = 2;
export { MAX_PROPOSALS };

export interface ReadoutInput {
  track: string;
  meeting: string;
  date: LocalDate;
  link?: string;
  text: string;
}

/**
 * Step 1 of an import: 1. read the track, 2. find the follow-ups in the text (pure extractor,
 * dates relative to the meeting, in the track's zone), 3. keep them as a draft for this user.
 * Nothing is saved as a commitment yet.
 */
export async function proposeImport(
  deps: Deps,
  caller: Caller,
  input: ReadoutInput,
): Promise<{ draft: ImportDraft; track: Track; found: number; leftFrom?: number }> {
  // Loaded on the first import, not at every cold start.
  const [track, { extractCommitments }] = await Promise.all([getTrack(deps, caller, input.track, 'write'), import('#shared/import/extractor')]);
  const found = extractCommitments(input.text, { meetingDate: input.date, timeZone: track.timeZone, parties: track.parties });
  if (found.length === 0) {
    throw new InvalidInputError('No agreed follow-ups found: look for sentences such as “the two sides agreed to …” or “will hold …”.', undefined, { field: 'text' });
  }
  const proposals: Proposal[] = found.slice(0, MAX_PROPOSALS).map((p) =>
    ProposalSchema.parse({
      title: p.title.slice(0, 200),
      kind: p.kind.type === 'one-off' ? { type: 'one-off', ...(p.due ? { due: p.due } : {}) } : p.kind,
      ...(p.due ? { due: p.due } : {}),
      parties: p.parties.length > 0 ? p.parties : track.parties.map((party) => party.code),
      sentence: p.sentence.slice(0, 2000),
      paragraph: p.paragraph,
      ...(p.point ? { point: p.point } : {}),
    }),
  );
  const draft = await deps.store.putDraft(
    {
      teamId: caller.teamId,
      id: randomUUID(),
      userId: caller.userId,
      track: track.slug,
      source: { meeting: input.meeting, date: input.date, ...(input.link ? { link: input.link } : {}) },
      proposals,
    },
    addHours(caller.now, DRAFT_HOURS),
  );
  // Where the proposals that did not fit start, so the person can import the rest.
  const leftFrom = found[MAX_PROPOSALS]?.paragraph;
  return { draft, track, found: found.length, ...(leftFrom ? { leftFrom } : {}) };
}

/**
 * Step 2: 1. read the draft, check it is the caller's and that they may still change its
 * track, 2. keep only the picks that name one of the stored draft's proposals, each once,
 * 3. take the draft (once: a second submit finds nothing), 4. add each confirmed proposal with
 * the title as edited and its provenance: the meeting, the paragraph or point, and the source sentence.
 */
export async function saveImport(
  deps: Deps,
  caller: Caller,
  draftId: string,
  picks: { index: number; title: string }[],
): Promise<Commitment[]> {
  if (picks.length === 0) throw new InvalidInputError('Tick at least one follow-up to save, or cancel.', undefined, { field: 'picks' });
  const draft = await deps.store.getDraft(caller.teamId, draftId);
  if (draft.userId !== caller.userId) throw new ForbiddenError('This import belongs to someone else.');
  const track = await getTrack(deps, caller, draft.track, 'write');
  // The stored draft decides what can be saved; a payload's claims beyond it count for nothing.
  const chosen = new Map<number, string>();
  for (const { index, title } of picks) if (Number.isInteger(index) && index >= 0 && index < draft.proposals.length && !chosen.has(index)) chosen.set(index, title);
  if (chosen.size === 0) throw new InvalidInputError('Tick at least one follow-up to save, or cancel.', undefined, { field: 'picks' });
  await deps.store.takeDraft(caller.teamId, draftId);
  const created: Commitment[] = [];
  for (const [index, title] of chosen) {
    const proposal = draft.proposals[index]!;
    created.push(
      await deps.store.createCommitment(
        caller.teamId,
        track.slug,
        {
          title: title || proposal.title,
          detail: `From the readout: “${proposal.sentence}”`.slice(0, 2000),
          parties: proposal.parties,
          owners: [],
          source: { ...draft.source, point: proposal.point ? `Point ${proposal.point}` : `Paragraph ${proposal.paragraph}` },
          kind: proposal.kind,
          status: 'not-started',
        },
        caller.userId,
        caller.now,
        { track },
      ),
    );
  }
  return created;
}
