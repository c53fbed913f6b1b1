import * as z from 'zod';
import { MEMBERS_PER_TRACK } from '#shared/domain/bounds';
import { LocaleSchema } from '#shared/domain/locale';
import { CommitmentIdSchema, InstantSchema, TrackSlugSchema } from '#shared/domain/schemas';

/**
 * Work that talks to Slack after a request has been answered: the Home redraw, an export's
 * files, a message redrawn through its `response_url`. A job names whose install it runs for,
 * never the bot token: the token is looked up again when it runs.
 */

// As Slack sent them: the listeners check them, a job only carries them.
const SlackIdSchema = z.string().min(1).max(64);

/** The workspace (and org-wide install) whose bot token the job uses, as Bolt's authorize reads it. */
export const JobTeamSchema = z.strictObject({
  id: SlackIdSchema,
  enterpriseId: z.string().min(1).optional(),
  enterpriseInstall: z.boolean(),
});
export type JobTeam = z.infer<typeof JobTeamSchema>;


/** A Block Kit block as Slack sent it back or as it was drawn: only its type and id are read. */
export const LooseBlockSchema = z.looseObject({ type: z.string().min(1).max(40), block_id: z.string().max(255).optional() });
export type LooseBlock = z.infer<typeof LooseBlockSchema>;

/** How a redrawn message goes back: in place of the one a button sat on, shared in the channel, or the echo of a form's change. */
export const REDRAW_MODES = ['replace', 'share', 'echo'] as const;

export const AfterAnswerJobSchema = z.discriminatedUnion('kind', [
  /** Draws one user's Home tab again. */
  z.strictObject({ kind: z.literal('home'), team: JobTeamSchema, userId: SlackIdSchema }),
  /** Looks a person up in Slack and keeps it on their record: a stale record served, or a lookup Slack was slow to answer. */
  z.strictObject({ kind: z.literal('person'), team: JobTeamSchema, userId: SlackIdSchema }),
  /** Lists the user groups in Slack and keeps the records of these (as many as one track can name): stale records served, or a listing Slack was slow to answer. */
  z.strictObject({ kind: z.literal('groups'), team: JobTeamSchema, groupIds: z.array(SlackIdSchema).min(1).max(MEMBERS_PER_TRACK) }),
  /** Forgets a team whose app was removed: its person and group records, and its digests paused (see `forgetTeam`). */
  z.strictObject({ kind: z.literal('forget'), team: JobTeamSchema, reason: z.enum(['app_uninstalled', 'tokens_revoked']) }),
  /** Sends a track's briefing files to the user who asked, dated when they asked. */
  z.strictObject({
    kind: z.literal('export'),
    team: JobTeamSchema,
    userId: SlackIdSchema,
    channelId: SlackIdSchema,
    track: TrackSlugSchema,
    askedAt: InstantSchema,
    /** Where a refusal is told to the person (the command's `response_url`). */
    responseUrl: z.url().optional(),
    /** The asker's language, which the files and any refusal speak; English when absent (a job left before it was kept). */
    locale: LocaleSchema.optional(),
  }),
  /** Renders a report page or an item again and posts it to a `response_url`. */
  z.strictObject({
    kind: z.literal('redraw'),
    team: JobTeamSchema,
    userId: SlackIdSchema,
    channelId: SlackIdSchema.optional(),
    responseUrl: z.url(),
    /** The header block id of what to draw (`report|…` or `item|…`); without one, only an echo's confirmation is posted. */
    ref: z.string().max(255).optional(),
    mode: z.enum(REDRAW_MODES),
    /** The message redrawn sits in the channel for everyone (a shared report): drawn again as shared, not for the presser alone. */
    inChannel: z.boolean().optional(),
    /** What an echo says when there is nothing to redraw. */
    confirmation: z.string().max(40_000).optional(),
  }),
  /** A check-in answered: its item's blocks in the direct message replaced by the answer, or by the item as it now stands. */
  z.strictObject({
    kind: z.literal('checkin'),
    team: JobTeamSchema,
    /** Who answered: the message is changed only in their own direct message with the bot (a job from before it was carried changes nothing). */
    userId: SlackIdSchema.optional(),
    channelId: SlackIdSchema,
    messageTs: SlackIdSchema,
    itemId: CommitmentIdSchema,
    replacement: z.array(LooseBlockSchema).min(1).max(5),
    /** The message as the button's payload showed it; a form's answer has none, so it is read back from Slack. */
    message: z.strictObject({ text: z.string().max(40_000), blocks: z.array(LooseBlockSchema).max(100) }).optional(),
  }),
]);
export type AfterAnswerJob = z.infer<typeof AfterAnswerJobSchema>;

/** Marks a Lambda event as a job: only a direct invocation carries it, never an HTTP request. */
export const AFTER_ANSWER_SOURCE = 'commitments.after-answer';

/** The event a job travels in when the function invokes itself; nothing else may ride along. */
export const AfterAnswerEventSchema = z.strictObject({ source: z.literal(AFTER_ANSWER_SOURCE), job: AfterAnswerJobSchema });
export type AfterAnswerEvent = z.infer<typeof AfterAnswerEventSchema>;

export function afterAnswerEvent(job: AfterAnswerJob): AfterAnswerEvent {
  return { source: AFTER_ANSWER_SOURCE, job };
}
