import { describe, expect, it } from 'vitest';
import { escape, escapeEntities, escapeLines, plainText, quoteLines, truncate } from '#shared/slack/render/format';

describe('plainText', () => {
  it('drops emphasis, emoji and link targets but keeps underscores inside words, and keeps entities escaped (issue 13)', () => {
    expect(plainText(':warning: *JK-4* is _overdue_ in America/New_York: `is_archived`')).toBe('JK-4 is overdue in America/New_York: `is_archived`');
    expect(plainText('<https://example.org/readout|Busan readout> &amp; more &lt;!channel&gt;')).toBe('Busan readout &amp; more &lt;!channel&gt;');
  });
});

describe('escaping people’s text for mrkdwn, for issue 23', () => {
  it('shows bold, italic, strike and code markers as look-alikes, and escapes &, < and >', () => {
    expect(escape('*bold* _it_ ~st~ `code` ＊wide＊ ＿x＿ ｀y｀ <!here> & a > b')).toBe('∗bold∗ ˍitˍ ∼st∼ ˋcodeˋ ﹡wide﹡ ⸏x⸏ ˋyˋ &lt;!here&gt; &amp; a &gt; b');
  });

  it('keeps bare links and emoji codes whole, so they still work', () => {
    expect(escape('see https://example.org/~kim/a_b?x=1&y=2, :white_check_mark: :+1: *done*')).toBe(
      'see https://example.org/~kim/a_b?x=1&amp;y=2, :white_check_mark: :+1: ∗done∗',
    );
    // No emoji code starts or ends with an underscore, so `:_x_:` is not kept whole.
    expect(escape(':_x_:')).toBe(':ˍxˍ:');
  });

  it('quotes each later line of a note under its first, and every line of a detail', () => {
    expect(escapeLines('first\n● XX-98 *Spoofed*\n> quoted')).toBe('first\n> ● XX-98 ∗Spoofed∗\n> &gt; quoted');
    expect(quoteLines('● XX-98 forged\nsecond')).toBe('> ● XX-98 forged\n> second');
  });

  it('leaves the markers of text the bot writes alone', () => {
    expect(escapeEntities('Try `/commitments help` in America/New_York & <here>')).toBe('Try `/commitments help` in America/New_York &amp; &lt;here&gt;');
  });
});

describe('truncate', () => {
  it('cuts at the limit with an ellipsis, and never inside an entity or a link or mention the bot wrote', () => {
    expect(truncate('日韓首脳会談', 6)).toBe('日韓首脳会談');
    expect(truncate('日韓首脳会談', 5)).toBe('日韓首脳…');
    // A flag is two characters of two units each, an emoji with a skin tone two of two: never half of one.
    expect(truncate('Japan 🇯🇵🇰🇷 Korea', 10)).toBe('Japan …');
    expect(truncate('Japan 🇯🇵🇰🇷 Korea', 11)).toBe('Japan 🇯🇵…');
    expect(truncate('Japan 🇯🇵🇰🇷 Korea', 13)).toBe('Japan 🇯🇵…');
    expect(truncate('ok 👍🏽 done', 6)).toBe('ok …');
    expect(truncate('한국어 텍스트', 4)).toBe('한국어…');
    // Cut in the middle of `&amp;`, Slack would show "&am…".
    expect(truncate('釜山&amp;大阪', 6)).toBe('釜山…');
    expect(truncate('釜山&lt;', 4)).toBe('釜山…');
    expect(truncate('A &gt; B', 5)).toBe('A …');
    // Cut inside `<https://…|label>` or `<@U…>`, Slack would show the broken markup.
    expect(truncate('出典: <https://example.org/readout|釜山>', 20)).toBe('出典: …');
    expect(truncate('担当 <@U0HANAKO> さん', 8)).toBe('担当 …');
    expect(truncate('担当 <@U0HANAKO> さん', 16)).toBe('担当 <@U0HANAKO> …');
    for (const text of ['&amp;&lt;&gt;'.repeat(50), `<https://example.org/${'a'.repeat(40)}|x>`.repeat(5)]) {
      for (let max = 1; max < 80; max++) expect(truncate(text, max).length).toBeLessThanOrEqual(max);
    }
  });
});
