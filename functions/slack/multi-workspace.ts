import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { InstallationQuery } from '#shared/domain/installation';
import type { ListenerDeps } from './deps.ts';
import { isJsonBody } from '#shared/commands/replay';

type Result = APIGatewayProxyStructuredResultV2;

/**
 * A request from a workspace with no install, answered before anything is claimed or written:
 * a slash command gets a short answer with the install link (200, so Slack shows it); an event
 * or an interaction is acknowledged and dropped. Undefined when the workspace has an install,
 * or for the events that tell us it was removed.
 */
export async function notInstalledAnswer(deps: ListenerDeps, rawBody: string, installUrl: string): Promise<Result | undefined> {
  const source = readSource(rawBody);
  if (!source || (await deps.tokens.find(source.query))) return undefined;
  deps.log.info('request from a workspace without an install', { teamId: source.query.teamId, enterpriseId: source.query.enterpriseId });
  if (source.kind !== 'command') return { statusCode: 200, body: '' };
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', text: `Commitments is not installed in this workspace yet. Install it here: ${installUrl}` }),
  };
}

/** The Slack team (or, for an org-wide install, the enterprise) a signed request comes from, for the log. */
export function teamOf(rawBody: string): string | undefined {
  const { query } = readSource(rawBody) ?? {};
  return query?.teamId ?? query?.enterpriseId;
}

/**
 * Whether a signed command, interaction or event names no workspace at all (an empty
 * `team_id` and no enterprise): such a request cannot be keyed to any data.
 */
export function namesNoWorkspace(rawBody: string): boolean {
  if (isJsonBody(rawBody)) {
    const body = parseJson(rawBody) as { type?: string; event?: { type?: string } } | undefined;
    // Uninstall events are read by their own listener; only deliveries that run something are checked.
    if (body?.type !== 'event_callback' || UNINSTALL_EVENTS.has(body.event?.type ?? '')) return false;
  } else {
    const form = new URLSearchParams(rawBody);
    if (!form.has('payload') && !form.has('command')) return false;
  }
  const { query } = readSource(rawBody) ?? {};
  return !query?.teamId && !query?.enterpriseId;
}

/**
 * Slack's notice that it drops the app's events for the rest of a minute (`app_rate_limited`):
 * not an event, so Bolt has no listener for it. What it says, for the log; undefined for any other body.
 */
export function appRateLimited(rawBody: string): { teamId: unknown; minute: unknown } | undefined {
  // Every event is JSON: only one that can be this notice is parsed for it.
  if (!isJsonBody(rawBody) || !rawBody.includes('app_rate_limited')) return undefined;
  const body = parseJson(rawBody) as { type?: unknown; team_id?: unknown; minute_rate_limited?: unknown } | undefined;
  return body?.type === 'app_rate_limited' ? { teamId: body.team_id, minute: body.minute_rate_limited } : undefined;
}

/** Events that arrive after the install is gone, and must still run. */
const UNINSTALL_EVENTS = new Set(['app_uninstalled', 'tokens_revoked']);

type Source = { kind: 'command' | 'event' | 'interaction'; query: InstallationQuery };

/** Whose install a signed request needs, read as Bolt's authorize reads it. */
function readSource(rawBody: string): Source | undefined {
  if (isJsonBody(rawBody)) {
    const body = parseJson(rawBody) as
      | { type?: string; team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean; event?: { type?: string }; authorizations?: { team_id?: string | null; enterprise_id?: string | null; is_enterprise_install?: boolean }[] }
      | undefined;
    if (body?.type !== 'event_callback' || UNINSTALL_EVENTS.has(body.event?.type ?? '')) return undefined;
    const auth = body.authorizations?.[0];
    return {
      kind: 'event',
      query: {
        teamId: orUndefined(auth?.team_id) ?? orUndefined(body.team_id),
        enterpriseId: orUndefined(auth?.enterprise_id) ?? orUndefined(body.enterprise_id),
        isEnterpriseInstall: auth?.is_enterprise_install ?? body.is_enterprise_install ?? false,
      },
    };
  }
  const form = new URLSearchParams(rawBody);
  const payload = form.get('payload');
  if (payload) {
    const body = parseJson(payload) as
      | { team?: { id?: string; enterprise_id?: string } | null; user?: { team_id?: string }; enterprise?: { id?: string } | null; is_enterprise_install?: boolean }
      | undefined;
    if (!body) return undefined;
    return {
      kind: 'interaction',
      query: {
        teamId: orUndefined(body.team?.id) ?? orUndefined(body.user?.team_id),
        enterpriseId: orUndefined(body.enterprise?.id) ?? orUndefined(body.team?.enterprise_id),
        isEnterpriseInstall: body.is_enterprise_install ?? false,
      },
    };
  }
  const teamId = form.get('team_id');
  if (!form.get('command') || !teamId) return undefined;
  return { kind: 'command', query: { teamId, enterpriseId: orUndefined(form.get('enterprise_id')), isEnterpriseInstall: form.get('is_enterprise_install') === 'true' } };
}

/** A non-empty string, else undefined (Slack sends `null` or `""` for a field that does not apply). */
function orUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Runs an Events API delivery once per `event_id` (Slack retries a slow or failed one): the id is
 * claimed with a conditional put that expires; a repeat is acknowledged and runs nothing. A run
 * that fails gives the id back, so Slack's retry runs it. Other requests just run.
 */
export async function serveEventOnce(deps: ListenerDeps, rawBody: string, serve: () => Promise<Result>): Promise<Result> {
  const event = readEventCallback(rawBody);
  if (!event) return serve();
  if (!(await deps.installations.claimEvent(event.teamId, event.eventId, deps.clock()))) {
    deps.log.info('event already handled', { eventId: event.eventId });
    return { statusCode: 200, body: '' };
  }
  try {
    const result = await serve();
    if ((result.statusCode ?? 200) >= 500) await deps.installations.releaseEvent(event.teamId, event.eventId);
    return result;
  } catch (error) {
    await deps.installations.releaseEvent(event.teamId, event.eventId);
    throw error;
  }
}

function readEventCallback(rawBody: string): { teamId: string; eventId: string } | undefined {
  if (!isJsonBody(rawBody)) return undefined;
  try {
    const body = JSON.parse(rawBody) as { type?: unknown; event_id?: unknown; team_id?: unknown; enterprise_id?: unknown; authorizations?: { team_id?: unknown }[] };
    // Kept under the install the delivery is for (`authorizations`), as its data is: a Slack Connect
    // event names the workspace it happened in, which may have no install and no data here.
    const teamId = orUndefined(Array.isArray(body.authorizations) ? body.authorizations[0]?.team_id : undefined) ?? orUndefined(body.team_id) ?? orUndefined(body.enterprise_id);
    if (body.type !== 'event_callback' || typeof body.event_id !== 'string' || !teamId) return undefined;
    return { teamId, eventId: body.event_id };
  } catch {
    return undefined;
  }
}
