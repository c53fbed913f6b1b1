import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { applyGroupMembersChange } from '#shared/use-cases/people-events';
import type { ListenerDeps } from '../deps.ts';

/** People joined or left a user group: a group with a record has the change applied to it. */
export function subteamMembersChanged(deps: ListenerDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'subteam_members_changed'> & AllMiddlewareArgs): Promise<void> => {
    // The workspace the event was sent for, where requests read the record (see user-change.ts).
    const teamId = body.team_id || event.team_id;
    const outcome = await applyGroupMembersChange(deps, { teamId, change: event });
    if (outcome === 'raced') deps.log.warn('group members change lost to other writes twice', { groupId: event.subteam_id });
    else deps.log.debug('group members event', { groupId: event.subteam_id, outcome });
  };
}
