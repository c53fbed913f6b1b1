import type { types } from '@slack/bolt';
import { MEMBERS_PER_TRACK } from '#shared/domain/bounds';
import { isGroupId } from '#shared/domain/access';
import { ROLES, type Role, type Track, type TrackChange } from '#shared/domain/schemas';
import { EN, type Translator } from '#shared/i18n/translator';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { checkInsChangedText } from '#shared/slack/render/check-in-settings';
import { modal, type ModalOrigin } from '#shared/slack/render/modals';
import { settingsChangedText } from '#shared/slack/render/track-settings';
import { context, section } from '#shared/slack/render/format';

/** Block and action ids of the roles form: one people picker per role. */
export const ROLE_INPUTS: Record<Role, string> = { owner: 'role_owner', editor: 'role_editor', viewer: 'role_viewer' };

/** The roles form, in `t`'s language: who holds each role now, each list editable; saving sets the members to the lists. */
export function rolesModal(track: Track, origin: ModalOrigin, t: Translator = EN): types.ModalView {
  const holders = (role: Role) => Object.entries(track.members).filter(([id, r]) => r === role && !isGroupId(id)).map(([id]) => id);
  const groups = Object.entries(track.members).filter(([id]) => isGroupId(id));
  const channels = track.channels.map((c) => `<#${c}>`).join(', ');
  const where = track.visibility === 'private' ? t.t('roles.formPrivate', { channels: channels || 'none' }) : t.t('roles.formWorkspace');
  const pickers: types.InputBlock[] = ROLES.map((role) => {
    const initial = holders(role);
    return {
      type: 'input',
      block_id: ROLE_INPUTS[role],
      optional: true,
      label: { type: 'plain_text', text: t.t('roles.label', { role }) },
      element: { type: 'multi_users_select', action_id: ROLE_INPUTS[role], max_selected_items: MEMBERS_PER_TRACK, ...(initial.length ? { initial_users: initial } : {}) },
    };
  });
  const groupList = groups.map(([id, role]) => t.t('roles.groupRole', { group: mention(id), role })).join(', ');
  return modal(
    VIEW_IDS.trackRoles,
    t.t('roles.formTitle', { slug: track.slug }),
    t.t('form.save'),
    { ...origin, track: track.slug, version: track.version },
    [
      section(`*${track.slug}* · ${where}`),
      ...pickers,
      // Block Kit has no user group picker, so groups are shown and changed by command.
      ...(groups.length ? [context(t.t('roles.formGroups', { groups: groupList, slug: track.slug }))] : []),
    ],
    t,
  );
}

/** One line per change, as the person who made it reads it. */
export function describeAccessChanges(slug: string, changes: TrackChange[], t: Translator = EN): string {
  return changes
    .map((change) => {
      switch (change.type) {
        case 'role':
          return change.to ? t.t('roles.nowRole', { who: mention(change.userId), role: change.to, slug }) : t.t('roles.noRole', { who: mention(change.userId), slug });
        case 'visibility':
          return t.t(change.to === 'private' ? 'visibility.nowPrivate' : 'visibility.nowWorkspace', { slug });
        case 'link':
          return t.t('link.linked', { channel: `<#${change.channelId}>`, slug });
        case 'unlink':
          return t.t('link.unlinked', { channel: `<#${change.channelId}>`, slug });
        case 'check-ins':
          return checkInsChangedText({ slug, checkIns: change.to }, t);
        case 'settings':
          return settingsChangedText(slug, change, t);
      }
    })
    .join('\n');
}

/** A person or a user group as Slack shows a mention. */
function mention(memberId: string): string {
  return isGroupId(memberId) ? `<!subteam^${memberId}>` : `<@${memberId}>`;
}
