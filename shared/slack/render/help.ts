import { EN, type Translator } from '#shared/i18n/translator';
import { context, escapeEntities, header, section, type SlackMessage } from '#shared/slack/render/format';
import { localUsage } from '#shared/slack/render/usage';

/** What help shows of one command. */
export interface CommandHelp {
  usage: string;
  examples: readonly string[];
}

/** `help`: every command's form with examples, or one command's form. */
export function renderHelp(commands: readonly CommandHelp[], topic?: CommandHelp, t: Translator = EN): SlackMessage {
  const dateLine = context(t.t('help.dates', { conventions: escapeEntities(t.t('dates.conventions')) }));
  if (topic) {
    // A form that takes a date says how dates are read.
    const usage = localUsage(topic.usage, t);
    return { text: escapeEntities(usage), blocks: [section(`\`${escapeEntities(usage)}\``), ...(topic.usage.includes('<date>') ? [dateLine] : [])] };
  }
  const usages = commands.map((command) => localUsage(command.usage, t));
  const examples = commands.flatMap((command) => command.examples);
  const forms = usages.map((form) => `• \`${escapeEntities(form)}\``);
  return {
    // The notification's text lists the forms; the examples are in the blocks (all of it would pass Slack's 4,000 characters).
    text: escapeEntities([t.t('help.commandsLine'), ...usages].join('\n')),
    blocks: [
      header(t.t('help.title')),
      section(`*${t.t('help.commands')}*\n${forms.join('\n')}`),
      section(`*${t.t('help.examples')}*\n${examples.map((e) => `• \`${escapeEntities(e)}\``).join('\n')}`),
      context(t.t('help.legend')),
      dateLine,
    ],
  };
}
