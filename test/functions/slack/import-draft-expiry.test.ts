import { afterAll, describe, expect, it, vi } from 'vitest';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { IMPORT_INPUTS } from '#shared/slack/render/import';
import { interactionEvent } from '#local/slack-request';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';
import { textInput } from '../../support/slack-commands.ts';

// An import draft is kept two hours (docs/roles-and-privacy.md). DynamoDB's TTL deletes an expired
// item only some time after its expiresAt (typically within days), and GetItem and DeleteItem still
// return it until then. DynamoDB Local never runs TTL, which is what a real table looks like in that gap.
const TEAM = 'T0DRAFTEXPIRY';
const NOW = new Date('2026-03-25T01:00:00Z');
const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);
afterAll(() => vi.useRealTimers());

let sent = 0;
async function submit(callbackId: string, metadata: string, values: Record<string, unknown>) {
  sent += 1;
  const result = await harness.send(
    interactionEvent({
      type: 'view_submission',
      team: { id: TEAM, domain: 'draft' },
      user: { id: 'U0ALICE', team_id: TEAM },
      api_app_id: 'A0COMMIT',
      trigger_id: `t${sent}`,
      view: { id: 'V0DRAFT', type: 'modal', callback_id: callbackId, private_metadata: metadata, state: { values }, hash: `h${sent}` },
    }),
  );
  expect(result.statusCode).toBe(200);
  return { body: result.body, json: () => (result.body ? result.json() : {}) as Record<string, unknown> & { view?: { private_metadata: string; blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[] } } };
}

const READOUT = `Foreign Ministers of Japan and the Republic of Korea met in Tokyo on 12 March 2026.

The two ministers agreed to hold the next vice-ministerial strategic dialogue by 30 June 2026.`;

describe('an import draft past its two hours', () => {
  it('is refused as expired when confirmed three hours later, not saved from the record TTL has not yet removed', async () => {
    const proposed = await submit(VIEW_IDS.importText, JSON.stringify({ track: 'japan-korea' }), {
      [IMPORT_INPUTS.meeting]: { [IMPORT_INPUTS.meeting]: textInput('Foreign ministers’ meeting') },
      [IMPORT_INPUTS.date]: { [IMPORT_INPUTS.date]: { type: 'datepicker', selected_date: '2026-03-12' } },
      [IMPORT_INPUTS.text]: { [IMPORT_INPUTS.text]: textInput(READOUT) },
    });
    const view = proposed.json().view!;
    // The form as shown, unchanged.
    const values: Record<string, unknown> = {};
    for (const b of view.blocks) {
      const e = b.element as { type: string; initial_value?: string; initial_option?: unknown; initial_date?: string; initial_options?: unknown[] } | undefined;
      if (b.type !== 'input' || !b.block_id || !e) continue;
      const value =
        e.type === 'plain_text_input' ? textInput(e.initial_value ?? '')
        : e.type === 'static_select' ? { type: e.type, selected_option: e.initial_option ?? null }
        : e.type === 'datepicker' ? { type: e.type, selected_date: e.initial_date ?? null }
        : { type: e.type, selected_options: e.initial_options ?? [] };
      values[b.block_id] = { [e.type === 'checkboxes' ? IMPORT_INPUTS.pick : b.block_id]: value };
    }
    const before = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    vi.setSystemTime(new Date(NOW.getTime() + 3 * 3600_000));
    const saved = await submit(VIEW_IDS.importPick, view.private_metadata, values);
    const after = (await harness.store().getReport(TEAM, 'japan-korea')).commitments.length;
    expect({ added: after - before, answer: saved.body }).toEqual({ added: 0, answer: expect.stringContaining('expired') });
  });
});
