import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { applyGroupMembersChange } from '#shared/use-cases/people-events';
import type { ListenerDeps } from '../deps.ts';

/** People joined or left a user group: a group with a record has the change applied to it. */
export function subteamMembersChanged(deps: ListenerDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'subteam_members_changed'> & AllMiddlewareArgs): Promise<void> => {
    const outcome = await applyGroupMembersChange(deps, { teamId: body.team_id, change: event });
    // Two lost races in a row: the record stays as the other writers left it, until the group's next event or lookup.
    if (outcome === 'raced') deps.log.warn('group members change lost to other writes twice', { eventId: body.event_id });
    else deps.log[outcome === 'unreadable' ? 'warn' : 'debug']('group members event', { outcome, eventId: body.event_id });
  };
}
