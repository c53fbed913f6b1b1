import { defineCommand, modalOrigin, OpenModal, SLASH } from '#shared/commands/definition';
import { expectEnd, preview, readTrack, type Cursor } from '#shared/commands/grammar';
import { PEOPLE_PER_ROLES_COMMAND } from '#shared/domain/bounds';
import { ROLES, RoleSchema, type Role, type TrackSlug } from '#shared/domain/schemas';
import { spoken } from '#shared/i18n/translator';
import { renderDone } from '#shared/slack/render/notice';
import { describeAccessChanges, rolesModal } from '#shared/slack/render/roles';
import { getTrack } from '#shared/use-cases/commitments';
import { changeRoles } from '#shared/use-cases/track-access';

interface RolesArgs {
  track: TrackSlug;
  /** Without one, the roles form opens. */
  change?: { action: 'add'; userIds: string[]; role: Role } | { action: 'remove'; userIds: string[] };
}

const USAGE = `${SLASH} <track> roles [add @user|@group… owner|editor|viewer | remove @user|@group…]  (the form lists members with a role picker)`;
/** A person as Slack sends a mention (`<@U…|name>`), or a user group (`<!subteam^S…|@handle>`). */
const MENTION = /^<(?:@([UW][A-Z0-9]{2,30})|!subteam\^(S[A-Z0-9]{2,30}))(?:\|[^>]*)?>$/;

/** `<track> roles …`: who may change the track and who may only read it. */
export const rolesCommand = defineCommand({
  name: 'roles',
  words: ['roles'],
  usage: USAGE,
  examples: [`${SLASH} japan-korea roles`, `${SLASH} japan-korea roles add <@U0MARIA|maria> editor`, `${SLASH} japan-korea roles remove <@U0MARIA|maria>`, `${SLASH} japan-korea roles add <!subteam^S0GOV|@gov-affairs> editor`],
  writes: true,
  need: 'manage',
  read: (c: Cursor) => readRolesAfterTrack(c, readTrack(c, 'roles')),
  target: ({ track }) => ({ track }),
  async run({ track, change }, { deps, caller, where, t }) {
    if (!change) return new OpenModal(rolesModal(await getTrack(deps, caller, track, 'manage'), modalOrigin(where), t));
    const role = change.action === 'add' ? change.role : undefined;
    return changeRoles(deps, caller, track, change.userIds.map((userId) => ({ userId, ...(role ? { role } : {}) })));
  },
  render: ({ track, changes }, _, { t }) => ({ message: renderDone(describeAccessChanges(track.slug, changes, t)) }),
});

/** The words after `<track> roles`. */
export function readRolesAfterTrack(c: Cursor, track: TrackSlug): RolesArgs {
  const verb = c.next();
  if (!verb) return { track };
  const action = verb.quoted ? '' : verb.text.toLowerCase();
  if (action !== 'add' && action !== 'remove') c.refuse(spoken('roles.notAction', { word: preview(verb.text) }));
  const userIds: string[] = [];
  for (let token = c.peek(); token && MENTION.test(token.text); token = c.peek()) {
    const [, userId, groupId] = MENTION.exec(token.text)!;
    userIds.push((userId ?? groupId)!);
    c.next();
  }
  if (userIds.length === 0) c.refuse(spoken('roles.peopleNeeded', { action }));
  const named = new Set(userIds).size;
  if (named > PEOPLE_PER_ROLES_COMMAND) c.refuse(spoken('roles.tooManyPeople', { max: PEOPLE_PER_ROLES_COMMAND, given: named }));
  if (action === 'remove') {
    expectEnd(c);
    return { track, change: { action, userIds: [...new Set(userIds)] } };
  }
  const word = c.next();
  const role = RoleSchema.safeParse(word?.text.toLowerCase());
  if (!role.success) c.refuse(spoken('roles.roleNeeded', { roles: ROLES.join(', ') }));
  expectEnd(c);
  return { track, change: { action, userIds: [...new Set(userIds)], role: role.data } };
}
