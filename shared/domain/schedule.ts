import * as z from 'zod';
import { LocalDateSchema } from '#shared/domain/schemas';

/**
 * When a subscription's digest goes out: wall-clock times in a time zone, so "Mondays 09:00
 * America/New_York" stays at 09:00 local across daylight-saving changes.
 */

const LocalTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a 24-hour time such as 09:00');

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
const IsoDaySchema = z.number().int().min(1).max(7);

export const ScheduleSchema = z.discriminatedUnion('type', [
  /** On the given weekdays (all seven for "daily"). */
  z.object({
    type: z.literal('weekly'),
    days: z.array(IsoDaySchema).min(1).max(7),
    at: LocalTimeSchema,
  }),
  /** Every `everyDays` days counted from the local date `from` (the day it was set up). */
  z.object({
    type: z.literal('interval'),
    everyDays: z.number().int().min(2).max(365),
    from: LocalDateSchema,
    at: LocalTimeSchema,
  }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;
