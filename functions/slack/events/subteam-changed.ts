import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { keepGroupFromEvent } from '#shared/use-cases/people-events';
import type { ListenerDeps } from '../deps.ts';

type SubteamEvent = SlackEventMiddlewareArgs<'subteam_created'> | SlackEventMiddlewareArgs<'subteam_updated'>;

/** A user group was made, renamed, disabled or its members changed: its record follows, so a track role given to it does too. */
export function subteamChanged(deps: ListenerDeps) {
  return async ({ event, body }: SubteamEvent & AllMiddlewareArgs): Promise<void> => {
    const outcome = await keepGroupFromEvent(deps, { teamId: body.team_id, subteam: event.subteam });
    // Unreadable: not the shape Slack documents, or timed ahead of the clock; nothing was kept.
    deps.log[outcome === 'unreadable' ? 'warn' : 'debug']('group event', { type: event.type, outcome, eventId: body.event_id });
  };
}
