import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

/** A path id that is not a UUID cannot name anything: answer 404, as for an unknown id. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.NOT_FOUND, 'Nothing has that id.'),
});
