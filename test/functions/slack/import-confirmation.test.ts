import { describe, expect, it, vi } from 'vitest';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { interactionEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { tableItems, textInput } from '../../support/slack-commands.ts';
import { expectFormWithinSlackLimits } from '../../support/slack-limits.ts';

// Issue 24: the import's confirmation form shows each proposal's kind, due date, parties and
// source sentence, lets the person change them, and saves what they set; a forged submission
// cannot set a party the track does not have, a kind outside the three, or an implausible due date.
const TEAM = 'T0CONFIRM';
const NOW = new Date('2026-03-25T01:00:00Z');
const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);

let sent = 0;

async function submit(callbackId: string, metadata: string, values: Record<string, unknown>) {
  sent += 1;
  const result = await harness.send(
    interactionEvent({
      type: 'view_submission',
      team: { id: TEAM, domain: 'confirm' },
      user: { id: 'U0ALICE', team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: `t${sent}`,
      view: { id: 'V0CONFIRM', type: 'modal', callback_id: callbackId, private_metadata: metadata, state: { values }, hash: `h${sent}` },
    }),
  );
  expect(result.statusCode).toBe(200);
  return { body: result.body, json: () => (result.body ? result.json() : {}) as { response_action?: string; errors?: Record<string, string>; view?: PickView } };
}

interface PickBlock {
  type: string;
  block_id?: string;
  label?: { text: string };
  element?: { type: string; options?: { value: string }[]; initial_option?: { value: string }; initial_options?: { value: string }[]; initial_date?: string; initial_value?: string };
  elements?: { text: string }[];
}
interface PickView {
  private_metadata: string;
  blocks: PickBlock[];
}

const READOUT = `Foreign Ministers of Japan and the Republic of Korea met in Tokyo on 12 March 2026.

The two ministers agreed to hold the next vice-ministerial strategic dialogue by 30 June 2026.

Japan will host a seminar on <maritime> safety & rescue by the end of September 2026.`;

async function propose(text = READOUT): Promise<PickView> {
  const proposed = await submit(VIEW_IDS.importText, JSON.stringify({ track: 'japan-korea' }), {
    [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: textInput('Foreign ministers’ meeting') },
    [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
    [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: textInput(text) },
  });
  const answer = proposed.json();
  expect(answer.response_action).toBe('update');
  return answer.view!;
}

const block = (view: PickView, id: string) => view.blocks.find((b) => b.block_id === id);
const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
const multi = (...values: string[]) => ({ type: 'multi_static_select', selected_options: values.map((value) => ({ value })) });
const date = (selected_date: string | null) => ({ type: 'datepicker', selected_date });

/** The form as Slack sends it back when nothing is changed, with `change` laid over it. */
function asShown(view: PickView, change: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const e = b.element;
    const value =
      e.type === 'plain_text_input'
        ? textInput(e.initial_value ?? '')
        : e.type === 'static_select'
          ? { type: e.type, selected_option: e.initial_option ?? null }
          : e.type === 'datepicker'
            ? date(e.initial_date ?? null)
            : { type: e.type, selected_options: e.initial_options ?? [] };
    values[b.block_id] = { [e.type === 'checkboxes' ? IMPORT_INPUTS.pick : b.block_id]: value };
  }
  for (const [id, value] of Object.entries(change)) values[id] = { [id.startsWith(IMPORT_INPUTS.pick) ? IMPORT_INPUTS.pick : id]: value };
  return values;
}

describe('the import confirmation form, for issue 24', () => {
  it('shows each proposal’s title, kind, due date, the track’s parties preset from the proposal, and its source sentence escaped', async () => {
    const view = await propose();
    expectFormWithinSlackLimits({ title: { text: 'Confirm follow-ups' }, blocks: view.blocks });
    expect(block(view, IMPORT_INPUTS.title(0))?.element?.initial_value).toBe('Hold the next vice-ministerial strategic dialogue');
    expect(block(view, IMPORT_INPUTS.kind(0))?.element).toMatchObject({ type: 'static_select', initial_option: { value: 'one-off' } });
    expect(block(view, IMPORT_INPUTS.kind(0))?.element?.options?.map((o) => o.value)).toEqual(['one-off', 'recurring', 'ongoing']);
    expect(block(view, IMPORT_INPUTS.due(0))?.element).toMatchObject({ type: 'datepicker', initial_date: '2026-06-30' });
    const parties = block(view, IMPORT_INPUTS.parties(0))?.element;
    expect(parties?.type).toBe('multi_static_select');
    expect(parties?.options?.map((o) => o.value)).toEqual(['JP', 'KR']);
    expect(parties?.initial_options?.map((o) => o.value)).toEqual(['JP', 'KR']);
    // "Japan will host …" binds Japan alone.
    expect(block(view, IMPORT_INPUTS.parties(1))?.element?.initial_options?.map((o) => o.value)).toEqual(['JP']);
    expect(block(view, IMPORT_INPUTS.due(1))?.element?.initial_date).toBe('2026-09-30');
    const contexts = view.blocks.filter((b) => b.type === 'context').map((b) => b.elements?.[0]?.text ?? '');
    expect(contexts).toHaveLength(2);
    expect(contexts[1]).toContain('Japan will host a seminar on &lt;maritime&gt; safety &amp; rescue');
  });

  it('saves the kind, due date and parties as the person set them', async () => {
    const view = await propose();
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    const saved = await submit(
      VIEW_IDS.importPick,
      view.private_metadata,
      asShown(view, {
        [IMPORT_INPUTS.title(0)]: textInput('Hold the strategic dialogue'),
        [IMPORT_INPUTS.parties(0)]: multi('KR'),
        [IMPORT_INPUTS.due(0)]: date('2026-07-15'),
        [IMPORT_INPUTS.kind(1)]: select('ongoing'),
        [IMPORT_INPUTS.parties(1)]: multi('JP', 'KR'),
      }),
    );
    expect(saved.body).toBe('');
    const after = (await harness.store().getReport(TEAM, 'japan-korea')).commitments;
    expect(after).toHaveLength(before + 2);
    expect(after.at(-2)).toMatchObject({ title: 'Hold the strategic dialogue', parties: ['KR'], kind: { type: 'one-off', due: '2026-07-15' } });
    expect(after.at(-1)).toMatchObject({ title: 'Host a seminar on <maritime> safety & rescue', parties: ['JP', 'KR'], kind: { type: 'ongoing' } });
    expect(after.at(-1)?.kind).not.toHaveProperty('due');
  });

  it.each([
    ['a party the track does not have', { [IMPORT_INPUTS.parties(0)]: multi('JP', 'US') }, IMPORT_INPUTS.parties(0), /US is not a party of this track/],
    ['no party at all', { [IMPORT_INPUTS.parties(1)]: multi() }, IMPORT_INPUTS.parties(1), /Choose at least one party for follow-up 2/],
    ['a kind outside the three', { [IMPORT_INPUTS.kind(0)]: select('weekly') }, IMPORT_INPUTS.kind(0), /Choose one-off, recurring or ongoing for follow-up 1/],
    ['a due date centuries ahead', { [IMPORT_INPUTS.due(1)]: date('2299-01-01') }, IMPORT_INPUTS.due(1), /cannot be a due date/],
    ['a due date that is no date', { [IMPORT_INPUTS.due(0)]: date('30/06/2026') }, IMPORT_INPUTS.due(0), /not a date/],
  ])('refuses a forged submission with %s beside its field, and writes nothing', async (_, change, field, expected) => {
    const view = await propose();
    const before = await tableItems(harness);
    const refused = await submit(VIEW_IDS.importPick, view.private_metadata, asShown(view, change));
    const answer = refused.json();
    expect(answer.response_action).toBe('errors');
    expect(Object.keys(answer.errors ?? {})).toEqual([field]);
    expect(Object.values(answer.errors ?? {})[0]).toMatch(expected);
    expect(await tableItems(harness)).toBe(before);
    // The draft is still there: the corrected form saves.
    expect((await submit(VIEW_IDS.importPick, view.private_metadata, asShown(view))).body).toBe('');
  });

  it('saves both Japan and Korea for “Japan and the Republic of Korea committed to …”, as the form ticks them (the issue’s example)', async () => {
    const view = await propose('Japan and the Republic of Korea committed to expanding the working-holiday programme by 31 December 2026.');
    expect(block(view, IMPORT_INPUTS.parties(0))?.element?.initial_options?.map((o) => o.value)).toEqual(['JP', 'KR']);
    expect((await submit(VIEW_IDS.importPick, view.private_metadata, asShown(view))).body).toBe('');
    const saved = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.at(-1);
    expect(saved).toMatchObject({ title: 'Expand the working-holiday programme', parties: ['JP', 'KR'] });
  });

  it('saves the parties the form would preset when a submission carries no parties field', async () => {
    const view = await propose('Japan will host a seminar on port security by 30 September 2026.');
    const values = asShown(view);
    delete values[IMPORT_INPUTS.parties(0)];
    expect((await submit(VIEW_IDS.importPick, view.private_metadata, values)).body).toBe('');
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments.at(-1)).toMatchObject({ parties: ['JP'] });
  });

  it('saves both parties of a proposal that names them, as they stay ticked', async () => {
    const view = await propose('The two sides agreed to expand the working-holiday programme by 31 December 2026.');
    expect(block(view, IMPORT_INPUTS.parties(0))?.element?.initial_options?.map((o) => o.value)).toEqual(['JP', 'KR']);
    expect((await submit(VIEW_IDS.importPick, view.private_metadata, asShown(view))).body).toBe('');
    const saved = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.at(-1);
    expect(saved).toMatchObject({ title: 'Expand the working-holiday programme', parties: ['JP', 'KR'] });
  });
});

// An import draft is kept two hours. DynamoDB's TTL deletes an expired item only some time after its
// expiresAt (typically within days), and GetItem and DeleteItem still return it until then; DynamoDB
// Local never runs TTL, which is what a real table looks like in that gap.
describe('an import draft past its two hours', () => {
  it('is refused as expired when confirmed three hours later, not saved from the record TTL has not yet removed', async () => {
    const view = await propose();
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    vi.setSystemTime(new Date(NOW.getTime() + 3 * 3_600_000));
    try {
      const saved = await submit(VIEW_IDS.importPick, view.private_metadata, asShown(view));
      expect(saved.body).toContain('expired');
    } finally {
      vi.setSystemTime(NOW);
    }
    expect((await harness.store().getReport(TEAM, 'japan-korea')).commitments).toHaveLength(before);
  });
});
