import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { InvalidInputError } from '#shared/errors';
import { parse } from '#shared/store/parse';

// Issue 23: no validator's own wording reaches a person.
const VALIDATOR_WORDING = /Too big|Too small|expected|array|Invalid|<=|>=/;

const Entry = z.object({
  title: z.string().min(1).max(5),
  owners: z.array(z.string()).max(2),
  changes: z.array(z.string()).min(1).max(3),
  kind: z.object({ due: z.iso.date() }),
  slug: z.string().regex(/^[a-z]+$/, 'must be lower-case letters, such as busan'),
  other: z.number().int(),
});
const good = { title: 'Talk', owners: [], changes: ['a'], kind: { due: '2026-03-31' }, slug: 'busan', other: 1 };

function refusal(value: unknown): InvalidInputError {
  try {
    parse(Entry, value);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
  }
  throw new Error('parse accepted the value');
}

describe('parse at the store boundary', () => {
  it('returns what parses', () => {
    expect(parse(Entry, good)).toEqual(good);
  });

  it.each([
    ['a list over its cap, with the count', { ...good, changes: ['a', 'b', 'c', 'd'] }, 'The list of changes can hold at most 3; this makes 4. Nothing was changed.', 'changes'],
    ['owners over their cap', { ...good, owners: ['a', 'b', 'c'] }, 'The list of owners can hold at most 2; this makes 3. Nothing was changed.', 'owners'],
    ['text over its length', { ...good, title: 'A long title' }, 'The title can be at most 5 characters long. Nothing was changed.', 'title'],
    ['an empty text', { ...good, title: '' }, 'The title cannot be empty. Nothing was changed.', 'title'],
    ['a date that is none', { ...good, kind: { due: '2026-02-30' } }, 'The due date must be a real date, such as 2026-03-31. Nothing was changed.', 'kind'],
    ['a schema’s own message', { ...good, slug: 'Busan!' }, 'The track name must be lower-case letters, such as busan. Nothing was changed.', 'slug'],
    ['a field people have no word for', { ...good, other: 1.5 }, 'A value cannot be saved as it is. Nothing was changed.', 'other'],
  ])('answers %s in a plain sentence naming the field', (_, value, message, field) => {
    const error = refusal(value);
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(VALIDATOR_WORDING);
    expect(error.field).toBe(field);
  });
});
