import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from './app-error';
import { ErrorCode } from './error-codes';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Input validation at the edge: unknown fields are refused, values transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', flatten(errors)),
  });
}
