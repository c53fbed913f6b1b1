import type { Track } from '#shared/domain/schemas';
import { checkInSettingsText } from '#shared/slack/render/roles';
import { context, escape, plainText, section, type SlackMessage } from '#shared/slack/render/format';

/** `<track> check-ins`: how the track asks its owners, and how its editors change that. */
export function renderCheckInSettings(track: Pick<Track, 'slug' | 'checkIns'>): SlackMessage {
  const line = `*${escape(track.slug)}* ${checkInSettingsText(track.checkIns)}.`;
  const how = `Editors change it: \`/commitments ${escape(track.slug)} check-ins before 14,3\` · \`check-ins escalate 5\` · \`check-ins escalate off\``;
  return { text: plainText(line), blocks: [section(`:bell: ${line}`), context(how)] };
}
