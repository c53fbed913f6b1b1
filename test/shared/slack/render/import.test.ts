import { describe, expect, it } from 'vitest';
import type { Proposal } from '#shared/domain/import-draft';
import type { Party } from '#shared/domain/schemas';
import { PARTIES_PER_LIST, PROPOSALS_PER_IMPORT } from '#shared/domain/bounds';
import { IMPORT_INPUTS, READOUT_CHARS, READOUT_PARTS, importPickModal, importTextModal, splitReadout } from '#shared/slack/render/import';
import { expectFormWithinSlackLimits } from '../../../support/slack-limits.ts';
import { MAX_PROPOSALS } from '#shared/use-cases/import';

const proposal = (i: number): Proposal => ({
  title: `Hold <dialogue> & round ${i}`,
  kind: { type: 'one-off' },
  parties: ['JP', 'KR'],
  sentence: `The two sides agreed to hold round ${i} of the <dialogue> & more.`,
  paragraph: Math.floor(i / 3) + 1,
});

const BOTH: Party[] = [
  { code: 'JP', name: 'Japan' },
  { code: 'KR', name: 'Republic of Korea' },
];
/** As many parties as a track may have, with names as long as a party's may be. */
const TWENTY: Party[] = Array.from({ length: PARTIES_PER_LIST }, (_, i) => ({ code: `P${String.fromCharCode(65 + i)}`, name: `${'The Very Long Official Name of a State '.repeat(3)}${i}`.slice(0, 80) }));

type Input = { type: string; block_id?: string; label?: { text: string }; element?: { type: string; options?: { value: string; text: { text: string } }[]; initial_options?: { value: string }[]; initial_option?: { value: string }; initial_date?: string } };
const inputOf = (blocks: unknown[], id: string) => (blocks as Input[]).find((b) => b.block_id === id);

describe('importPickModal', () => {
  it('shows as many proposals as one form holds within Slack’s limits, ten checkboxes to a group', () => {
    const view = importPickModal('d1', {}, Array.from({ length: MAX_PROPOSALS }, (_, i) => proposal(i)), TWENTY);
    expect(MAX_PROPOSALS).toBe(PROPOSALS_PER_IMPORT);
    expectFormWithinSlackLimits(view);
    // Every proposal's five blocks and a checkbox group per ten, beside the heading: one more proposal would not fit.
    expect(view.blocks).toHaveLength(1 + 5 * MAX_PROPOSALS + Math.ceil(MAX_PROPOSALS / 10));
    expect(1 + 5 * (MAX_PROPOSALS + 1) + Math.ceil((MAX_PROPOSALS + 1) / 10)).toBeGreaterThan(100);
    const groups = view.blocks.flatMap((b) => ('element' in b && b.element.type === 'checkboxes' ? [b.element] : []));
    expect(groups).toHaveLength(Math.ceil(MAX_PROPOSALS / 10));
    for (const g of groups) expect(g.options.length).toBeLessThanOrEqual(10);
  });

  it('says how many were found and where to import the rest from when they do not all fit', () => {
    const view = importPickModal('d1', {}, Array.from({ length: MAX_PROPOSALS }, (_, i) => proposal(i)), BOTH, { found: MAX_PROPOSALS + 7, leftFrom: 14 });
    const head = JSON.stringify(view.blocks[0]);
    expect(head).toContain(`Found *${MAX_PROPOSALS + 7}* possible follow-ups`);
    expect(head).toContain(`Only the first ${MAX_PROPOSALS} fit in one form: import the text from ¶14 on again for the rest.`);
  });

  it('says nothing of the rest when everything fits, and escapes the readout’s words', () => {
    const view = importPickModal('d1', {}, [proposal(0), proposal(1)], BOTH);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Found *2* possible follow-ups');
    expect(text).not.toContain('Only the first');
    expect(text).toContain('&lt;dialogue&gt; &amp; more');
  });

  it('speaks of one follow-up in the singular', () => {
    const text = JSON.stringify(importPickModal('d1', {}, [proposal(0)], BOTH).blocks[0]);
    expect(text).toContain('Found *1* possible follow-up. Untick it if it is not one; check its kind, due date and parties.');
  });
});

