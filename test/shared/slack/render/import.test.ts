import { describe, expect, it } from 'vitest';
import type { Proposal } from '#shared/domain/import-draft';
import { READOUT_CHARS, READOUT_PARTS, importPickModal, importTextModal, splitReadout } from '#shared/slack/render/import';
import { MAX_PROPOSALS } from '#shared/use-cases/import';

const proposal = (i: number): Proposal => ({
  title: `Hold <dialogue> & round ${i}`,
  kind: { type: 'one-off' },
  parties: ['JP', 'KR'],
  sentence: `The two sides agreed to hold round ${i} of the <dialogue> & more.`,
  paragraph: Math.floor(i / 3) + 1,
});

describe('importPickModal', () => {
  it('shows as many proposals as one form holds within Slack’s 100 blocks, ten checkboxes to a group', () => {
    const view = importPickModal('d1', {}, Array.from({ length: MAX_PROPOSALS }, (_, i) => proposal(i)));
    expect(MAX_PROPOSALS).toBeGreaterThanOrEqual(40);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const groups = view.blocks.flatMap((b) => ('element' in b && b.element.type === 'checkboxes' ? [b.element] : []));
    expect(groups).toHaveLength(Math.ceil(MAX_PROPOSALS / 10));
    for (const g of groups) expect(g.options.length).toBeLessThanOrEqual(10);
  });

  it('says how many were found and where to import the rest from when they do not all fit', () => {
    const view = importPickModal('d1', {}, Array.from({ length: MAX_PROPOSALS }, (_, i) => proposal(i)), { found: MAX_PROPOSALS + 7, leftFrom: 14 });
    const head = JSON.stringify(view.blocks[0]);
    expect(head).toContain(`Found *${MAX_PROPOSALS + 7}* possible follow-ups`);
    expect(head).toContain(`Only the first ${MAX_PROPOSALS} fit in one form: import the text from ¶14 on again for the rest.`);
  });

  it('says nothing of the rest when everything fits, and escapes the readout’s words', () => {
    const view = importPickModal('d1', {}, [proposal(0), proposal(1)]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Found *2* possible follow-ups');
    expect(text).not.toContain('Only the first');
    expect(text).toContain('&lt;dialogue&gt; &amp; more');
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

