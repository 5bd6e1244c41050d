import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from './app-error';
import { ErrorCode } from './error-codes';
import { isOptionalBody } from '../http/optional-body';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * A validator that throws instead of answering is refusing the value: class-validator's
 * `IsNumber({ maxDecimalPlaces })` threw a TypeError on 5e-323 and `IsEmail` a URIError on a lone
 * surrogate, which were 500s. Those become 400 VALIDATION_FAILED.
 */
class SafeValidationPipe extends ValidationPipe {
  /**
   * A body DTO is a required request body (the OpenAPI document says so): no body at all is a 400,
   * not an empty object whose fields all happen to be optional, unless the DTO is `@OptionalBody()`.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === undefined || value === null) && isOptionalBody(metadata.metatype)) {
      return super.transform({}, metadata);
    }
    if (metadata.type === 'body' && (value === undefined || value === null) && metadata.metatype && this.toValidate(metadata)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request needs a JSON body.');
    }
    return super.transform(value, metadata);
  }

  protected override async validate(...args: Parameters<ValidationPipe['validate']>): Promise<ValidationError[]> {
    try {
      return await super.validate(...args);
    } catch (e) {
      if (e instanceof TypeError || e instanceof RangeError || e instanceof URIError) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has a value that cannot be checked.');
      }
      throw e;
    }
  }
}

/** Input validation at the edge: unknown fields are refused, values transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', flatten(errors)),
  });
}
