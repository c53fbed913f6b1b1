import { AsyncLocalStorage } from 'node:async_hooks';
import type { LambdaClientConfig } from '@aws-sdk/client-lambda';
import type { BlockButtonAction, Context as BoltContext } from '@slack/bolt';
import * as z from 'zod';
import type { Config } from '#shared/config';
import type { ModalOrigin } from '#shared/slack/render/modals';
import { parseReportRef, reportBlockId } from '#shared/slack/render/report';
import { afterAnswerEvent, type AfterAnswerEvent, type AfterAnswerJob, type JobTeam } from '#shared/domain/after-answer';
import { runAfterAnswerJob, type AfterAnswerDeps } from '#shared/use-cases/after-answer';
import type { TokenSource } from '#shared/use-cases/tokens';
import { LOOKUP_TIMEOUT_MS } from '#shared/use-cases/access';
import { teamOf } from './payload.ts';

/** The batch of the request being answered, for work that has no Bolt context at hand (the directory). */
const requestJobs = new AsyncLocalStorage<JobBatch>();

/** Runs `answer` with `batch` as the request's own: jobs left by code it calls go there. */
export function answeringWith<T>(batch: JobBatch, answer: () => Promise<T>): Promise<T> {
  return requestJobs.run(batch, answer);
}

/** Where a request's listeners find its batch in Bolt's context. */
export const AFTER_ANSWER_KEY = 'afterAnswerJobs';

/** The jobs one request leaves for after its answer. */
export class JobBatch {
  readonly jobs: AfterAnswerJob[] = [];

  /**
   * `lookupsUntil`: when (`performance.now()`) the answer stops waiting on Slack to say who people are, all
   * its lookups together; for a job's own batch, which nobody waits on, as long as one lookup may take.
   */
  constructor(readonly lookupsUntil?: number) {}

  /** Leaves `job`, once: the same job left twice (two checks finding one stale record) runs once. */
  add(job: AfterAnswerJob): void {
    const key = JSON.stringify(job);
    if (!this.jobs.some((left) => JSON.stringify(left) === key)) this.jobs.push(job);
  }
}

/** When the answer being computed stops waiting on lookups (see {@link JobBatch}); undefined outside a request's answer. */
export function lookupsUntil(): number | undefined {
  return requestJobs.getStore()?.lookupsUntil;
}

/** Work that talks to Slack once a request has its answer. */
export interface AfterAnswer {
  /**
   * Leaves `job` for after the answer of the request `context` belongs to. Outside the Lambda
   * handler (Socket Mode, where `ack` has already gone) it starts at once, in process.
   */
  later(context: BoltContext, job: AfterAnswerJob | undefined): void;
  /** Leaves `job` for after the answer of the request being answered (see `answeringWith`); outside one, starts it at once in process. */
  leave(job: AfterAnswerJob): void;
  /** Sends a request's jobs off once its answer is computed: each to its own invocation on Lambda, in process elsewhere. */
  dispatch(batch: JobBatch): Promise<void>;
  /** Runs one job here and now; throws when it fails, so Lambda retries it. */
  run(job: AfterAnswerJob): Promise<void>;
}

export interface AfterAnswerOptions {
  /** The function each job is invoked on (the jobs function); without one, jobs run in this process after the answer. */
  functionName?: string | undefined;
  /** Client settings for the Lambda API, e.g. a stand-in on loopback. */
  lambdaClient?: LambdaClientConfig;
}

// AFTER_ANSWER_FUNCTION_NAME is set by infra on the function that answers Slack: its jobs run in a function of
// their own, whose duration and errors no user waited for. The jobs function has none and hands the jobs it
// leaves to itself, by the name Lambda sets; under `npm start` and in tests neither is set.
const LambdaEnvSchema = z.object({ AFTER_ANSWER_FUNCTION_NAME: z.string().min(1).optional(), AWS_LAMBDA_FUNCTION_NAME: z.string().min(1).optional() });
const lambdaEnv = () => LambdaEnvSchema.parse(process.env);

/** Jobs started in this process and not yet finished. */
const running = new Set<Promise<void>>();

/** Resolves once every job started in this process has finished, those started meanwhile too. */
export async function afterAnswerSettled(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}

