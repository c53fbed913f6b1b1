import type { Kind } from '#shared/domain/schemas';

/** An `ongoing` item given no interval goes quiet after this many days without an update. */
export const DEFAULT_UPDATE_EVERY_DAYS = 30;

type Recurring = Extract<Kind, { type: 'recurring' }>;

/** A kind before it is stored: a recurring item has logged no occurrences yet. */
export type KindDraft = Exclude<Kind, Recurring> | Omit<Recurring, 'occurrences'>;

/** A kind a person names (`recurring`, `ongoing`); a one-off is the default and takes its due date apart. */
export type NamedKind = Exclude<KindDraft, { type: 'one-off' }>;

/**
 * Whether an item of this kind (its `type`, as stored or as a form sent it) may have a due date:
 * only a one-off does, as recurring items log occurrences and ongoing ones updates instead.
 */
export function takesDueDate(type: string): boolean {
  return type === 'one-off';
}
