import { SlackUserSchema } from '#shared/domain/access';
import { applyMembersChange, isBelievableEventTime, membersToKeep, SlackSubteamSchema, subteamAsOf, SubteamMembersChangedSchema } from '#shared/domain/people-events';
import { TeamIdSchema } from '#shared/domain/schemas';
import type { PeopleStore } from '#shared/store/people';

export interface PeopleEventDeps {
  people: Pick<PeopleStore, 'save' | 'getGroups' | 'saveGroup' | 'saveGroupMembers' | 'saveGroupSettings'>;
  clock: () => Date;
}

/**
 * What an event did to the records: `saved`; `unchanged` (older or repeated, or about no record
 * kept); `unreadable` (not the shape Slack documents, or timed ahead of the clock); `raced`
 * (another write won twice).
 */
export type PeopleEventOutcome = 'saved' | 'unchanged' | 'unreadable' | 'raced';

/**
 * Keeps what a `user_change` or `team_join` says of a person, in steps:
 * 1. read the event's user and its team: the envelope's `team_id`, else the user's own (see
 *    {@link eventTeam}); an unreadable one changes nothing;
 * 2. write it as of the event's time (`eventTime`, seconds), over older facts only, so an older
 *    or repeated event changes nothing; the stored locale stays (events carry none).
 * Without `create` (a `user_change`) it writes only over a record there is: a person the bot has
 * never met costs one conditional write that does nothing.
 */
export async function keepPersonFromEvent(deps: PeopleEventDeps, input: { teamId: string | undefined; user: unknown; eventTime: number; create: boolean }): Promise<PeopleEventOutcome> {
  const user = SlackUserSchema.safeParse(input.user);
  const team = eventTeam(input.teamId, user.data?.team_id);
  if (!team.success || !user.success || !Number.isInteger(input.eventTime) || input.eventTime <= 0 || !isBelievableEventTime(input.eventTime * 1000, deps.clock())) return 'unreadable';
  const saved = await deps.people.save(
    { teamId: team.data, userId: user.data.id, user: user.data, fetchedAt: deps.clock().toISOString(), asOf: input.eventTime * 1000 },
    { existing: !input.create },
  );
  return saved ? 'saved' : 'unchanged';
}

/**
 * Keeps what `subteam_created` or `subteam_updated` says of a user group with a record (one a
 * track's roles name), in steps:
 * 1. read the group and its team (as for a person); an unreadable one changes nothing;
 * 2. write it as of its `date_update`, only over a record there is (any other group costs one
 *    conditional write that does nothing): with the member list, members, handle and flag, each
 *    over older facts of its kind (members past `MEMBERS_PER_GROUP`: none); without it, the
 *    handle and flag alone, over older ones, the members and their time left as they are.
 */
export async function keepGroupFromEvent(deps: PeopleEventDeps, input: { teamId: string | undefined; subteam: unknown }): Promise<PeopleEventOutcome> {
  const subteam = SlackSubteamSchema.safeParse(input.subteam);
  const team = eventTeam(input.teamId, subteam.data?.team_id);
  const asOf = subteam.success ? subteamAsOf(subteam.data) : undefined;
  if (!team.success || !subteam.success || asOf === undefined || !isBelievableEventTime(asOf, deps.clock())) return 'unreadable';
  const { id: groupId, handle, users, date_delete } = subteam.data;
  const settings = { teamId: team.data, groupId, disabled: date_delete > 0, fetchedAt: deps.clock().toISOString(), asOf };
  const saved = users
    ? await deps.people.saveGroup({ ...settings, handle: handle ?? groupId, ...membersToKeep(users) }, { existing: true })
    : await deps.people.saveGroupSettings({ ...settings, handle });
  return saved ? 'saved' : 'unchanged';
}

/**
 * The workspace an event's records are kept under: the envelope's `team_id`, the workspace it was
 * sent for and where its requests read them. An Enterprise Grid org-wide delivery may name none;
 * the user's or group's own team stands in (other workspaces of the org catch up by lookups).
 */
function eventTeam(envelopeTeam: string | undefined, ownTeam: string | undefined) {
  return TeamIdSchema.safeParse(envelopeTeam || ownTeam);
}

/** How many times a members change is applied when another write moves the record meanwhile. */
const MEMBERS_ATTEMPTS = 2;

/**
 * Applies a `subteam_members_changed` to the group's record, in steps:
 * 1. read the change and its team (as for a person); an unreadable one changes nothing;
 * 2. read the group's record: a group with none is left to its first lookup (it lists every member),
 *    and one kept without members for its size (`tooLarge`) to the next full list;
 * 3. unless its members are as new as the change already (a repeated or older event), write them
 *    with the change applied (none past `MEMBERS_PER_GROUP`), only over the members as read,
 *    its handle and flag left as they are; when another write moved them meanwhile, read and try
 *    once more.
 */
export async function applyGroupMembersChange(deps: PeopleEventDeps, input: { teamId: string | undefined; change: unknown }): Promise<PeopleEventOutcome> {
  const change = SubteamMembersChangedSchema.safeParse(input.change);
  const team = eventTeam(input.teamId, change.data?.team_id);
  if (!team.success || !change.success || change.data.date_update <= 0 || !isBelievableEventTime(change.data.date_update * 1000, deps.clock())) return 'unreadable';
  const { subteam_id: groupId, date_update, date_previous_update } = change.data;
  const changedAt = date_update * 1000;
  for (let attempt = 0; attempt < MEMBERS_ATTEMPTS; attempt++) {
    const record = (await deps.people.getGroups(team.data, [groupId])).get(groupId);
    // Too large a group keeps no list to apply the change to: the full list of the same change (subteam_updated), or a lookup, decides.
    if (!record || record.asOf >= changedAt || record.tooLarge) return 'unchanged';
    // The record misses a change before this one: stay a moment short of it, so the full list of this same change (subteam_updated) still replaces the guess.
    const asOf = record.asOf < date_previous_update * 1000 ? changedAt - 1 : changedAt;
    const members = membersToKeep(applyMembersChange(record.users, change.data));
    if (await deps.people.saveGroupMembers({ teamId: team.data, groupId, ...members, fetchedAt: deps.clock().toISOString(), asOf }, record.asOf)) return 'saved';
  }
  return 'raced';
}
