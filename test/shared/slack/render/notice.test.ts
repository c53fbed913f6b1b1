import { describe, expect, it } from 'vitest';
import { renderProblem, slackWhy } from '#shared/slack/render/notice';
import { EN, translatorFor } from '#shared/i18n/translator';
import { STOPPING_ERRORS } from '#shared/check-ins/sweep';
import { PAUSING_ERRORS } from '#shared/reminders/deliver';

describe('a refusal that names people', () => {
  it('shows the people it names as mentions and keeps everything else escaped', () => {
    const problem = '<@U0ANN> cannot own “<b>Tom & Jerry</b>” <!channel> <@U0EVE>';
    const shown = renderProblem(problem, undefined, EN, ['<@U0ANN>', '<!channel>', 'Tom & Jerry', '<@U0ANN> extra']);
    const escapedRest = '“&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;” &lt;!channel&gt; &lt;@U0EVE&gt;';
    expect(shown.text).toBe(`<@U0ANN> cannot own ${escapedRest}`);
    expect(shown.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `:warning: <@U0ANN> cannot own ${escapedRest}` } }]);
  });

  it('escapes a mention it was not told of', () => {
    expect(renderProblem('<@U0ANN> is away').text).toBe('&lt;@U0ANN&gt; is away');
  });
});

describe('why Slack refused a post', () => {
  it('says it in words for the codes a sweep pauses or stops on, in the reader’s language', async () => {
    expect(slackWhy('not_in_channel')).toBe('the bot is not in the channel (invite it with `/invite`)');
    expect(slackWhy('is_archived', await translatorFor('ja'))).toBe('チャンネルがアーカイブされています');
    expect(slackWhy('cannot_dm_bot', await translatorFor('ko'))).toBe('봇에게는 다이렉트 메시지를 보낼 수 없습니다');
  });

  it('has words for every code that pauses a digest or stops check-ins, in every language', async () => {
    for (const t of [EN, await translatorFor('ja'), await translatorFor('ko')]) {
      for (const code of [...PAUSING_ERRORS, ...STOPPING_ERRORS]) expect(slackWhy(code, t)).not.toContain(code);
    }
  });

  it('shows any other code as Slack gave it, escaped, in code marks where mrkdwn would eat its underscores', () => {
    expect(slackWhy('team_<added>_to_org')).toBe('Slack answered `team_&lt;added&gt;_to_org`');
    expect(slackWhy('team_added_to_org', EN, false)).toBe('Slack answered team_added_to_org');
  });
});
