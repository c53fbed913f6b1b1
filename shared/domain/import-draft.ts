import * as z from 'zod';
import { PROPOSALS_PER_IMPORT } from '#shared/domain/bounds';
import { KindSchema, LIMITS, LocalDateSchema, PartyCodeSchema, SourceDraftSchema, TeamIdSchema, TrackSlugSchema, ActorSchema, textSchema, lineSchema, type Party } from '#shared/domain/schemas';

/** What one confirmation modal can show (see bounds.ts). */
export const MAX_PROPOSALS = PROPOSALS_PER_IMPORT;
/** Drafts stored while the form showed 40 (they expire within hours) still read. */
const STORED_PROPOSALS = 40;

/** One follow-up the extractor found in a readout, waiting for a person to confirm it. */
export const ProposalSchema = z.object({
  title: lineSchema().min(1).max(LIMITS.titleChars),
  kind: KindSchema,
  due: LocalDateSchema.optional(),
  parties: z.array(PartyCodeSchema).max(20),
  sentence: textSchema().max(LIMITS.detailChars),
  paragraph: z.number().int().min(1),
  point: lineSchema().max(20).optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/**
 * What a readout import proposes, kept between the two modals (a modal's metadata holds only
 * 3,000 characters); it expires on its own and is taken once, so a double submit saves once.
 */
export const ImportDraftSchema = z.object({
  teamId: TeamIdSchema,
  id: z.string().regex(/^[a-z0-9-]{8,40}$/),
  userId: ActorSchema,
  track: TrackSlugSchema,
  source: SourceDraftSchema.omit({ point: true }),
  proposals: z.array(ProposalSchema).min(1).max(STORED_PROPOSALS),
});
export type ImportDraft = z.infer<typeof ImportDraftSchema>;

/**
 * One proposal ticked on the confirmation form, as the person left it. `kind`, `due` and
 * `parties` are absent when the submission has no such input (the proposal's own then stand);
 * `due` is null when its date picker was left empty.
 */
export interface ImportPick {
  index: number;
  title: string;
  kind?: string;
  due?: string | null;
  parties?: string[];
}

/** The parties the form ticks at first: the proposal's that the track has, or all the track's when it names none of them. */
export function presetParties(proposal: Pick<Proposal, 'parties'>, trackParties: readonly Party[]): string[] {
  const named = trackParties.filter((p) => proposal.parties.includes(p.code)).map((p) => p.code);
  return named.length > 0 ? named : trackParties.map((p) => p.code);
}
