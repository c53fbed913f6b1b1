import type * as z from 'zod';
import { InvalidInputError } from '#shared/errors';

/** Parses what crosses the store boundary; a failure names the field and why. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'value';
  const top = issue?.path[0];
  throw new InvalidInputError(`${field} ${issue?.message ?? 'is not valid'}.`, undefined, typeof top === 'string' ? { field: top } : undefined);
}
