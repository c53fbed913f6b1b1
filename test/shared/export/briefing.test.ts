import { describe, expect, it } from 'vitest';
import { BUSAN_COMMITMENTS, BUSAN_TRACK } from '#shared/data/busan-summit-2025';
import { CommitmentSchema, TrackSchema, type Commitment, type HistoryEntry, type Track } from '#shared/domain/schemas';
import { BRIEFING_CSV_COLUMNS, briefingFilename, csvCell, mentionedPeople, renderBriefingCsv, renderBriefingMarkdown } from '#shared/export/briefing';
import type { Report } from '#shared/domain/report';

const NOW = new Date('2026-03-25T01:00:00Z'); // Wed 10:00 in Tokyo
const TRACK: Track = TrackSchema.parse({ ...BUSAN_TRACK, teamId: 'T0TEST', createdAt: '2025-10-02T00:00:00.000Z', createdBy: 'seed' });

/** The five Busan items as stored, last touched on 2 Oct 2025, with `changes` applied per id. */
function busanReport(changes: Record<string, Partial<Commitment>> = {}): Report {
  const commitments = BUSAN_COMMITMENTS.map((draft, i) => {
    const id = `JK-${i + 1}`;
    return CommitmentSchema.parse({
      ...draft,
      teamId: TRACK.teamId,
      track: TRACK.slug,
      id,
      seq: i + 1,
      version: 1,
      createdAt: '2025-10-02T00:00:00.000Z',
      createdBy: 'seed',
      updatedAt: '2025-10-02T00:00:00.000Z',
      updatedBy: 'seed',
      ...changes[id],
    });
  });
  return { track: TRACK, commitments };
}

/** A report whose JK-1 has `title` as given: stored titles lose control characters, the CSV writer must cope with any text. */
function withTitleOfFirst(title: string): Report {
  const report = busanReport();
  const [first, ...rest] = report.commitments;
  return { ...report, commitments: [{ ...first!, title }, ...rest] };
}

const note = (at: string, text: string) => ({ at, by: 'U0MARIA', text });

/** JK-4 overdue, JK-3 stalled, JK-2 recently noted; the rest quiet since October. */
const BUSAN = busanReport({
  'JK-2': {
    updatedAt: '2026-03-09T20:00:00.000Z',
    notes: [
      note('2026-01-05T03:00:00.000Z', 'First working-level call'),
      note('2026-02-01T03:00:00.000Z', 'Agenda agreed'),
      note('2026-02-20T03:00:00.000Z', 'Venue chosen'),
      note('2026-03-09T20:00:00.000Z', 'Working group met in Seoul, see <https://example.org/minutes_2026|the minutes>'),
    ],
  },
  'JK-3': { status: 'stalled' },
  'JK-4': { kind: { type: 'one-off', due: '2026-03-20' }, source: { ...BUSAN_COMMITMENTS[3]!.source, link: 'https://example.org/outcome(en)' } },
});

