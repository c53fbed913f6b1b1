import * as z from 'zod';
import { KindSchema, LIMITS, LocalDateSchema, PartyCodeSchema, SourceDraftSchema, TeamIdSchema, TrackSlugSchema, ActorSchema, textSchema, lineSchema } from '#shared/domain/schemas';

/** What one confirmation modal can show: two blocks each and a checkbox group per ten stay under Slack's 100 blocks. */
export const MAX_PROPOSALS = 40;

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
  proposals: z.array(ProposalSchema).min(1).max(MAX_PROPOSALS),
});
export type ImportDraft = z.infer<typeof ImportDraftSchema>;
