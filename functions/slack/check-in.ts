import type { AllMiddlewareArgs, BlockAction, Context as BoltContext, types } from '@slack/bolt';
import * as z from 'zod';
import { LooseBlockSchema } from '#shared/domain/after-answer';
import type { CheckInAnswer } from '#shared/domain/check-in-answer';
import type { Commitment } from '#shared/domain/schemas';
import { EN, translatorOf, type Translator } from '#shared/i18n/translator';
import { answerError, type FormFields } from '#shared/slack/answer-error';
import { postToResponseUrl } from '#shared/slack/respond';
import { renderAnswered, renderChangedSince } from '#shared/slack/render/check-in-answer';
import { itemIdOf, readItemVersion } from '#shared/slack/render/commitment';
import type { ModalOrigin } from '#shared/slack/render/modals';
import type { ViewValues } from '#shared/slack/view-state';
import { answerCheckIn, openCheckIn, type CheckInOutcome } from '#shared/use-cases/check-in-answers';
import type { Caller } from '#shared/use-cases/commitments';
import type { ListenerDeps } from './deps.ts';
import { jobTeam } from './after-answer.ts';
import { buttonCaller } from './payload.ts';
import { viewSubmission } from './submission.ts';

/** What a check-in's buttons and forms share: where the answer shows, and the work left for after it. */

/** The direct message a check-in button sat on; none on Home, which is drawn again whole. */
export interface CheckInPlace {
  channelId: string;
  messageTs: string;
  /** The message as the payload showed it: every other item's blocks are kept from it. */
  message?: { text: string; blocks: z.infer<typeof LooseBlockSchema>[] };
}

const PayloadMessageSchema = z.object({ text: z.string().max(40_000).default(''), blocks: z.array(LooseBlockSchema).max(100) });

/** The most of a payload's message a job carries (a check-in of ten items is about 20 KB); past it, the job reads the message back from Slack. */
const PAYLOAD_MESSAGE_BYTES = 100_000;

export function placeOfButton(body: BlockAction): CheckInPlace | undefined {
  const channelId = body.container?.channel_id ?? body.channel?.id;
  const messageTs = body.container?.message_ts ?? body.message?.ts;
  if (body.container?.type !== 'message' || !channelId || !messageTs) return undefined;
  const message = withinBytes(body.message, PAYLOAD_MESSAGE_BYTES) ? PayloadMessageSchema.safeParse(body.message) : undefined;
  return { channelId, messageTs, ...(message?.success ? { message: message.data } : {}) };
}

/** Whether `value` serializes within `bytes` (UTF-16 units, near enough); a value too deep to serialize is not. */
function withinBytes(value: unknown, bytes: number): boolean {
  try {
    return (JSON.stringify(value) ?? '').length <= bytes;
  } catch {
    return false;
  }
}

function placeOfForm(origin: ModalOrigin): CheckInPlace | undefined {
  return origin.channelId && origin.messageTs ? { channelId: origin.channelId, messageTs: origin.messageTs } : undefined;
}

/** After an answer: the item's blocks in its message replaced (by the answer, or by how it stands now, in the presser's language), and the caller's Home drawn again. */
export function leaveCheckInJobs(deps: ListenerDeps, context: BoltContext, caller: Caller, place: CheckInPlace | undefined, outcome: CheckInOutcome, t: Translator = EN): void {
  const team = jobTeam(context, caller.teamId);
  if (place) {
    const replacement =
      outcome.kind === 'answered' ? renderAnswered(outcome.answer, outcome.after, outcome.track, caller.now, t) : renderChangedSince(outcome.item, outcome.track, caller.now, t);
    const itemId = outcome.kind === 'answered' ? outcome.after.id : outcome.item.id;
    deps.afterAnswer.later(context, {
      kind: 'checkin',
      team,
      userId: caller.userId,
      channelId: place.channelId,
      messageTs: place.messageTs,
      itemId,
      replacement: z.array(LooseBlockSchema).parse(replacement),
      ...(place.message ? { message: place.message } : {}),
    });
  }
  deps.afterAnswer.later(context, { kind: 'home', team, userId: caller.userId });
}

/** A refusal after a press, told beside the message (in the presser's language once known); Home has no `response_url` and is drawn again instead. */
export async function refusePress(deps: ListenerDeps, body: BlockAction, error: unknown, t: Translator = EN): Promise<void> {
  const answer = answerError(error, deps.log, t);
  if (body.response_url) await postToResponseUrl({ url: body.response_url, slackApiUrl: deps.slackApiUrl }, answer);
  else deps.log.info('check-in refused on Home', { text: answer.text });
}

/** An answer made by one press (On track, Snooze 1 day or 1 week): saved at once. */
export async function answerPress(deps: ListenerDeps, args: Pick<AllMiddlewareArgs, 'context'> & { body: BlockAction }, value: string, answer: CheckInAnswer): Promise<void> {
  const { body, context } = args;
  let t = EN;
  try {
    const caller = await buttonCaller(deps, body, deps.clock(), itemIdOf(value));
    t = await translatorOf(caller);
    const outcome = await answerCheckIn(deps, caller, readItemVersion(value), answer);
    leaveCheckInJobs(deps, context, caller, placeOfButton(body), outcome, t);
  } catch (error) {
    await refusePress(deps, body, error, t);
  }
}

/** A press that opens a form: on an item that changed since, its current state is shown instead and no form opens. */
export async function openCheckInForm(
  deps: ListenerDeps,
  args: Pick<AllMiddlewareArgs, 'context' | 'client'> & { body: BlockAction },
  value: string,
  modal: (item: Commitment, origin: ModalOrigin, t: Translator) => types.ModalView,
): Promise<void> {
  const { body, context, client } = args;
  let t = EN;
  try {
    const caller = await buttonCaller(deps, body, deps.clock(), itemIdOf(value));
    t = await translatorOf(caller);
    const { item, track, stale } = await openCheckIn(deps, caller, readItemVersion(value));
    const place = placeOfButton(body);
    if (stale) return leaveCheckInJobs(deps, context, caller, place, { kind: 'stale', item, track }, t);
    const origin: ModalOrigin = place ? { channelId: place.channelId, messageTs: place.messageTs } : {};
    await client.views.open({ trigger_id: body.trigger_id, view: modal(item, origin, t) });
  } catch (error) {
    await refusePress(deps, body, error, t);
  }
}

/** A check-in form's submission: closes the form and shows the answer in place, or keeps it open with the problem beside its field. */
export function checkInSubmission(deps: ListenerDeps, read: (values: ViewValues) => CheckInAnswer, fields: FormFields) {
  return viewSubmission(
    deps,
    fields,
    // No version is no version shown: stale.
    (caller, origin, values) => answerCheckIn(deps, caller, { id: origin.id ?? '', version: origin.version ?? 0 }, read(values)),
    (context, caller, origin, outcome, t) => leaveCheckInJobs(deps, context, caller, placeOfForm(origin), outcome, t),
    'item',
  );
}
