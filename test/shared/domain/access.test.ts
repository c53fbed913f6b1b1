import { describe, expect, it } from 'vitest';
import { authorize, canHoldRole, hasUserOwner, mayChangeOwnSettings, mayWriteAnywhere, SlackUserSchema, standingOf, type Access, type Need, type Standing } from '#shared/domain/access';
import { type MessageKey } from '#shared/i18n/en';
import { EN } from '#shared/i18n/translator';
import type { TrackAccess } from '#shared/domain/schemas';

const claimed: TrackAccess & { slug: string } = {
  slug: 'eu-japan',
  members: { U0OWNER: 'owner', U0EDITOR: 'editor', U0VIEWER: 'viewer', U0GUEST: 'viewer' },
  visibility: 'workspace',
  channels: [],
};
const as = (userId: string, standing: Standing, channelId?: string): Access => ({ userId, standing, ...(channelId ? { channelId } : {}) });
const allowed = (access: Access, track: TrackAccess & { slug: string }, need: Need) => authorize(access, track, need).allowed;

describe('authorize', () => {
  it.each([
    ['owner', as('U0OWNER', 'member'), [true, true, true]],
    ['editor', as('U0EDITOR', 'member'), [true, true, false]],
    ['viewer', as('U0VIEWER', 'member'), [true, false, false]],
    ['member without a role', as('U0OTHER', 'member'), [true, false, false]],
    ['guest made a viewer', as('U0GUEST', 'guest'), [true, false, false]],
    ['guest without a role', as('U0GUEST2', 'guest'), [false, false, false]],
    ['stranger', as('U0STRANGER', 'stranger'), [false, false, false]],
    ['workspace admin', as('U0ADMIN', 'admin'), [true, true, true]],
  ] as const)('gives a %s of a claimed track read, write, manage = %j', (_, access, expected) => {
    expect((['read', 'write', 'manage'] as const).map((need) => allowed(access, claimed, need))).toEqual(expected);
  });

  it('lets an item’s owners answer its check-ins whatever their role, and otherwise asks for write', () => {
    const item = { owners: [{ label: '<@U0VIEWER>', slackUserId: 'U0VIEWER' }, { label: '<@U0GUEST>', slackUserId: 'U0GUEST' }, { label: 'U0OTHER' }] };
    expect(authorize(as('U0VIEWER', 'member'), claimed, 'answer', item).allowed).toBe(true);
    expect(authorize(as('U0GUEST', 'guest'), claimed, 'answer', item).allowed).toBe(true);
    expect(authorize(as('U0EDITOR', 'member'), claimed, 'answer', item).allowed).toBe(true);
    // A name that only looks like the person's id is no Slack owner.
    expect(authorize(as('U0OTHER', 'member'), claimed, 'answer', item).allowed).toBe(false);
    expect(authorize(as('U0VIEWER', 'member'), claimed, 'answer').allowed).toBe(false);
    expect(authorize(as('U0VIEWER', 'member'), { ...claimed, visibility: 'private', members: {} }, 'answer', item)).toMatchObject({ allowed: false, hidden: true });
  });

  it('tells an item’s owner who only views its track, refused a change, that they may answer about it from their check-in or Home', () => {
    const item = { owners: [{ label: '<@U0VIEWER>', slackUserId: 'U0VIEWER' }] };
    const refused = authorize(as('U0VIEWER', 'member'), claimed, 'write', item);
    expect(refused).toMatchObject({ allowed: false, hidden: false, say: { key: 'access.itemOwnerAnswers' } });
    expect(!refused.allowed && refused.reason).toMatch(/^Only the track’s owners and editors can change items of eu-japan\. As an owner of this item, you can answer about it .* from your check-in message or the app’s Home tab\.$/);
    // Someone else is told to ask for the editor role, as before.
    expect(authorize(as('U0OTHER', 'member'), claimed, 'write', item)).toMatchObject({ allowed: false, say: { key: 'access.editorsWrite' } });
  });

  it('lets members change items of a track nobody owns yet, and only admins claim it', () => {
    const unclaimed = { slug: 'japan-korea', members: {}, visibility: 'workspace' as const, channels: [] };
    expect(allowed(as('U0ANY', 'member'), unclaimed, 'write')).toBe(true);
    expect(allowed(as('U0ANY', 'member'), unclaimed, 'manage')).toBe(false);
    expect(allowed(as('U0ADMIN', 'admin'), unclaimed, 'manage')).toBe(true);
    expect(allowed(as('U0GUEST', 'guest'), unclaimed, 'read')).toBe(false);
  });

  it('hides a private track from non-members, as if it did not exist, and shows it in its linked channels', () => {
    const secret = { ...claimed, visibility: 'private' as const, channels: ['C0LINKED'] };
    expect(authorize(as('U0OTHER', 'member'), secret, 'read')).toEqual({ allowed: false, hidden: true, reason: 'There is no track called eu-japan.' });
    expect(allowed(as('U0OTHER', 'member', 'C0LINKED'), secret, 'read')).toBe(true);
    expect(allowed(as('U0OTHER', 'member', 'C0LINKED'), secret, 'write')).toBe(false);
    expect(allowed(as('U0GUEST2', 'guest', 'C0LINKED'), secret, 'read')).toBe(false);
    expect(allowed(as('U0VIEWER', 'member'), secret, 'read')).toBe(true);
  });
});