describe('importPickModal’s fields, for issue 24', () => {
  it('shows each proposal’s kind, due date, the track’s parties and its source sentence', () => {
    const due: Proposal = { ...proposal(0), kind: { type: 'one-off', due: '2026-06-30' }, due: '2026-06-30', parties: ['KR'] };
    const yearly: Proposal = { ...proposal(1), kind: { type: 'recurring', every: { unit: 'years', count: 1 }, occurrences: [] }, parties: [] };
    const view = importPickModal('d1', {}, [due, yearly], BOTH);
    expect(inputOf(view.blocks, IMPORT_INPUTS.kind(0))?.element).toMatchObject({ type: 'static_select', initial_option: { value: 'one-off' } });
    expect(inputOf(view.blocks, IMPORT_INPUTS.kind(1))?.element?.initial_option?.value).toBe('recurring');
    expect(inputOf(view.blocks, IMPORT_INPUTS.kind(1))?.element?.options?.map((o) => o.value)).toEqual(['one-off', 'recurring', 'ongoing']);
    expect(inputOf(view.blocks, IMPORT_INPUTS.due(0))?.element).toMatchObject({ type: 'datepicker', initial_date: '2026-06-30' });
    expect(inputOf(view.blocks, IMPORT_INPUTS.due(1))?.element).not.toHaveProperty('initial_date');
    const parties = inputOf(view.blocks, IMPORT_INPUTS.parties(0))?.element;
    expect(parties?.type).toBe('multi_static_select');
    expect(parties?.options?.map((o) => o.text.text)).toEqual(['JP — Japan', 'KR — Republic of Korea']);
    expect(parties?.initial_options?.map((o) => o.value)).toEqual(['KR']);
    // A proposal naming no party starts with all the track's.
    expect(inputOf(view.blocks, IMPORT_INPUTS.parties(1))?.element?.initial_options?.map((o) => o.value)).toEqual(['JP', 'KR']);
    const order = (view.blocks as Input[]).slice(1, 6).map((b) => b.block_id ?? b.type);
    expect(order).toEqual([IMPORT_INPUTS.title(0), IMPORT_INPUTS.kind(0), IMPORT_INPUTS.due(0), IMPORT_INPUTS.parties(0), 'context']);
    expect(JSON.stringify(view.blocks[5])).toContain('“The two sides agreed to hold round 0 of the &lt;dialogue&gt; &amp; more.”');
  });
});

describe('splitReadout', () => {
  const paragraph = (n: number) => `${'Paragraph words of the readout. '.repeat(20)}End ${n}.`;

  it('cuts a long readout at blank lines into boxes of at most the input limit, losing nothing', () => {
    const text = Array.from({ length: 10 }, (_, i) => paragraph(i)).join('\n\n');
    const { parts, leftOut } = splitReadout(text);
    expect(leftOut).toBe(0);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(READOUT_CHARS);
      expect(part).toMatch(/End \d+\.$/);
    }
    expect(parts.join('\n\n')).toBe(text);
  });

  it('says how much did not fit in all the boxes', () => {
    const text = 'x '.repeat(READOUT_CHARS * READOUT_PARTS);
    const { parts, leftOut } = splitReadout(text);
    expect(parts).toHaveLength(READOUT_PARTS);
    // Each cut drops the one space it fell on.
    expect(leftOut).toBeGreaterThan(0);
    expect(parts.join(' ').length + 1 + leftOut).toBe(text.trim().length);
    const view = importTextModal({}, { text, today: '2026-03-12' });
    expect(JSON.stringify(view.blocks)).toMatch(/the form holds 9,000: the last [\d,]+ are left out — import them in a second go/);
  });
});

