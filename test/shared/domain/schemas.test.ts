import { describe, expect, it } from 'vitest';
import { CommitmentDraftSchema, OwnerSchema, SourceDraftSchema, stripControlCharacters, TrackSchema } from '#shared/domain/schemas';

describe('stored text, for issue 13', () => {
  it('strips C0 controls but newline and tab, DEL, C1 and bidi overrides and isolates', () => {
    const controls = ['\u0000', '\u0007', '\u000b', '\u000d', '\u001b', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069'];
    expect(stripControlCharacters(`a${controls.join('')}\tb\nc é 日本 👍`)).toBe('a\tb\nc é 日本 👍');
  });

  it('strips them from every text a draft carries, before its length limits are checked', () => {
    const draft = CommitmentDraftSchema.parse({
      title: '\u202Eevil\u001b[31m',
      detail: 'x\u0000y',
      parties: ['JP'],
      owners: [{ label: 'Lee\u2066 Min' }],
      source: { meeting: 'Busan\u0085', date: '2025-10-30', place: 'Gyeong\u202Bju', point: '1\u0007' },
      kind: { type: 'recurring', occurrences: [{ date: '2025-10-30', place: 'Seoul\u0008', text: 'met\u009b' }] },
      status: 'not-started',
    });
    expect(JSON.stringify(draft)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(draft.title).toBe('evil[31m');
    expect(OwnerSchema.safeParse({ label: '\u202E\u202E' }).success).toBe(false);
    expect(TrackSchema.shape.title.maxLength).toBe(150);
  });
});

describe('source links, for issue 13', () => {
  it.each(['https://example.org/readout', 'https://test.slack.com/archives/C1/p1700000000000100', 'https://example.org/a?b=c&d=e#f'])('takes %s', (link) => {
    expect(SourceDraftSchema.shape.link.safeParse(link).success).toBe(true);
  });

  it.each(['http://example.org', 'https://evil.example|click', 'https://a b', 'https://a>b', 'https://a<b', 'javascript:alert(1)', 'https://', `https://${'a'.repeat(500)}`])(
    'refuses %s',
    (link) => {
      expect(SourceDraftSchema.shape.link.safeParse(link).success).toBe(false);
    },
  );
});
