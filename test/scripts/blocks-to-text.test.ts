import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../scripts/local/blocks-to-text.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every `:code:` the bot's code writes into a message: standing alone, as Slack reads an emoji code. */
function emojiCodesInSource(): string[] {
  const codes = new Set<string>();
  for (const dir of ['shared', 'functions']) {
    for (const file of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(path.join(ROOT, dir, file), 'utf8');
      for (const [, code] of text.matchAll(/(?<=[\s'"`(]):([a-z0-9_+-]+):(?=[\s'"`),.])/g)) codes.add(code!);
    }
  }
  return [...codes].sort();
}

describe('the terminal prints Slack emoji codes as emoji (issue 25)', () => {
  const codes = emojiCodesInSource();

  it('finds the codes the bot sends', () => {
    expect(codes).toEqual(expect.arrayContaining(['bell', 'rotating_light', 'wave', 'large_yellow_circle', 'double_vertical_bar', 'white_check_mark']));
    expect(codes.length).toBeGreaterThan(15);
  });

  it('prints every one of them as an emoji, in a section and in a message of text alone', () => {
    for (const code of codes) {
      const section = blocksToText({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:${code}: JK-1` } }] });
      const plain = blocksToText({ text: `:${code}: JK-1` });
      for (const printed of [section, plain]) {
        expect(printed, code).not.toContain(`:${code}:`);
        expect(printed, code).toMatch(/^\p{Extended_Pictographic}\uFE0F? JK-1$|^\p{Emoji_Presentation}\uFE0F? JK-1$|^\p{Emoji}\uFE0F? JK-1$/u);
      }
    }
  });

  it('leaves a code it does not know, and times such as 09:00:00, as they are', () => {
    expect(blocksToText({ text: 'Meet at 09:00:00 :not_an_emoji_code:' })).toBe('Meet at 09:00:00 :not_an_emoji_code:');
  });
});
