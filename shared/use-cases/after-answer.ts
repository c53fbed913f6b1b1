import * as z from 'zod';
import { LooseBlockSchema, type AfterAnswerJob, type JobTeam, type LooseBlock } from '#shared/domain/after-answer';
import { DEFAULT_LOCALE } from '#shared/domain/locale';
import { translatorFor } from '#shared/i18n/translator';
import type { Logger } from '#shared/observe/log';
import { answerError, isRefusal } from '#shared/slack/answer-error';
import type { SlackMessage } from '#shared/slack/render/format';
import { renderDone } from '#shared/slack/render/notice';
import { postToResponseUrl } from '#shared/slack/respond';
import { isSlackResponseUrl } from '#shared/slack/view-state';
import { SlackApiError } from '#shared/slack/upload';
import { replaceItemBlocks } from '#shared/slack/render/check-in-answer';
import { createSlackWeb, type SlackReply, type SlackWeb } from '#shared/slack/web-api';
import { getTrack, loadCaller, type Caller, type Deps } from '#shared/use-cases/commitments';
import { isDefiniteRefusal } from '#shared/use-cases/access';
import { exportBriefing } from '#shared/use-cases/export';
import { buildHome } from '#shared/use-cases/home';
import { redraw } from '#shared/use-cases/redraw';
import { forgetTeam, type ForgetTeamDeps } from '#shared/use-cases/uninstall';

export interface AfterAnswerDeps extends Deps, Pick<ForgetTeamDeps, 'installations' | 'people'> {
  log: Logger;
  clock: () => Date;
  /** Slack Web API base URL, ending in `/api/`. */
  slackApiUrl: string;
  /** The bot token serving `team` now; undefined once the app is gone from it. */
  botToken(team: JobTeam): Promise<string | undefined>;
}

/**
 * Runs one job that was left for after a request's answer. A refusal a person can act on
 * (the track is gone, they lost access) is told to them where the job has somewhere to tell it;
 * anything else throws, so the invocation is retried and then kept in the dead-letter queue.
 */
export async function runAfterAnswerJob(deps: AfterAnswerDeps, job: AfterAnswerJob): Promise<void> {
  switch (job.kind) {
    case 'home':
      return publishHome(deps, job);
    case 'person':
      return unlessRefused(deps, job, () => deps.directory.refresh(job.team.id, job.userId));
    case 'groups':
      return unlessRefused(deps, job, () => deps.directory.refreshGroups(job.team.id, job.groupIds));
    case 'forget': {
      const forgotten = await forgetTeam(deps, { teamId: job.team.id, reason: job.reason, now: deps.clock() });
      deps.log.info(forgotten ? 'team forgotten' : 'team installed again since its removal: nothing forgotten', { teamId: job.team.id, reason: job.reason, ...forgotten });
      return;
    }
    case 'export':
      return sendBriefing(deps, job);
    case 'redraw':
      return redrawMessage(deps, job);
    case 'checkin':
      return redrawCheckIn(deps, job);
  }
}

type JobOf<Kind extends AfterAnswerJob['kind']> = Extract<AfterAnswerJob, { kind: Kind }>;

/**
 * A refresh Slack refuses for good (`user_not_found`, say) is logged and done: a retry would be
 * refused the same, and the record serves until it is a week old, then Slack is asked first.
 * Slack unavailable or rate limited throws, so Lambda tries again.
 */
async function unlessRefused(deps: AfterAnswerDeps, job: AfterAnswerJob, refresh: () => Promise<unknown>): Promise<void> {
  try {
    await refresh();
  } catch (error) {
    if (!isDefiniteRefusal(error)) throw error;
    deps.log.info('record not refreshed: Slack refused', { kind: job.kind, teamId: job.team.id, error });
  }
}

/** Draws one user's Home tab afresh: their tracks as they stand after the change. */
async function publishHome(deps: AfterAnswerDeps, job: JobOf<'home'>): Promise<void> {
  const token = await tokenFor(deps, job);
  if (!token) return;
  const caller = await loadCaller(deps, { teamId: job.team.id, userId: job.userId, now: deps.clock() });
  const view = await buildHome(deps, caller);
  requireOk('views.publish', await createSlackWeb({ apiUrl: deps.slackApiUrl, token }).call('views.publish', { user_id: job.userId, view }));
}

/** Uploads a track's briefing files to the person who asked, named for the moment they asked, in the language they asked in. */
async function sendBriefing(deps: AfterAnswerDeps, job: JobOf<'export'>): Promise<void> {
  const token = await tokenFor(deps, job);
  if (!token) return;
  // The command's answer had read the asker's record: the job carries their language rather than reading it again.
  const t = await translatorFor(job.locale ?? DEFAULT_LOCALE);
  try {
    // Access as it stands now, on fresh records: someone who lost it since asking gets no files.
    const caller = await loadCaller(deps, { teamId: job.team.id, userId: job.userId, channelId: job.channelId, now: deps.clock() });
    await getTrack(deps, caller, job.track, 'export');
    await exportBriefing(
      { store: deps.store, directory: deps.directory, slack: { apiUrl: deps.slackApiUrl, token } },
      { teamId: job.team.id, userId: job.userId, channelId: job.channelId, track: job.track, now: new Date(job.askedAt), t },
    );
  } catch (error) {
    if (!isRefusal(error) || !job.responseUrl) throw error;
    await post(deps, job.responseUrl, answerError(error, deps.log, t));
  }
}