export function createAfterAnswer(
  config: Pick<Config, 'sending'>,
  deps: Omit<AfterAnswerDeps, 'botToken'> & { tokens: TokenSource },
  options: AfterAnswerOptions = { functionName: lambdaEnv().AFTER_ANSWER_FUNCTION_NAME ?? lambdaEnv().AWS_LAMBDA_FUNCTION_NAME },
): AfterAnswer {
  const jobDeps: AfterAnswerDeps = { ...deps, botToken: (team) => botTokenFor(config, deps.tokens, team) };
  /**
   * Runs one job with a batch of its own: nobody waits on it, so its lookups take the time Slack
   * needs; what it leaves (a record to refresh) is sent off whether it succeeds or fails.
   */
  const runOne = async (job: AfterAnswerJob): Promise<void> => {
    const batch = new JobBatch(performance.now() + LOOKUP_TIMEOUT_MS);
    try {
      await answeringWith(batch, () => runAfterAnswerJob(jobDeps, job));
    } finally {
      await dispatch(batch);
    }
  };

  const startHere = (job: AfterAnswerJob): void => {
    // A macrotask later: the handler has returned its answer by then.
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => runOne(job))
      .catch((error: unknown) => deps.log.error('after-answer job failed', { kind: job.kind, error }))
      .finally(() => running.delete(done));
    running.add(done);
  };

  const { functionName } = options;
  let invoker: Promise<(event: AfterAnswerEvent) => Promise<void>> | undefined;
  const invokeSelf = async (name: string, job: AfterAnswerJob): Promise<void> => {
    // The Lambda client loads on the first job, not at cold start.
    invoker ??= import('./invoke-self.ts').then(({ createInvoker }) => createInvoker(name, options.lambdaClient));
    try {
      await (await invoker)(afterAnswerEvent(job));
    } catch (error) {
      invoker = undefined;
      // The answer stands; only its follow-up is lost.
      deps.log.error('could not hand a job to Lambda', { kind: job.kind, error });
    }
  };

  const dispatch = async (batch: JobBatch): Promise<void> => {
    if (!functionName) return batch.jobs.forEach(startHere);
    await Promise.all(batch.jobs.map((job) => invokeSelf(functionName, job)));
  };

  return {
    later(context, job) {
      if (!job) return;
      const batch = context[AFTER_ANSWER_KEY];
      if (batch instanceof JobBatch) batch.add(job);
      else startHere(job);
    },
    leave(job) {
      const batch = requestJobs.getStore();
      if (batch) batch.add(job);
      else startHere(job);
    },
    dispatch,
    // What the job itself leaves (a stale record to refresh) goes to its own invocation.
    run: runOne,
  };
}

/** The workspace whose token a job uses, as this request's authorize found it. */
export function jobTeam(context: BoltContext, teamId: string): JobTeam {
  return { id: teamId, ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}), enterpriseInstall: context.isEnterpriseInstall ?? false };
}

/**
 * After a change made in a form: redraw the message the form was opened from, or post the
 * confirmation beside it. Nothing when the form came from nowhere a message can go back to.
 */
export function echoJob(team: JobTeam, userId: string, origin: ModalOrigin, confirmation: string): AfterAnswerJob | undefined {
  if (!origin.responseUrl) return undefined;
  return {
    kind: 'redraw',
    team,
    userId,
    responseUrl: origin.responseUrl,
    ...(origin.refresh ? { ref: origin.refresh } : {}),
    ...(origin.inChannel ? { inChannel: true } : {}),
    mode: 'echo',
    confirmation,
  };
}

/** A report button's page (`slug|filter|page` in its value), drawn again for whoever pressed it. */
export function reportRedraw(context: BoltContext, body: BlockButtonAction, value: string, mode: 'replace' | 'share'): AfterAnswerJob | undefined {
  const ref = parseReportRef(value);
  if (!ref || !body.response_url) return undefined;
  return {
    kind: 'redraw',
    team: jobTeam(context, teamOf(body)),
    userId: body.user.id,
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    responseUrl: body.response_url,
    ref: reportBlockId(ref),
    ...(postedInChannel(body) ? { inChannel: true } : {}),
    mode,
  };
}

/** Whether the message a button sat on is in the channel for everyone (a shared report), not shown to the presser alone. */
export function postedInChannel(body: BlockButtonAction): boolean {
  return body.container?.is_ephemeral === false;
}

/** The one bot token, or the one the team's install stored (undefined once uninstalled). */
async function botTokenFor(config: Pick<Config, 'sending'>, tokens: TokenSource, team: JobTeam): Promise<string | undefined> {
  const sending = await config.sending();
  if (sending.mode === 'single') return sending.botToken;
  const bot = await tokens.find({ teamId: team.id, enterpriseId: team.enterpriseId, isEnterpriseInstall: team.enterpriseInstall });
  return bot?.botToken();
}
