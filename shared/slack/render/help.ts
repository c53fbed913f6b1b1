import { USAGE, type UsageKey } from '#shared/slack/command-parser';
import { SLACK_APP } from '#shared/slack/definitions';
import { context, escape, header, section, type SlackMessage } from '#shared/slack/render/format';

const EXAMPLES = [
  `${SLACK_APP.command.name} japan-korea`,
  `${SLACK_APP.command.name} japan-korea overdue share`,
  `${SLACK_APP.command.name} show JK-4`,
  `${SLACK_APP.command.name} update JK-4 in-progress "committee date set"`,
  `${SLACK_APP.command.name} add japan-korea "Hold the next vice-ministerial dialogue" due end of march owner @maria`,
  `${SLACK_APP.command.name} log JK-1 2026-01-13 at Nara "Lee visits Nara"`,
  `${SLACK_APP.command.name} subscribe japan-korea every monday 09:00 tz Asia/Tokyo`,
];

/** `help`: every command's form with examples, or one command's form. */
export function renderHelp(topic?: UsageKey): SlackMessage {
  if (topic) {
    return { text: USAGE[topic], blocks: [section(`\`${escape(USAGE[topic])}\``)] };
  }
  const forms = Object.values(USAGE).map((form) => `• \`${escape(form)}\``);
  return {
    text: ['Commands:', ...Object.values(USAGE), 'Examples:', ...EXAMPLES].join('\n'),
    blocks: [
      header('Commitments: what was agreed, and whether it is done'),
      section(`*Commands*\n${forms.join('\n')}`),
      section(`*Examples*\n${EXAMPLES.map((e) => `• \`${escape(e)}\``).join('\n')}`),
      context('Statuses: not-started, in-progress, done, stalled, dropped. Flags: :red_circle: overdue, :large_yellow_circle: due within 7 days, :zzz: quiet (no update for longer than expected). Dates are read in the track’s time zone.'),
    ],
  };
}
