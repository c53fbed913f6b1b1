import type * as z from 'zod';
import { InvalidInputError } from '#shared/errors';
import { formatNumber } from '#shared/render/count';

/** Parses what crosses the store boundary; a failure names the field and why, in a plain sentence. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const top = issue?.path[0];
  throw new InvalidInputError(plainIssue(issue, value), undefined, typeof top === 'string' ? { field: top } : undefined);
}

/** What a stored title shows when it reads as empty today: one typed before invisible marks were stripped. */
export const EMPTIED_TITLE = '(untitled)';

/**
 * Parses a record read back from the table. A title stored before the schemas stripped invisible
 * marks (one of U+200B alone, say) reads as empty now: it shows as {@link EMPTIED_TITLE}, so it can
 * be edited, instead of failing every read of its track. Anything else wrong fails as `parse` does.
 */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const emptiedTitle = (issue: z.core.$ZodIssue) => issue.code === 'too_small' && issue.origin === 'string' && issue.path.length === 1 && issue.path[0] === 'title';
  if (value && typeof value === 'object' && result.error.issues.every(emptiedTitle)) return parse(schema, { ...value, title: EMPTIED_TITLE });
  return parse(schema, value);
}

/** What people call the fields a store check can refuse; anything else is "a value". */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'the title',
  detail: 'the detail',
  owners: 'the list of owners',
  parties: 'the list of parties',
  proposals: 'the list of follow-ups',
  changes: 'the list of changes',
  members: 'the list of members',
  channels: 'the list of linked channels',
  notes: 'the list of notes',
  note: 'the note',
  text: 'the text',
  reason: 'the reason',
  source: 'the source',
  kind: 'the kind of item',
  due: 'the due date',
  date: 'the date',
  slug: 'the track name',
  timeZone: 'the time zone',
  prefix: 'the id prefix',
};

/**
 * A validator's issue as a person reads it: what is wrong with which field and the limit, never
 * the validator's own words. A schema's own message ("must be …") is kept, as it was written for people.
 */
export function plainIssue(issue: z.core.$ZodIssue | undefined, value: unknown): string {
  // The deepest field people have a word for: `kind.due` is the due date.
  const named = issue?.path.filter((key): key is string => typeof key === 'string' && FIELD_WORDS[key] !== undefined).at(-1);
  const what = (named && FIELD_WORDS[named]) || 'a value';
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  if (!issue) return `${What} cannot be saved as it is. Nothing was changed.`;
  if (issue.message.startsWith('must ')) return `${What} ${issue.message}. Nothing was changed.`;
  if (issue.code === 'too_big' && issue.origin === 'array') {
    const count = lengthAt(value, issue.path);
    return `${What} can hold at most ${String(issue.maximum)}${count === undefined ? '' : `; this makes ${count}`}. Nothing was changed.`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'date') return `${What} must be a real date, such as 2026-03-31. Nothing was changed.`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `${What} can be at most ${formatNumber(Number(issue.maximum))} characters long. Nothing was changed.`;
  if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) <= 1) return `${What} cannot be empty. Nothing was changed.`;
  return `${What} cannot be saved as it is. Nothing was changed.`;
}

/** How long the list at `path` of `value` is, when there is one. */
function lengthAt(value: unknown, path: readonly PropertyKey[]): number | undefined {
  let at: unknown = value;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return Array.isArray(at) ? at.length : undefined;
}
