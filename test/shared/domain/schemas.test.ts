import { describe, expect, it } from 'vitest';
import { CommitmentDraftSchema, CommitmentSchema, NoteSchema, OwnerSchema, SourceDraftSchema, stripControlCharacters, TrackSchema } from '#shared/domain/schemas';
import { ProposalSchema } from '#shared/domain/import-draft';

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

describe('text shown as written, for issue 23', () => {
  it('strips zero-width and direction marks, reads line separators as line breaks, and keeps a joiner inside an emoji', () => {
    const marks = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\u202a', '\u2067'];
    expect(stripControlCharacters(`a${marks.join('')}b\u2028c\u2029d 👩‍💻 🏳️‍🌈`)).toBe('ab\nc\nd 👩‍💻 🏳️‍🌈');
  });

  it('folds the line breaks of titles and names to one space, wherever a draft comes from, and keeps a note’s lines', () => {
    const draft = CommitmentDraftSchema.parse({
      title: 'Line one\r\n● XX-98 Spoofed line\n',
      parties: ['JP'],
      owners: [{ label: 'Kim\nLee' }],
      source: { meeting: 'Busan\n\nsummit', date: '2025-10-30', place: 'Gyeong\u2028ju', point: '1\t2' },
      kind: { type: 'one-off' },
      status: 'not-started',
    });
    expect(draft.title).toBe('Line one ● XX-98 Spoofed line');
    expect([draft.owners[0]!.label, draft.source.meeting, draft.source.place, draft.source.point]).toEqual(['Kim Lee', 'Busan summit', 'Gyeong ju', '1 2']);
    expect(ProposalSchema.shape.title.parse('Hold talks\n● XX-1 Forged')).toBe('Hold talks ● XX-1 Forged');
    expect(TrackSchema.shape.title.parse('Japan\nKorea')).toBe('Japan Korea');
    expect(NoteSchema.shape.text.parse('one\n  two')).toBe('one\n  two');
    // An item stored before reads back with its title on one line.
    expect(CommitmentSchema.shape.title.parse('old\ntitle')).toBe('old title');
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
