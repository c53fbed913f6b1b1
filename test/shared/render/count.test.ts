import { describe, expect, it } from 'vitest';
import { countOf, formatNumber, nounFor } from '#shared/render/count';

describe('counted words (issue 25)', () => {
  it('groups digits as en-US does', () => {
    expect([0, 999, 3900, 5029, 1234567].map(formatNumber)).toEqual(['0', '999', '3,900', '5,029', '1,234,567']);
  });

  it('takes the singular for exactly one and the plural otherwise', () => {
    expect([0, 1, 2, 3900].map((n) => countOf(n, 'ask'))).toEqual(['0 asks', '1 ask', '2 asks', '3,900 asks']);
  });

  it('takes an irregular plural in full', () => {
    const reply = { one: 'reply', other: 'replies' };
    expect([countOf(1, reply), countOf(2, reply), nounFor(1, 'owner'), nounFor(5, 'owner')]).toEqual(['1 reply', '2 replies', 'owner', 'owners']);
  });
});