/**
 * Posts a message again through its `response_url`: a report page in its place, a page shared
 * in the channel, or after a form's change the message it came from (or, when that shows
 * nothing to redraw, the confirmation beside it).
 */
async function redrawMessage(deps: AfterAnswerDeps, job: JobOf<'redraw'>): Promise<void> {
  let message: SlackMessage | undefined;
  let caller: Caller | undefined;
  try {
    caller = await loadCaller(deps, { teamId: job.team.id, userId: job.userId, channelId: job.channelId, now: deps.clock() });
    message = await redraw(deps, caller, job.ref, job.mode === 'share' || job.inChannel === true);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // In the person's language, as their record gives it (English when even that could not be read).
    return post(deps, job.responseUrl, answerError(error, deps.log, await translatorFor(caller?.access.locale ?? DEFAULT_LOCALE)));
  }
  if (job.mode === 'echo') {
    const echo = message ?? (job.confirmation ? renderDone(job.confirmation) : undefined);
    if (echo) await post(deps, job.responseUrl, echo, { replaceOriginal: Boolean(message) });
    return;
  }
  if (message) await post(deps, job.responseUrl, message, job.mode === 'share' ? { inChannel: true } : { replaceOriginal: true });
}

/**
 * Shows a check-in's answer in place: the direct message as the button saw it (or, after a form,
 * as Slack has it now) with that item's blocks replaced and every other item's left as they were.
 */
async function redrawCheckIn(deps: AfterAnswerDeps, job: JobOf<'checkin'>): Promise<void> {
  const token = await tokenFor(deps, job);
  if (!token) return;
  const web = createSlackWeb({ apiUrl: deps.slackApiUrl, token });
  // The place came from the presser's payload: only their own direct message with the bot is changed.
  if (!(await isOwnDm(deps, web, job))) {
    deps.log.warn('check-in not redrawn: not the presser’s direct message', { teamId: job.team.id, userId: job.userId, channelId: job.channelId });
    return;
  }
  const message = job.message ?? (await readMessage(web, job.channelId, job.messageTs));
  const blocks = message ? replaceItemBlocks(message.blocks, job.itemId, job.replacement) : undefined;
  // Gone, or no longer showing the item (answered meanwhile): nothing to replace.
  if (!message || !blocks) return;
  requireOk('chat.update', await web.call('chat.update', { channel: job.channelId, ts: job.messageTs, text: message.text, blocks }));
}

/** Whether `channelId` is `userId`'s direct message with the bot: the one kept on their record, else the one Slack opens for them. */
async function isOwnDm(deps: AfterAnswerDeps, web: SlackWeb, job: { team: JobTeam; userId?: string | undefined; channelId: string }): Promise<boolean> {
  if (!job.userId) return false;
  const { person } = await deps.directory.caller(job.team.id, job.userId);
  if (person?.dmChannelId === job.channelId) return true;
  const opened = await web.call('conversations.open', { users: job.userId });
  requireOk('conversations.open', opened);
  return opened.kind === 'ok' && opened.body.channel?.id === job.channelId;
}

const HistoryMessageSchema = z.object({ ts: z.string(), text: z.string().default(''), blocks: z.array(LooseBlockSchema).default([]) });

/** One message of a conversation as Slack has it now. */
async function readMessage(web: SlackWeb, channel: string, ts: string): Promise<{ text: string; blocks: LooseBlock[] } | undefined> {
  const reply = await web.call('conversations.history', { channel, latest: ts, inclusive: true, limit: 1 });
  requireOk('conversations.history', reply);
  const found = reply.kind === 'ok' ? reply.body.messages?.find((m) => m.ts === ts) : undefined;
  const parsed = HistoryMessageSchema.safeParse(found);
  return parsed.success ? parsed.data : undefined;
}

async function tokenFor(deps: AfterAnswerDeps, job: { kind: string; team: JobTeam }): Promise<string | undefined> {
  const token = await deps.botToken(job.team);
  // Uninstalled since the request: there is no one left to draw for.
  if (!token) deps.log.info('no install left for a job', { kind: job.kind, teamId: job.team.id });
  return token;
}

/** Posts to a job's `response_url`; one Slack cannot have given is not posted to (nor retried): logged, and the job is done. */
async function post(deps: AfterAnswerDeps, url: string, message: SlackMessage, mode: { replaceOriginal?: boolean; inChannel?: boolean } = {}): Promise<void> {
  if (!isSlackResponseUrl(url, deps.slackApiUrl)) return deps.log.warn('response_url not Slack’s: nothing posted', { host: hostOf(url) });
  if (!(await postToResponseUrl({ url, slackApiUrl: deps.slackApiUrl }, message, mode))) throw new SlackApiError('response_url', 'not accepted');
}

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).host : undefined;
}

function requireOk(method: string, reply: SlackReply): void {
  if (reply.kind === 'ok') return;
  throw new SlackApiError(method, reply.kind === 'error' ? reply.error : reply.kind === 'rate-limited' ? 'ratelimited' : reply.reason);
}
