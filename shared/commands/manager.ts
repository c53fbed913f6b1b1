import { defineCommand, SLASH } from '#shared/commands/definition';
import { expectEnd, preview, type Cursor } from '#shared/commands/grammar';
import { spoken } from '#shared/i18n/translator';
import { renderDone } from '#shared/slack/render/notice';
import { appManagerText } from '#shared/slack/render/tracks';
import { changeAppManager, requireManagesApp } from '#shared/use-cases/app-manager';

interface ManagerArgs {
  /** Without one, who it is now is shown; `none` clears it. */
  change?: { userId: string | undefined };
}

/** A person as Slack sends a mention (`<@U…|name>`). */
const MENTION = /^<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>$/;

/** `manager [@user | none]`: who manages every track besides Slack's own admins and owners. */
export const managerCommand = defineCommand({
  name: 'manager',
  words: ['manager'],
  usage: `${SLASH} manager [@user | none]  (Slack admins: who manages every track as they do; the first installer until changed)`,
  examples: [`${SLASH} manager`, `${SLASH} manager <@U0MARIA|maria>`, `${SLASH} manager none`],
  writes: true,
  need: 'manage',
  read: readManager,
  async run({ change }, { deps, caller }) {
    if (!change) return { kind: 'shown' as const, userId: requireManagesApp(caller).userId };
    return { kind: 'changed' as const, userId: (await changeAppManager(deps, caller, change.userId)).userId };
  },
  render: ({ kind, userId }, _, { t }) => {
    const who = userId ? `<@${userId}>` : undefined;
    if (kind === 'shown') return { message: renderDone(appManagerText(userId, t)) };
    return { message: renderDone(who ? t.t('manager.named', { who }) : t.t('manager.cleared')) };
  },
});

function readManager(c: Cursor): ManagerArgs {
  const token = c.next();
  if (!token) return {};
  if (!token.quoted && token.text.toLowerCase() === 'none') {
    expectEnd(c);
    return { change: { userId: undefined } };
  }
  const mention = token.quoted ? null : MENTION.exec(token.text);
  if (!mention) c.refuse(spoken('manager.notPerson', { word: preview(token.text) }));
  expectEnd(c);
  return { change: { userId: mention[1]! } };
}
