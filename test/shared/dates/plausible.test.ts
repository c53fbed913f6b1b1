import { describe, expect, it } from 'vitest';
import { dueDateBounds, implausibleDue } from '#shared/dates/plausible';

describe('plausible due dates (issue 15)', () => {
  it('reaches back to the track’s first meeting when that is more than a year back, and ten years ahead', () => {
    expect(dueDateBounds('2026-11-26', ['2026-01-10', '2025-09-30'])).toEqual({ earliest: '2025-09-30', earliestIs: 'meeting', latest: '2036-11-26' });
  });

  it('reaches back a year when the track has no meeting, or a more recent one', () => {
    expect(dueDateBounds('2026-11-26', [])).toEqual({ earliest: '2025-11-26', earliestIs: 'year', latest: '2036-11-26' });
    expect(dueDateBounds('2026-11-26', ['2026-06-01'])).toMatchObject({ earliest: '2025-11-26', earliestIs: 'year' });
  });

  it('refuses a date before the earliest or past the latest, saying both bounds', () => {
    const bounds = dueDateBounds('2026-11-26', ['2025-09-30']);
    expect(implausibleDue('2019-01-01', bounds)).toBe(
      'Tue 1 Jan 2019 is before Tue 30 Sep 2025, the track’s first meeting, so it cannot be a due date; a due date falls between Tue 30 Sep 2025 (the track’s first meeting) and Wed 26 Nov 2036 (10 years ahead). Nothing was changed.',
    );
    expect(implausibleDue('3000-01-01', bounds)).toMatch(/^Wed 1 Jan 3000 is more than 10 years ahead, so it cannot be a due date;/);
  });

  it('takes each bound itself and anything between', () => {
    const bounds = dueDateBounds('2026-11-26', ['2025-09-30']);
    for (const due of ['2025-09-30', '2026-11-26', '2030-01-01', '2036-11-26']) expect(implausibleDue(due, bounds)).toBeUndefined();
  });
});
