/** Every error the product knows about: `code` decides how it is shown, `message` is safe to show. */
export type ErrorCode =
  | 'not-found'
  | 'already-exists'
  | 'conflict'
  | 'invalid-input'
  | 'forbidden'
  | 'config'
  | 'slack';

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('not-found', message, options);
  }
}

/** A track slug that names no track in this workspace. */
export class TrackNotFoundError extends NotFoundError {
  readonly slug: string;

  constructor(slug: string, options?: { cause?: unknown }) {
    super(`There is no track called ${slug}.`, options);
    this.slug = slug;
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('already-exists', message, options);
  }
}

/** Someone else changed the item since it was read: the write was refused, nothing changed. */
export class ConflictError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('conflict', message, options);
  }
}

/** Input that cannot be used; `hint` shows the right form. */
export class InvalidInputError extends AppError {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('invalid-input', message, options);
    this.hint = hint;
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('forbidden', message, options);
  }
}

export class ConfigError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}
