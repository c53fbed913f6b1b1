import { beforeAll, describe, expect, it } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { VIEW_IDS } from '#shared/slack-app/definitions';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { interactionEvent, viewSubmission } from '#local/slack-request';

const harness = useSlackHandler();
const TEAM = 'T0FORMS';

beforeAll(async () => {
  await seedBusan(harness.store(), TEAM, new Date('2026-03-01T00:00:00Z'));
});

function addTrack(fields: { slug: string; prefix?: string; timeZone?: string }) {
  const input = (value: string | null) => ({ type: 'plain_text_input', value });
  return viewSubmission(TEAM, VIEW_IDS.addTrack, '{}', {
    slug: { slug: input(fields.slug) },
    title: { title: input('Japan–Korea again') },
    parties: { parties: input('JP, KR') },
    time_zone: { time_zone: input(fields.timeZone ?? 'Asia/Tokyo') },
    prefix: { prefix: input(fields.prefix ?? null) },
  });
}

describe('modal form errors (issue 11)', () => {
  it('shows a taken id prefix beside the prefix field, by the field the error names', async () => {
    const result = await harness.send(interactionEvent(addTrack({ slug: 'japan-korea-2', prefix: 'JK' })));
    expect(result.json()).toEqual({ response_action: 'errors', errors: { prefix: 'The id prefix JK is not available; choose another, or leave prefix out and one is chosen for you.' } });
  });

  it('shows a taken slug beside the slug field', async () => {
    const result = await harness.send(interactionEvent(addTrack({ slug: 'japan-korea', prefix: 'JKX' })));
    expect(result.json()).toEqual({ response_action: 'errors', errors: { slug: 'japan-korea is not available as a slug; choose another.' } });
  });

  it('shows a prefix that is not 1–6 capital letters beside the prefix field', async () => {
    const result = await harness.send(interactionEvent(addTrack({ slug: 'korea-us', prefix: 'k1' })));
    expect(Object.keys((result.json() as { errors: Record<string, string> }).errors)).toEqual(['prefix']);
  });

  it('shows a taken slug beside the slug field even when its text reads like another field', async () => {
    expect((await harness.send(interactionEvent(addTrack({ slug: 'party-talks', prefix: 'PT' })))).body).toBe('');
    const again = await harness.send(interactionEvent(addTrack({ slug: 'party-talks', prefix: 'PTX' })));
    expect(again.json()).toEqual({ response_action: 'errors', errors: { slug: 'party-talks is not available as a slug; choose another.' } });
  });
});
