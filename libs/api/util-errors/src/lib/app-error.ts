/** An error the API answers as `{ code, message }` with `status`; anything else becomes a 500. */
export class AppError extends Error {
  constructor(
    /** HTTP status to answer with. */
    readonly status: number,
    /** Stable machine-readable code. */
    readonly code: string,
    message: string,
    /** Per-field messages for invalid input. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; the message says which. */
export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super(400, 'validation_failed', message, fields);
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** The change collides with the current state (a duplicate, or a stale version). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** No valid session. */
export class UnauthenticatedError extends AppError {
  constructor(message = '请先登录 / Please sign in') {
    super(401, 'unauthenticated', message);
  }
}

/** Signed in, but the role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message = '没有权限 / Not allowed for your role') {
    super(403, 'forbidden', message);
  }
}