describe('renderBriefingMarkdown', () => {
  const markdown = renderBriefingMarkdown(BUSAN, { now: NOW });

  it('opens with the title, parties, source meetings and the as-of time in the track’s zone', () => {
    expect(markdown.split('\n').slice(0, 7)).toEqual([
      '# Japan–South Korea: Busan summit follow-ups',
      '',
      '- **Track:** japan-korea',
      '- **Parties:** Japan (JP), South Korea (KR)',
      '- **Source meetings:** Japan–South Korea summit (Ishiba–Lee), Busan, Tue 30 Sep 2025',
      '- **As of:** Wed 25 Mar 2026, 10:00 (Asia/Tokyo)',
      '',
    ]);
  });

  it('summarises counts by status and by flag', () => {
    expect(markdown).toContain('## Summary\n\n- 5 commitments: 1 not started, 3 in progress, 1 stalled\n- 1 overdue, 0 due within 7 days, 4 quiet\n');
  });

  it('groups items by status like the report: stalled, then in progress, then not started', () => {
    const headings = markdown.split('\n').filter((line) => /^##+ /.test(line));
    expect(headings).toEqual([
      '## Summary',
      '## Stalled (1)',
      expect.stringMatching(/^### JK-3: /),
      '## In progress (3)',
      expect.stringMatching(/^### JK-1: /),
      expect.stringMatching(/^### JK-5: /),
      expect.stringMatching(/^### JK-2: /), // not quiet, so after the quiet ones
      '## Not started (1)',
      '### JK-4: Convene the Japan–Korea science and technology cooperation committee to speed up AI work',
    ]);
  });

  it('gives each item its status with flags and days, kind, parties, owners, source with link and point, and detail', () => {
    const jk4 = section(markdown, 'JK-4');
    expect(jk4).toContain('- **Status:** Not started (overdue 5 days (due Fri 20 Mar 2026); quiet for 174 days)');
    expect(jk4).toContain('- **Kind:** One-off, due Fri 20 Mar 2026');
    expect(jk4).toContain('- **Parties:** Japan, South Korea');
    expect(jk4).toContain('- **Owners:** Science and technology ministries (JP, KR)');
    expect(jk4).toContain('- **Source:** [Japan–South Korea summit (Ishiba–Lee), Busan, Tue 30 Sep 2025](https://example.org/outcome%28en%29) — Science, technology and AI');
    expect(jk4).toContain('- **Last updated:** Thu 2 Oct 2025');
    expect(jk4).toContain('\n\nThe Japan–Korea Committee on Scientific and Technological Cooperation, which last met in 2009');
  });

  it('describes recurring and ongoing items by cadence, last occurrence and update interval', () => {
    expect(section(markdown, 'JK-1')).toContain('- **Kind:** Recurring, no fixed interval; last Tue 30 Sep 2025 in Busan');
    expect(section(markdown, 'JK-2')).toContain('- **Kind:** Ongoing, update expected every 60 days');
    const sixMonthly = busanReport({
      'JK-1': { kind: { type: 'recurring', every: { count: 6, unit: 'months' }, occurrences: [{ date: '2025-09-30', place: 'Busan' }, { date: '2025-08-23', place: 'Tokyo' }] } },
    });
    const jk1 = section(renderBriefingMarkdown(sixMonthly, { now: NOW }), 'JK-1');
    expect(jk1).toContain('- **Kind:** Recurring, every 6 months; last Tue 30 Sep 2025 in Busan; next expected Mon 30 Mar 2026');
    expect(jk1).toContain('- **Status:** In progress (due in 5 days (Mon 30 Mar 2026))');
    expect(records(renderBriefingCsv(sixMonthly, { now: NOW }))['JK-1']).toMatchObject({ due_soon_days: '5', due: '2026-03-30', cadence: 'every 6 months', last_occurrence: '2025-09-30' });
  });

  it('says a recurring item whose next date has passed was expected then and is overdue, not "next expected" (issue 15)', () => {
    const late = busanReport({ 'JK-1': { kind: { type: 'recurring', every: { count: 1, unit: 'months' }, occurrences: [{ date: '2025-09-30', place: 'Busan' }] } } });
    const jk1 = section(renderBriefingMarkdown(late, { now: NOW }), 'JK-1');
    expect(jk1).toContain('- **Kind:** Recurring, every month; last Tue 30 Sep 2025 in Busan; was expected by Thu 30 Oct 2025 (overdue)');
    expect(jk1).not.toContain('next expected');
  });

  it('shows the latest three notes, newest first, dated in the track’s zone, with Slack links as plain text', () => {
    const jk2 = section(markdown, 'JK-2');
    expect(jk2).toContain(
      [
        '**Latest notes (3 of 4):**',
        '',
        '- Tue 10 Mar 2026: Working group met in Seoul, see the minutes (https://example.org/minutes_2026)',
        '- Fri 20 Feb 2026: Venue chosen',
        '- Sun 1 Feb 2026: Agenda agreed',
      ].join('\n'),
    );
    expect(jk2).not.toContain('First working-level call');
  });

  it('escapes Markdown in user text so it reads as typed, leaving URLs whole', () => {
    const report = busanReport({
      'JK-1': {
        title: 'Use *stars*, _underscores_, `code`, [a](b) and <b>tags</b> #',
        detail: '# not a heading\n    not code\n1. not a list\n- not a bullet\n---\n&amp; stays\nsee https://example.org/a_b_c.',
        owners: [{ label: '<@U0MARIA>' }, { label: 'maria', slackUserId: 'U0MARIA' }],
      },
    });
    const jk1 = section(renderBriefingMarkdown(report, { now: NOW }), 'JK-1');
    expect(jk1).toContain('### JK-1: Use \\*stars\\*, \\_underscores\\_, \\`code\\`, \\[a\\]\\(b) and \\<b\\>tags\\</b\\> \\#\n');
    expect(jk1).toContain('\n\n\\# not a heading\nnot code\n1\\. not a list\n\\- not a bullet\n\\---\n\\&amp; stays\nsee https://example.org/a_b_c.');
    expect(jk1).toContain('- **Owners:** @U0MARIA, maria');
  });

  it('leaves no link or image in text people wrote, also beside a bare URL, for issue 23', () => {
    const disguised = 'See [the agreed text](https://evil.example/a) or https://good.example/[x](https://evil.example/b) ![pic](https://evil.example/c.png)';
    const report = busanReport({
      'JK-1': {
        title: disguised,
        detail: `[ref]: https://evil.example/d\n${disguised}`,
        owners: [{ label: '[Maria](https://evil.example/e)' }],
        notes: [note('2026-03-01T00:00:00.000Z', disguised)],
        source: { meeting: '[Busan](https://evil.example/f)', date: '2025-09-30', link: 'https://example.org/readout' },
      },
    });
    const jk1 = section(renderBriefingMarkdown(report, { now: NOW }), 'JK-1');
    const [source, ...others] = [jk1.split('\n').find((line) => line.startsWith('- **Source:**'))!, ...jk1.split('\n').filter((line) => !line.startsWith('- **Source:**'))];
    // The one link is the one the briefing writes, to the source; its label's brackets are escaped.
    expect(source).toBe('- **Source:** [\\[Busan\\]\\(https://evil.example/f), Tue 30 Sep 2025](https://example.org/readout)');
    for (const line of others) expect(line).not.toMatch(/(?<!\\)\[/);
    expect(jk1).toContain('### JK-1: See \\[the agreed text\\]\\(https://evil.example/a) or https://good.example/\\[x\\]\\(https://evil.example/b) \\!\\[pic\\]\\(https://evil.example/c.png)\n');
  });

  it('adds each party’s compliance average and each item’s assessments only when asked', () => {
    const report = busanReport({
      'JK-2': { compliance: { JP: { score: 1, date: '2026-03-01', by: 'U0MARIA', note: 'Talks held' }, KR: { score: 0, date: '2026-03-01', by: 'U0MARIA' } } },
      'JK-3': { compliance: { JP: { score: 0, date: '2026-03-02', by: 'U0MARIA' } } },
    });
    expect(renderBriefingMarkdown(report, { now: NOW })).not.toContain('Compliance');
    const markdown = renderBriefingMarkdown(report, { now: NOW, compliance: true });
    expect(markdown).toContain('- **Compliance, Japan:** +0.50 as of Mon 2 Mar 2026 (2 of 5 items assessed)\n- **Compliance, South Korea:** 0.00 as of Sun 1 Mar 2026 (1 of 5 items assessed)');
    expect(section(markdown, 'JK-2')).toContain('- **Compliance:** Japan +1 full (Sun 1 Mar 2026: Talks held); South Korea 0 partial (Sun 1 Mar 2026)');
    expect(section(markdown, 'JK-1')).toContain('- **Compliance:** Japan not assessed; South Korea not assessed');
  });

  it('shows each party’s score on every assessment day, counting a later entry made as of an earlier day there (issue 15)', () => {
    const report = busanReport({
      'JK-2': { compliance: { JP: { score: 1, date: '2026-03-20', by: 'U0MARIA' } } },
      'JK-3': { compliance: { JP: { score: 0, date: '2026-03-01', by: 'U0MARIA' }, KR: { score: -1, date: '2026-03-01', by: 'U0MARIA' } } },
    });
    const assessed = (id: string, at: string, party: string, to: -1 | 0 | 1, date: string): HistoryEntry => ({
      teamId: 'T0BRIEF', track: 'japan-korea', commitmentId: id, version: 2, at, by: 'U0MARIA', change: { type: 'assessment', party, to, date },
    });
    const history = [
      assessed('JK-2', '2026-03-02T00:00:00.000Z', 'JP', -1, '2026-03-01'),
      assessed('JK-3', '2026-03-02T00:00:00.000Z', 'JP', 0, '2026-03-01'),
      assessed('JK-3', '2026-03-02T00:00:00.000Z', 'KR', -1, '2026-03-01'),
      assessed('JK-2', '2026-03-20T00:00:00.000Z', 'JP', 1, '2026-03-20'),
      // Entered last, as of a day between the others.
      assessed('JK-4', '2026-03-24T00:00:00.000Z', 'JP', 1, '2026-03-10'),
    ];
    const markdown = renderBriefingMarkdown(report, { now: NOW, compliance: true, history });
    expect(markdown).toContain(
      [
        '## Compliance over time',
        '',
        '| As of | Japan | South Korea |',
        '|---|---|---|',
        '| Sun 1 Mar 2026 | −0.50 (2 of 5 items assessed) | −1.00 (1 of 5 items assessed) |',
        '| Tue 10 Mar 2026 | 0.00 (3 of 5 items assessed) | −1.00 (1 of 5 items assessed) |',
        '| Fri 20 Mar 2026 | +0.67 (3 of 5 items assessed) | −1.00 (1 of 5 items assessed) |',
        '',
      ].join('\n'),
    );
    expect(renderBriefingMarkdown(report, { now: NOW, compliance: true, history: [] })).not.toContain('Compliance over time');
  });

  it('lists the meetings imported items came from beside the track’s own, oldest first (issue 25)', () => {
    const report = busanReport({ 'JK-5': { source: { meeting: 'Foreign ministers’ talks', place: 'Tokyo', date: '2026-02-10', point: '¶3' } } });
    expect(renderBriefingMarkdown(report, { now: NOW })).toContain(
      '- **Source meetings:** Japan–South Korea summit (Ishiba–Lee), Busan, Tue 30 Sep 2025; Foreign ministers’ talks, Tokyo, Tue 10 Feb 2026\n',
    );
  });

  it('names owners by their person records, not their Slack ids (issue 25)', () => {
    const report = busanReport({ 'JK-1': { owners: [{ label: '<@U0MARIA>', slackUserId: 'U0MARIA' }, { label: 'lee', slackUserId: 'U0LEE' }, { label: '<@U0NOREC>', slackUserId: 'U0NOREC' }, { label: 'Foreign Ministry' }] } });
    const names = new Map([['U0MARIA', 'Maria Kim'], ['U0LEE', 'Lee Min-jun']]);
    expect(mentionedPeople(report)).toEqual(expect.arrayContaining(['U0MARIA', 'U0LEE', 'U0NOREC']));
    expect(section(renderBriefingMarkdown(report, { now: NOW, names }), 'JK-1')).toContain('- **Owners:** @Maria Kim, @Lee Min-jun, @U0NOREC, Foreign Ministry\n');
    expect(records(renderBriefingCsv(report, { now: NOW, names }))['JK-1']!['owners']).toBe("'@Maria Kim; @Lee Min-jun; @U0NOREC; Foreign Ministry"); // a leading `@` is guarded as a formula
  });

  it('says how often an item’s due date moved, as reports and show do (issue 25)', () => {
    const report = busanReport({ 'JK-4': { kind: { type: 'one-off', due: '2026-06-30' }, moved: { times: 2, from: '2026-03-31' } } });
    expect(section(renderBriefingMarkdown(report, { now: NOW }), 'JK-4')).toContain('- **Due date moved:** 2× (first due Tue 31 Mar 2026)\n');
    expect(section(renderBriefingMarkdown(report, { now: NOW }), 'JK-2')).not.toContain('moved');
    const rows = records(renderBriefingCsv(report, { now: NOW }));
    expect([rows['JK-4']!['moved_times'], rows['JK-4']!['first_due'], rows['JK-2']!['moved_times']]).toEqual(['2', '2026-03-31', '']);
  });

  it('says so when a track has no commitments', () => {
    expect(renderBriefingMarkdown({ track: TRACK, commitments: [] }, { now: NOW })).toContain('- 0 commitments\n- 0 overdue, 0 due within 7 days, 0 quiet\n\nNo commitments yet.\n');
  });
});

describe('briefingFilename', () => {
  it('names files by slug and the date in the track’s zone', () => {
    // 23:30 UTC on the 24th is already the 25th in Tokyo.
    expect(briefingFilename(TRACK, new Date('2026-03-24T23:30:00Z'), 'md')).toBe('japan-korea-briefing-2026-03-25.md');
    expect(briefingFilename(TRACK, new Date('2026-03-24T23:30:00Z'), 'csv')).toBe('japan-korea-briefing-2026-03-25.csv');
  });
});

describe('renderBriefingCsv', () => {
  const HEADER = [
    'id', 'title', 'status', 'overdue_days', 'due_soon_days', 'quiet_days', 'kind', 'due', 'cadence', 'last_occurrence', 'owners', 'parties',
    'source_meeting', 'source_date', 'source_place', 'source_link', 'source_point', 'latest_note', 'latest_note_date', 'updated_at', 'moved_times', 'first_due',
  ];

  it('writes a header and one row per item in id order, with CRLF line ends', () => {
    const csv = renderBriefingCsv(BUSAN, { now: NOW });
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5']);
    expect(rows.every((r) => r.length === HEADER.length)).toBe(true);
  });

  it('fills flags with days, kinds, dates, owners and the latest note', () => {
    const rows = records(renderBriefingCsv(BUSAN, { now: NOW }));
    expect(rows['JK-4']).toMatchObject({
      status: 'not-started', overdue_days: '5', due_soon_days: '', quiet_days: '174', kind: 'one-off', due: '2026-03-20', cadence: '',
      owners: 'Science and technology ministries (JP, KR)', parties: 'JP; KR', source_meeting: 'Japan–South Korea summit (Ishiba–Lee)',
      source_date: '2025-09-30', source_place: 'Busan', source_link: 'https://example.org/outcome(en)', source_point: 'Science, technology and AI',
      latest_note: '', updated_at: '2025-10-02T00:00:00.000Z',
    });
    expect(rows['JK-1']).toMatchObject({ kind: 'recurring', due: '', cadence: '', last_occurrence: '2025-09-30' });
    expect(rows['JK-2']).toMatchObject({
      kind: 'ongoing', cadence: 'update every 60 days', quiet_days: '',
      latest_note: 'Working group met in Seoul, see the minutes (https://example.org/minutes_2026)', latest_note_date: '2026-03-10',
    });
  });

  it('quotes commas, quotes and line breaks so that they survive a round trip', () => {
    const title = 'Talks, "soon"\nand then\r\nmore';
    const rows = records(renderBriefingCsv(withTitleOfFirst(title), { now: NOW }));
    expect(rows['JK-1']!['title']).toBe(title);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it('prefixes text that a spreadsheet would run as a formula with an apostrophe', () => {
    for (const [text, written] of [
      ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
      ['+1 phone', "'+1 phone"],
      ['-5% tariffs', "'-5% tariffs"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tindented', "'\tindented"],
      ['\rstart', "'\rstart"],
      ['a = b', 'a = b'],
    ] as const) {
      const rows = records(renderBriefingCsv(withTitleOfFirst(text), { now: NOW }));
      expect(rows['JK-1']!['title']).toBe(written);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,"x"')).toBe('"\'=A1,""x"""');
  });

  it('guards a formula after a separator too, and quotes a cell holding one, for issue 23', () => {
    for (const [text, written] of [
      ['a;=1+2', `"'a;=1+2"`],
      ['a,=1+2', `"'a,=1+2"`],
      ['Talks; @SUM(A1)', `"'Talks; @SUM(A1)"`],
      ['a;\t-1', `"'a;\t-1"`],
      ['JP; KR', '"JP; KR"'],
      ['a - b', 'a - b'],
    ] as const) {
      expect(csvCell(text)).toBe(written);
    }
    const rows = records(renderBriefingCsv(withTitleOfFirst('a;=1+2'), { now: NOW }));
    expect(rows['JK-1']!['title']).toBe("'a;=1+2");
    // A score the bot writes is a number, read as one: no apostrophe.
    expect(csvCell(-1)).toBe('-1');
  });

  it('appends extra columns after the standard ones, writing numbers as they are', () => {
    const csv = renderBriefingCsv(BUSAN, {
      now: NOW,
      extraColumns: [
        { header: 'compliance_JP', value: (r) => (r.item.id === 'JK-3' ? -1 : undefined) },
        { header: 'note_JP', value: () => '-weak' },
      ],
    });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...HEADER, 'compliance_JP', 'note_JP']);
    expect(BRIEFING_CSV_COLUMNS.map((c) => c.header)).toEqual(HEADER);
    const jk3 = rows.find((r) => r[0] === 'JK-3')!;
    expect(jk3.slice(-2)).toEqual(['-1', "'-weak"]);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(renderBriefingCsv(BUSAN, { now: NOW }).startsWith('id,')).toBe(true);
    const withBom = renderBriefingCsv(BUSAN, { now: NOW, bom: true });
    expect(withBom.startsWith('\uFEFFid,')).toBe(true);
    expect(parseCsv(withBom.slice(1))[0]).toEqual(HEADER);
  });
});

/** The lines from an item's heading up to the next heading. */
function section(markdown: string, id: string): string {
  const start = markdown.indexOf(`### ${id}: `);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.slice(start + 1).search(/\n##/);
  return end < 0 ? markdown.slice(start) : markdown.slice(start, start + 1 + end);
}

/** CSV rows keyed by id, each a record of header → value. */
function records(csv: string): Record<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(csv);
  return Object.fromEntries(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((h, i) => [h, row[i]!]))]));
}

/**
 * A strict RFC 4180 reader: records end in CRLF; a field is either plain (no comma, quote,
 * CR or LF) or quoted, with quotes doubled inside. Anything else throws.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside a plain field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
  if (row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}
