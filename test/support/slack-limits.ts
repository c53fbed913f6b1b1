import { expect } from 'vitest';

/** Asserts a message or view keeps to Slack's limits: block count and every text's length. */
export function expectWithinSlackLimits(message: { text?: unknown; blocks?: unknown }, maxBlocks = 50): void {
  const blocks = (message.blocks ?? []) as Record<string, unknown>[];
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  expect(typeof message.text === 'string' && message.text.length > 0).toBe(true);
  expect((message.text as string).length).toBeLessThanOrEqual(4000);
  for (const block of blocks) {
    const texts: { text: string; max: number }[] = [];
    const text = block['text'] as { type: string; text: string } | undefined;
    if (text) texts.push({ text: text.text, max: block['type'] === 'header' ? 150 : 3000 });
    for (const field of (block['fields'] ?? []) as { text: string }[]) texts.push({ text: field.text, max: 2000 });
    for (const element of (block['elements'] ?? []) as Record<string, unknown>[]) {
      if (block['type'] === 'context') texts.push({ text: String(element['text']), max: 3000 });
      if (element['type'] === 'button') {
        texts.push({ text: (element['text'] as { text: string }).text, max: 75 });
        texts.push({ text: String(element['value'] ?? ''), max: 2000 });
      }
    }
    if ((block['elements'] as unknown[] | undefined)?.length) expect((block['elements'] as unknown[]).length).toBeLessThanOrEqual(block['type'] === 'context' ? 10 : 25);
    if (typeof block['block_id'] === 'string') expect(block['block_id'].length).toBeLessThanOrEqual(255);
    for (const { text: t, max } of texts) expect(t.length, `text over ${max}: ${t.slice(0, 60)}…`).toBeLessThanOrEqual(max);
  }
}

interface FormOption {
  text: { text: string };
  value?: string;
}

/**
 * Asserts a modal keeps to Slack's limits for forms: 100 blocks, and in each input its label
 * (2,000), hint (2,000), a menu's options (at most 100, each text 75 and value 150), and preset
 * options that are among the options offered.
 */
export function expectFormWithinSlackLimits(view: { title: { text: string }; blocks: readonly unknown[] }): void {
  expectWithinSlackLimits({ text: view.title.text, blocks: view.blocks }, 100);
  for (const block of view.blocks as Record<string, unknown>[]) {
    if (block['type'] !== 'input') continue;
    const label = block['label'] as { text: string };
    expect(label.text.length).toBeLessThanOrEqual(2000);
    expect(((block['hint'] as { text: string } | undefined)?.text ?? '').length).toBeLessThanOrEqual(2000);
    const element = block['element'] as { options?: FormOption[]; initial_options?: FormOption[]; initial_option?: FormOption };
    const options = element.options ?? [];
    expect(options.length, `options of ${label.text}`).toBeLessThanOrEqual(100);
    for (const option of options) {
      expect(option.text.text.length, `option text over 75: ${option.text.text}`).toBeLessThanOrEqual(75);
      expect((option.value ?? '').length).toBeLessThanOrEqual(150);
    }
    const offered = new Set(options.map((o) => JSON.stringify(o)));
    for (const preset of [...(element.initial_options ?? []), ...(element.initial_option ? [element.initial_option] : [])]) {
      expect(offered.has(JSON.stringify(preset)), `preset not offered in ${label.text}`).toBe(true);
    }
  }
}
