import { describe, expect, it } from 'vitest';
import { plainText } from '#shared/slack/render/format';

describe('plainText', () => {
  it('drops emphasis, emoji and link targets but keeps underscores inside words, and keeps entities escaped (issue 13)', () => {
    expect(plainText(':warning: *JK-4* is _overdue_ in America/New_York: `is_archived`')).toBe('JK-4 is overdue in America/New_York: `is_archived`');
    expect(plainText('<https://example.org/readout|Busan readout> &amp; more &lt;!channel&gt;')).toBe('Busan readout &amp; more &lt;!channel&gt;');
  });
});
