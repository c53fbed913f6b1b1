import { DATE_CONVENTIONS } from '#shared/dates/natural';
import { context, escapeEntities, header, section, type SlackMessage } from '#shared/slack/render/format';

/** What help shows of one command. */
export interface CommandHelp {
  usage: string;
  examples: readonly string[];
}

/** `help`: every command's form with examples, or one command's form. */
export function renderHelp(commands: readonly CommandHelp[], topic?: CommandHelp): SlackMessage {
  if (topic) {
    // A form that takes a date says how dates are read.
    const dates = topic.usage.includes('<date>') ? [context(`Dates: ${escapeEntities(DATE_CONVENTIONS)}`)] : [];
    return { text: escapeEntities(topic.usage), blocks: [section(`\`${escapeEntities(topic.usage)}\``), ...dates] };
  }
  const usages = commands.map((command) => command.usage);
  const examples = commands.flatMap((command) => command.examples);
  const forms = usages.map((form) => `• \`${escapeEntities(form)}\``);
  return {
    // The notification's text lists the forms; the examples are in the blocks (all of it would pass Slack's 4,000 characters).
    text: escapeEntities(['Commands:', ...usages].join('\n')),
    blocks: [
      header('Commitments: what was agreed, and whether it is done'),
      section(`*Commands*\n${forms.join('\n')}`),
      section(`*Examples*\n${examples.map((e) => `• \`${escapeEntities(e)}\``).join('\n')}`),
      context('Statuses: not-started, in-progress, done, stalled, dropped. Flags: :red_circle: overdue, :large_yellow_circle: due within 7 days, :zzz: quiet (no update for longer than expected). Dates are read in the track’s time zone.'),
      context(`Dates: ${escapeEntities(DATE_CONVENTIONS)}`),
    ],
  };
}
