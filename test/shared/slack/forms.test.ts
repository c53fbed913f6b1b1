import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/errors';
import { translatorFor } from '#shared/i18n/translator';
import { prefillFromMessage, readCommitmentForm, readNoteForm, readPicksForm, readReadoutForm, readTrackForm, readUpdateForm, unnamedMentions } from '#shared/slack/forms';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { INPUTS } from '#shared/slack/render/modals';
import { readOrigin, type ViewValues } from '#shared/slack/view-state';

const text = (id: string, value: string) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });
const select = (id: string, value: string) => ({ [id]: { [id]: { type: 'static_select', selected_option: { text: { type: 'plain_text' as const, text: value }, value } } } });
const now = new Date('2026-03-20T03:00:00Z');
/** Where the Web API is called as deployed: Slack's own host. */
const SLACK_API = 'https://slack.com/api/';

function thrown(read: () => unknown): InvalidInputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('form readers', () => {
  it('names the field a form error is about', () => {
    expect(thrown(() => readUpdateForm({})).field).toBe('status');
    const empty = thrown(() => readNoteForm(text(INPUTS.note, '   ')));
    expect({ message: empty.message, field: empty.field }).toEqual({ message: 'Write the note first.', field: 'note' });
  });

  it('reads a status change with its trimmed note', () => {
    const values: ViewValues = { ...select(INPUTS.status, 'in-progress'), ...text(INPUTS.note, '  talks resumed ') };
    expect(readUpdateForm(values)).toEqual({ type: 'status', status: 'in-progress', note: 'talks resumed' });
  });

  it('reads the add form, the track the modal was opened for and the message it came from', () => {
    const values: ViewValues = { ...text(INPUTS.title, 'Resume shuttle diplomacy'), ...select(INPUTS.kind, 'ongoing') };
    expect(readCommitmentForm(values, { track: 'japan-korea', sourceLink: 'https://example.slack.com/archives/C1/p1' }, now)).toEqual({
      track: 'japan-korea',
      source: { meeting: 'Slack message', date: '2026-03-20', link: 'https://example.slack.com/archives/C1/p1' },
      title: 'Resume shuttle diplomacy',
      ownerIds: [],
      kind: { type: 'ongoing', updateEveryDays: 30 },
    });
  });

  it('reads the ticked proposals in order, with their edited titles', () => {
    const tick = (group: number, ...indexes: number[]) => ({
      [`${IMPORT_INPUTS.pick}_${group}`]: {
        [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: indexes.map((i) => ({ text: { type: 'plain_text' as const, text: `${i}` }, value: String(i) })) },
      },
    });
    const values: ViewValues = { ...tick(1, 12, 10), ...tick(0, 3), ...text(IMPORT_INPUTS.title(3), 'Hold a summit'), ...text(IMPORT_INPUTS.title(10), 'Visit Seoul') };
    expect(readPicksForm(values)).toEqual([
      { index: 3, title: 'Hold a summit' },
      { index: 10, title: 'Visit Seoul' },
      { index: 12, title: '' },
    ]);
  });

  it('reads each ticked proposal’s kind, due date and parties as set, and refuses a kind outside the three or more parties than an item holds (issue 24)', () => {
    const tick = { [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text' as const, text: '1' }, value: '0' }, { text: { type: 'plain_text' as const, text: '2' }, value: '1' }] } } };
    const multi = (id: string, ...codes: string[]) => ({ [id]: { [id]: { type: 'multi_static_select', selected_options: codes.map((value) => ({ text: { type: 'plain_text' as const, text: value }, value })) } } });
    const date = (id: string, selected_date: string | null) => ({ [id]: { [id]: { type: 'datepicker', selected_date } } });
    const values: ViewValues = {
      ...tick,
      ...select(IMPORT_INPUTS.kind(0), 'ongoing'),
      ...date(IMPORT_INPUTS.due(0), null),
      ...multi(IMPORT_INPUTS.parties(0), 'KR', 'JP', 'KR'),
      ...date(IMPORT_INPUTS.due(1), '2027-03-31'),
    };
    expect(readPicksForm(values)).toEqual([
      { index: 0, title: '', kind: 'ongoing', due: null, parties: ['KR', 'JP'] },
      { index: 1, title: '', due: '2027-03-31' },
    ]);
    const forged = thrown(() => readPicksForm({ ...values, ...select(IMPORT_INPUTS.kind(1), 'weekly') }));
    expect({ message: forged.message, field: forged.field }).toEqual({ message: 'Choose one-off, recurring or ongoing for follow-up 2.', field: IMPORT_INPUTS.kind(1) });
    const crowded = thrown(() => readPicksForm({ ...values, ...multi(IMPORT_INPUTS.parties(1), ...Array.from({ length: 21 }, (_, i) => `P${i}`)) }));
    expect(crowded.field).toBe(IMPORT_INPUTS.parties(1));
    expect(crowded.message).toBe('An item can name at most 20 parties; follow-up 2 names 21. Nothing was saved.');
  });

  it('reads a track’s parties from commas or spaces and lower-cases its slug', () => {
    const values: ViewValues = { ...text(INPUTS.slug, 'Japan-Korea'), ...text(INPUTS.parties, 'JP, KR  US'), ...text(INPUTS.timeZone, 'Asia/Tokyo') };
    expect(readTrackForm(values)).toEqual({ slug: 'japan-korea', title: '', parties: ['JP', 'KR', 'US'], timeZone: 'Asia/Tokyo' });
  });

  it('reads a track’s zone under the name typed, its letter case fixed', () => {
    const zoneOf = (typed: string) => readTrackForm({ ...text(INPUTS.slug, 'japan-india'), ...text(INPUTS.timeZone, typed) }).timeZone;
    expect([zoneOf('Asia/Kolkata'), zoneOf('asia/tokyo'), zoneOf('Mars/Base')]).toEqual(['Asia/Kolkata', 'Asia/Tokyo', 'Mars/Base']);
  });

  it('reads an unreadable origin as none', () => {
    expect(readOrigin('not json', SLACK_API)).toEqual({});
    expect(readOrigin(JSON.stringify({ id: 'JK-4', version: 3 }), SLACK_API)).toEqual({ id: 'JK-4', version: 3 });
  });

  it('keeps an origin’s response_url only where Slack gives them: its hooks host, or a stand-in’s own host', () => {
    const origin = (responseUrl: string) => readOrigin(JSON.stringify({ id: 'JK-4', responseUrl }), SLACK_API);
    expect(origin('https://hooks.slack.com/actions/T0/1/abc')).toEqual({ id: 'JK-4', responseUrl: 'https://hooks.slack.com/actions/T0/1/abc' });
    expect(readOrigin(JSON.stringify({ responseUrl: 'http://127.0.0.1:4010/response/r1' }), 'http://127.0.0.1:4010/api/')).toEqual({ responseUrl: 'http://127.0.0.1:4010/response/r1' });
    for (const elsewhere of ['http://169.254.169.254/latest/meta-data', 'https://hooks.slack.com.example.org/x', 'http://127.0.0.1:9001/2018-06-01/runtime']) expect(origin(elsewhere)).toEqual({ id: 'JK-4' });
  });

  it('reads a readout from its boxes in order, a blank line between them, skipping empty ones', () => {
    const values: ViewValues = { ...text(IMPORT_INPUTS.text, 'First part.'), ...text(IMPORT_INPUTS.textPart(2), '  '), ...text(IMPORT_INPUTS.textPart(3), 'Third part.') };
    expect(readReadoutForm(values, { track: 'japan-korea' }, now).text).toBe('First part.\n\nThird part.');
  });

  it('refuses a box over the input limit, naming that box', () => {
    const values: ViewValues = { ...text(IMPORT_INPUTS.text, 'First part.'), ...text(IMPORT_INPUTS.textPart(2), 'x'.repeat(3001)) };
    const error = thrown(() => readReadoutForm(values, { track: 'japan-korea' }, now));
    expect(error.message).toBe('The readout text (part 2) is 3,001 characters long; the limit is 3,000.');
    expect(error.field).toBe(IMPORT_INPUTS.textPart(2));
  });

  it('names a numbered box or proposal in Japanese and Korean too, not with English words', async () => {
    const part = thrown(() => readReadoutForm({ ...text(IMPORT_INPUTS.textPart(3), 'x'.repeat(3001)) }, { track: 'japan-korea' }, now));
    const ticked = { [`${IMPORT_INPUTS.pick}_0`]: { [IMPORT_INPUTS.pick]: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text' as const, text: '1' }, value: '1' }] } } };
    const title = thrown(() => readPicksForm({ ...ticked, ...text(IMPORT_INPUTS.title(1), 'x'.repeat(5000)) }));
    const [ja, ko] = [await translatorFor('ja'), await translatorFor('ko')];
    expect(ja.say({ text: part.message, say: part.say })).toMatch(/^発表文の 3 つ目の欄が 3,001 文字あります/);
    expect(ko.say({ text: title.message, say: title.say })).toMatch(/^후속 조치 2의 제목이\(가\) 5,000자입니다/);
    expect(title.message).toMatch(/^The title of follow-up 2 is 5,000 characters long/);
  });
});

describe('Track as commitment: the prefill', () => {
  // UX audit: the title was prefilled with `<@U07QM4R1ASN|maria>`, which a plain-text field shows as it is.
  it('writes mentions, channels, user groups and links as Slack shows them, in the title and the detail', () => {
    const message = 'Seoul sends the draft MoU by Friday — <@U07QM4R1ASN|maria> and <@U0KIM> with <!subteam^S0GOV|@gov-team>, see <#C0GOVAFF|gov-affairs>\n<https://example.org/mou|the draft> · <https://example.org/annex> · <!here> &amp; &lt;b&gt;';
    const names = new Map([['U0KIM', 'Kim Min-ji']]);
    expect(unnamedMentions(message)).toEqual(['U0KIM']);
    expect(prefillFromMessage(message, names)).toEqual({
      title: 'Seoul sends the draft MoU by Friday — @maria and @Kim Min-ji with @gov-team, see #gov-affairs',
      detail: 'Seoul sends the draft MoU by Friday — @maria and @Kim Min-ji with @gov-team, see #gov-affairs\nthe draft · https://example.org/annex · @here & <b>',
    });
    // A mention whose name the bot does not know keeps the id, never the markup.
    expect(prefillFromMessage('<@U0NEW> to follow up').title).toBe('@U0NEW to follow up');
  });
});
