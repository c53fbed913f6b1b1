import type { Config } from '#shared/config';
import type { Logger } from '#shared/observe/log';
import { createDynamoClient } from '#shared/store/client';
import { createStore, type Store } from '#shared/store/store';
import { createPreferencesStore, type PreferencesStore } from '#shared/store/preferences';
import { createSubscriptionStore, type SubscriptionStore } from '#shared/store/subscriptions';
import type { InstallationQuery } from '#shared/domain/installation';
import type { InstallationStore } from '#shared/store/installations';
import { createTokenSourceFor, type TokenSource } from '#shared/use-cases/tokens';
import { createPeopleDirectory, DirectoryError, type Directory } from '#shared/use-cases/access';
import { createPeopleStore, type PeopleStore } from '#shared/store/people';
import { configuredTokenSuccessor, createStaleTokenFetch, createStaleTokenHttp } from '#shared/slack/stale-token';
import { createAfterAnswer, lookupsUntil, type AfterAnswer } from './after-answer.ts';

/** What every listener is given: built once per container by the handler. */
export interface ListenerDeps {
  store: Store;
  subscriptions: SubscriptionStore;
  preferences: PreferencesStore;
  /** Who callers are: their person records, Slack where those will not do. */
  directory: Directory;
  /** Person and user-group records, kept fresh by Slack's events. */
  people: PeopleStore;
  log: Logger;
  clock: () => Date;
  /** Slack Web API base URL, for calls made without Bolt's client (file uploads). */
  slackApiUrl: string;
  /** Installs, used install states and seen events (multi-workspace mode). */
  installations: InstallationStore;
  /** Each request's bot token from its workspace's install, cached briefly. */
  tokens: TokenSource;
  /** Whether the workspace has the app this moment: its install read from the table, past the tokens' cache (one bot token: always). */
  installedNow(query: InstallationQuery): Promise<boolean>;
  /** Bolt's fetch for Slack calls: a configured bot token Slack refuses is read again from its secret and the call repeated once. */
  slackFetch: typeof fetch;
  /** Work left for after a request's answer: Home redraws, exports, message redraws. */
  afterAnswer: AfterAnswer;
}

export function createListenerDeps(config: Config, log: Logger): ListenerDeps {
  const dynamo = createDynamoClient(config.dynamodbEndpoint);
  const clock = () => new Date();
  const { installations, tokens } = createTokenSourceFor(config, dynamo, clock);
  const successor = configuredTokenSuccessor(config);
  // Bolt's client carries each install's token handle; the token is opened as a call goes out.
  const slackFetch = createStaleTokenFetch({ successor, open: (token) => tokens.open(token) });
  const people = createPeopleStore({ client: dynamo, tableName: config.tableName });
  // Built below, with the deps it runs its jobs with; the directory leaves jobs only while answering.
  let afterAnswer: AfterAnswer | undefined;
  const deps: Omit<ListenerDeps, 'afterAnswer'> = {
    people,
    // Standing comes from person records and the app manager record, never from the install (a reinstall grants nothing).
    directory: createPeopleDirectory({
      people,
      apiUrl: config.slackApiUrl,
      token: (teamId) => teamToken(config, tokens, teamId),
      clock,
      later: (job) => afterAnswer?.leave(job),
      deadline: lookupsUntil,
      http: createStaleTokenHttp({ successor }),
    }),
    store: createStore({ client: dynamo, tableName: config.tableName }),
    subscriptions: createSubscriptionStore({ client: dynamo, tableName: config.tableName }),
    preferences: createPreferencesStore({ client: dynamo, tableName: config.tableName }),
    log,
    clock,
    slackApiUrl: config.slackApiUrl,
    installations,
    tokens,
    installedNow: async (query) => (await config.sending()).mode === 'single' || (await installations.fetchInstallation(query)) !== undefined,
    slackFetch,
  };
  afterAnswer = createAfterAnswer(config, deps);
  return { ...deps, afterAnswer };
}

/** The token that may read a team's users: the one bot token, or the token the team's install stored. */
async function teamToken(config: Config, tokens: TokenSource, teamId: string): Promise<string> {
  const sending = await config.sending();
  if (sending.mode === 'single') return sending.botToken;
  const bot = await tokens.forTeam(teamId);
  if (!bot) throw new DirectoryError('This workspace has not installed the app, so I cannot tell who is asking.');
  return bot.botToken();
}