describe('authorize with user groups', () => {
  const grouped = { slug: 'gx', members: { U0OWNER: 'owner', U0VIEWER: 'viewer', S0OWNERS: 'owner', S0EDITORS: 'editor', S0VIEWERS: 'viewer' } as const, visibility: 'private' as const, channels: [] };
  const inGroups = (userId: string, standing: Standing, ...groups: string[]): Access => ({ userId, standing, groups: new Set(groups) });
  const needs = (access: Access) => (['read', 'write', 'manage'] as const).map((need) => allowed(access, grouped, need));

  it.each([
    ['a member of an editor group', inGroups('U0ANY', 'member', 'S0EDITORS'), [true, true, false]],
    ['a member of a viewer group', inGroups('U0ANY', 'member', 'S0VIEWERS'), [true, false, false]],
    ['a member of an owner group', inGroups('U0ANY', 'member', 'S0OWNERS'), [true, true, true]],
    ['a member of viewer and editor groups', inGroups('U0ANY', 'member', 'S0VIEWERS', 'S0EDITORS'), [true, true, false]],
    ['a member in no group of the track', inGroups('U0ANY', 'member', 'S0ELSE'), [false, false, false]],
    ['a viewer in an editor group (their own role counts)', inGroups('U0VIEWER', 'member', 'S0EDITORS'), [true, false, false]],
    ['a guest in an owner group', inGroups('U0GUEST', 'guest', 'S0OWNERS'), [true, false, false]],
    ['a stranger in an editor group', inGroups('U0STRANGER', 'stranger', 'S0EDITORS'), [true, false, false]],
  ] as const)('gives %s read, write, manage = %j', (_, access, expected) => {
    expect(needs(access)).toEqual(expected);
  });

  it('counts only a person as an owner who can be the last one', () => {
    expect(hasUserOwner(grouped)).toBe(true);
    expect(hasUserOwner({ ...grouped, members: { S0OWNERS: 'owner', U0VIEWER: 'viewer' } })).toBe(false);
  });
});

describe('standingOf', () => {
  const user = (fields: object) => SlackUserSchema.parse({ id: 'U0X', team_id: 'T0HOME', ...fields });
  it.each([
    [{}, 'member'],
    [{ is_admin: true }, 'admin'],
    [{ is_owner: true }, 'admin'],
    [{ is_primary_owner: true }, 'admin'],
    [{ is_restricted: true }, 'guest'],
    [{ is_ultra_restricted: true }, 'guest'],
    [{ is_stranger: true, is_admin: true }, 'stranger'],
    [{ team_id: 'T0ELSE', is_admin: true }, 'stranger'],
    [{ team_id: 'T0ELSE', enterprise_user: { teams: ['T0HOME'] } }, 'member'],
  ])('reads %j as %s', (fields, standing) => {
    expect(standingOf(user(fields), 'T0HOME')).toBe(standing);
  });

  it('lets whoever installed the app manage like an admin, unless they are a guest or from elsewhere', () => {
    expect(standingOf(user({}), 'T0HOME', 'U0X')).toBe('admin');
    expect(standingOf(user({}), 'T0HOME', 'U0OTHER')).toBe('member');
    expect(standingOf(user({ is_restricted: true }), 'T0HOME', 'U0X')).toBe('guest');
    expect(standingOf(user({ team_id: 'T0ELSE' }), 'T0HOME', 'U0X')).toBe('stranger');
  });

  it('lets no bot, app or deactivated account hold a role', () => {
    expect(canHoldRole(user({}))).toBe(true);
    expect(canHoldRole(user({ is_bot: true }))).toBe(false);
    expect(canHoldRole(user({ deleted: true }))).toBe(false);
    expect(canHoldRole(user({ id: 'USLACKBOT' }))).toBe(false);
  });
});

describe('access refusals in English', () => {
  // The domain cannot import the catalogs, so each refusal writes its English beside its key;
  // the two must stay word for word the same, or English and translated answers drift apart.
  it.each([
    ['a guest’s write', authorize(as('U0GUEST', 'guest'), claimed, 'write')],
    ['a guest’s export', authorize(as('U0GUEST', 'guest'), claimed, 'export')],
    ['an editor managing roles', authorize(as('U0EDITOR', 'member'), claimed, 'manage')],
    ['a viewer’s write', authorize(as('U0VIEWER', 'member'), claimed, 'write')],
    ['an item owner’s write', authorize(as('U0VIEWER', 'member'), claimed, 'write', { owners: [{ label: '<@U0VIEWER>', slackUserId: 'U0VIEWER' }] })],
    ['a viewer’s export', authorize(as('U0VIEWER', 'member'), claimed, 'export')],
    ['a guest’s new track', mayWriteAnywhere(as('U0GUEST', 'guest'))],
    ['a stranger’s own settings', mayChangeOwnSettings(as('U0STRANGER', 'stranger'))],
  ] as const)('says for %s what the English catalog says for its key', (_, verdict) => {
    if (verdict.allowed || verdict.hidden) throw new Error('expected a refusal that names its reason');
    expect(verdict.say).toBeDefined();
    expect(EN.t(verdict.say!.key as MessageKey, verdict.say!.values)).toBe(verdict.reason);
  });
});
