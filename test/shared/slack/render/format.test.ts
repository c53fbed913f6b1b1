import { describe, expect, it } from 'vitest';
import { escape, escapeEntities, escapeLines, plainText, quoteLines } from '#shared/slack/render/format';

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
