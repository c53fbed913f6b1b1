/** Every error the product knows about: `code` decides how it is shown, `message` is safe to show. */
export type ErrorCode =
  | 'not-found'
  | 'already-exists'
  | 'conflict'
  | 'invalid-input'
  | 'forbidden'
  | 'config'
  | 'slack';

/** A message of the catalogs (`shared/i18n`) by key, with what fills its placeholders: how an answer is said in the person's language. */
export interface Say {
  key: string;
  values?: SayValues;
}

/** What fills a refusal's placeholders: people's text and ids, counts, and days (`{ date }`, `{ dates }`), which each language writes its own way. */
export type SayValues = Readonly<Record<string, string | number | { date: string } | { dates: readonly string[] }>>;

/**
 * `field` names the input the error is about (e.g. `timeZone`), so a form can show it there;
 * `say` is the message's key in the catalogs, the message itself being its English text.
 */
export interface AppErrorOptions {
  cause?: unknown;
  field?: string;
  say?: Say;
  /** An invalid input's hint by its key in the catalogs, the hint itself being its English text. */
  hintSay?: Say;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly say: Say | undefined;

  constructor(code: ErrorCode, message: string, options?: AppErrorOptions) {
    super(message, options);
    this.code = code;
    this.field = options?.field;
    this.say = options?.say;
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('not-found', message, options);
  }
}

/** A track slug that names no track in this workspace. */
export class TrackNotFoundError extends NotFoundError {
  readonly slug: string;

  constructor(slug: string, options?: AppErrorOptions) {
    super(`There is no track called ${slug}.`, { say: { key: 'track.notFound', values: { track: slug } }, ...options });
    this.slug = slug;
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('already-exists', message, options);
  }
}

/** Someone else changed the item since it was read: the write was refused, nothing changed. */
export class ConflictError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('conflict', message, options);
  }
}

/** Input that cannot be used; `hint` shows the right form. */
export class InvalidInputError extends AppError {
  readonly hint: string | undefined;
  readonly hintSay: Say | undefined;

  constructor(message: string, hint?: string, options?: AppErrorOptions) {
    super('invalid-input', message, options);
    this.hint = hint;
    this.hintSay = options?.hintSay;
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('forbidden', message, options);
  }
}

export class ConfigError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('config', message, options);
  }
}
