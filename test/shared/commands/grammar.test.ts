import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TEXT_CHARS, Refusal, tokenize, type TokenizeMeter } from '#shared/commands/grammar';
import { parseCommand } from '#shared/commands/registry';

/** Characters the tokenizer treats specially, and a few it does not. */
const TRICKY = ['"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '<', '>', '@', '|', ' ', ',', 'a', '&', ';'];

/** Steps the tokenizer takes per input character, on `unit` repeated to `bytes` characters. */
function stepsPerChar(unit: string, bytes: number): number {
  const input = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const meter: TokenizeMeter = { steps: 0 };
  try {
    tokenize(input, 'usage', meter);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
  }
  return meter.steps / input.length;
}

describe('tokenize, for issue 13', () => {
  it.each([
    ['many quotes, none closed', '"'],
    ['opening single quotes that never close', "'a "],
    ['a bracket with no closing bracket', '<'],
    ['brackets, the last one closed', '<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<>'],
    ['quoted words', '"ab" '],
    ['mentions', '<@U1|a> '],
    ['apostrophes inside words', "Lee's "],
  ])('costs as much per character at 64 KB as at 1 KB: %s', (_, unit) => {
    const small = stepsPerChar(unit, 1024);
    const large = stepsPerChar(unit, 64 * 1024);
    expect(large).toBeLessThanOrEqual(4);
    expect(large / small).toBeLessThan(1.5);
  });

  it('costs a bounded number of steps per character on any mix of quotes, brackets and words, from 1 KB to 64 KB', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 40 }), (chars) => {
        const unit = chars.join('');
        const small = stepsPerChar(unit, 1024);
        const large = stepsPerChar(unit, 64 * 1024);
        expect(large).toBeLessThanOrEqual(4);
        expect(large / small).toBeLessThan(3);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a mention with a space in it whole, and a lone bracket in its word', () => {
    const tokens = tokenize('owner <@U1|Maria Lee> done a<b', 'usage');
    expect(tokens.map((t) => t.text)).toEqual(['owner', '<@U1|Maria Lee>', 'done', 'a<b']);
  });

  it('previews only the start of the text after an unclosed quote', () => {
    expect(() => tokenize(`note JK-1 "${'x'.repeat(60_000)}`, 'usage')).toThrow(/never closed/);
  });
});

describe('parseCommand past the cap, for issue 13', () => {
  it('refuses a text longer than the cap unread, naming the limit', () => {
    const result = parseCommand(`add japan-korea ${'"'.repeat(64 * 1024)}`);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('at most 4,000') });
  });

  it('reads a text of exactly the cap', () => {
    const title = 'x'.repeat(150);
    const text = `note JK-1 ${title}`.padEnd(COMMAND_TEXT_CHARS, ' ');
    expect(parseCommand(text)).toMatchObject({ ok: true, command: { type: 'note', id: 'JK-1', text: title } });
  });
});

describe('lengths in refusals, for issue 25', () => {
  it('writes both numbers with digit groups, as the forms do', () => {
    expect(parseCommand(`note JK-4 "${'n'.repeat(3500)}"`)).toMatchObject({ ok: false, error: 'The note is 3,500 characters long; the limit is 1,000.' });
    expect(parseCommand(`add japan-korea "Visa review" owner ${'m'.repeat(1200)}`)).toMatchObject({ ok: false, error: expect.stringContaining('is 1,200 characters long; the limit is') });
  });
});
