import type { types } from '@slack/bolt';
import { MEMBERS_PER_TRACK } from '#shared/domain/bounds';
import { isGroupId } from '#shared/domain/access';
import { ROLES, type CheckInSettings, type Role, type Track, type TrackChange } from '#shared/domain/schemas';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { modal, type ModalOrigin } from '#shared/slack/render/modals';
import { context, section } from '#shared/slack/render/format';
import { formatNumber, nounFor, countOf } from '#shared/render/count';

/** Block and action ids of the roles form: one people picker per role. */
export const ROLE_INPUTS: Record<Role, string> = { owner: 'role_owner', editor: 'role_editor', viewer: 'role_viewer' };

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owners (change items and who may use the track)',
  editor: 'Editors (change items, scores, digests, export)',
  viewer: 'Viewers (read; guests can only be viewers)',
};

/** The roles form: who holds each role now, each list editable; saving sets the members to the lists. */
export function rolesModal(track: Track, origin: ModalOrigin): types.ModalView {
  const holders = (role: Role) => Object.entries(track.members).filter(([id, r]) => r === role && !isGroupId(id)).map(([id]) => id);
  const groups = Object.entries(track.members).filter(([id]) => isGroupId(id));
  const where = track.visibility === 'private' ? `Private: only its members${track.channels.length ? ` and ${track.channels.map((c) => `<#${c}>`).join(', ')}` : ''} see it.` : 'Visible to everyone in the workspace; only owners and editors change it.';
  const pickers: types.InputBlock[] = ROLES.map((role) => {
    const initial = holders(role);
    return {
      type: 'input',
      block_id: ROLE_INPUTS[role],
      optional: true,
      label: { type: 'plain_text', text: ROLE_LABELS[role] },
      element: { type: 'multi_users_select', action_id: ROLE_INPUTS[role], max_selected_items: MEMBERS_PER_TRACK, ...(initial.length ? { initial_users: initial } : {}) },
    };
  });
  return modal(VIEW_IDS.trackRoles, `Roles: ${track.slug}`, 'Save', { ...origin, track: track.slug, version: track.version }, [
    section(`*${track.slug}* · ${where}`),
    ...pickers,
    // Block Kit has no user group picker, so groups are shown and changed by command.
    ...(groups.length ? [context(`Groups: ${groups.map(([id, role]) => `${mention(id)} (${role})`).join(', ')} — change with /commitments ${track.slug} roles add|remove @group`)] : []),
  ]);
}

/** One line per change, as the person who made it reads it. */
export function describeAccessChanges(slug: string, changes: TrackChange[]): string {
  return changes
    .map((change) => {
      switch (change.type) {
        case 'role':
          return change.to ? `${mention(change.userId)} is now ${article(change.to)} ${change.to} of ${slug}.` : `${mention(change.userId)} no longer has a role on ${slug}.`;
        case 'visibility':
          return change.to === 'private' ? `${slug} is now private: only its members and linked channels see it.` : `${slug} is now visible to the whole workspace.`;
        case 'link':
          return `<#${change.channelId}> is linked to ${slug}: everyone there can read it.`;
        case 'unlink':
          return `<#${change.channelId}> is no longer linked to ${slug}.`;
        case 'check-ins':
          return `${slug} now ${checkInSettingsText(change.to)}.`;
      }
    })
    .join('\n');
}

/** "asks owners 7 and 1 days before a due date, and flags no answer after 3 days". */
export function checkInSettingsText(settings: CheckInSettings): string {
  const days = [...settings.beforeDueDays].sort((a, b) => b - a);
  const before = days.length === 0 ? 'asks owners no days before a due date' : `asks owners ${listText(days.map(formatNumber))} ${days.length === 1 ? nounFor(days[0]!, 'day') : 'days'} before a due date`;
  const escalation = settings.escalateAfterDays === null ? 'never flags an unanswered check-in' : `flags no answer after ${countOf(settings.escalateAfterDays, 'day')}`;
  return `${before}, and ${escalation}`;
}

function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A person or a user group as Slack shows a mention. */
function mention(memberId: string): string {
  return isGroupId(memberId) ? `<!subteam^${memberId}>` : `<@${memberId}>`;
}

function article(role: Role): string {
  return role === 'viewer' ? 'a' : 'an';
}
