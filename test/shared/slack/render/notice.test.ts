import { describe, expect, it } from 'vitest';
import { renderProblem } from '#shared/slack/render/notice';
import { EN } from '#shared/i18n/translator';

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
