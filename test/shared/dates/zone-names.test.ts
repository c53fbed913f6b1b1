import { describe, expect, it } from 'vitest';
import { readZoneName } from '#shared/dates/zone-names';

describe('readZoneName', () => {
  // ICU resolves each of these to its legacy alias (Europe/Kiev, Asia/Calcutta, …); "Kiev" is not a name to show a diplomat.
  it.each(['Europe/Kyiv', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'America/Nuuk'])('keeps %s as typed, not under ICU’s legacy name', (zone) => {
    expect(readZoneName(zone)).toBe(zone);
  });

  it.each([
    ['asia/tokyo', 'Asia/Tokyo'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['utc', 'UTC'],
    ['etc/gmt+5', 'Etc/GMT+5'],
    ['Europe/Kiev', 'Europe/Kiev'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['ASIA/HO_CHI_MINH', 'Asia/Ho_Chi_Minh'],
  ])('fixes only the letter case of %s', (typed, zone) => {
    expect(readZoneName(typed)).toBe(zone);
  });

  it('keeps an alias outside the geographic areas as typed in mixed case, and else gives the zone ICU names, not a guessed spelling', () => {
    expect([readZoneName('US/Pacific'), readZoneName('us/pacific'), readZoneName('etc/utc')]).toEqual(['US/Pacific', 'America/Los_Angeles', 'UTC']);
  });

  it('reads a name that is no IANA zone but one ICU knows as the zone ICU gives it', () => {
    expect([readZoneName('JST'), readZoneName('GMT')]).toEqual(['Asia/Tokyo', 'UTC']);
  });

  it.each(['Mars/Olympus', 'Asia/Tokio', 'KST', '', 'tokyo'])('reads %j as no zone', (typed) => {
    expect(readZoneName(typed)).toBeUndefined();
  });
});
