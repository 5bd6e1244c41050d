import { ErrorCode } from './error-codes';

export interface FieldError {
  field: string;
  message: string;
}

/** The one exception type services throw; the global filter turns it into `{ code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
