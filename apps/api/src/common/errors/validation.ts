import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from './app-error';
import { ErrorCode } from './error-codes';
import { isOptionalBody } from '../http/optional-body';
import { type DtoClass, validateCompiled } from './compiled-validation';

/**
 * class-validator's IsOptional lets `null` through, but the OpenAPI document (built from the same
 * DTOs) types an optional field as absent-or-valid, never null, unless it says `nullable: true`.
 * The body's own fields that are null where the document does not allow it are refused here.
 */
function nullFieldsNotNullable(value: unknown, metatype: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof metatype !== 'function') return [];
  const prototype = (metatype as { prototype: object }).prototype;
  return Object.entries(value as Record<string, unknown>)
    .filter(([key, field]) => {
      if (field !== null) return false;
      const doc = Reflect.getMetadata('swagger/apiModelProperties', prototype, key) as { nullable?: boolean } | undefined;
      return doc !== undefined && doc.nullable !== true;
    })
    .map(([key]) => key);
}

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
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    /** false: class-transformer + class-validator on every value (the path before issue 17; the microbench's baseline). */
    private readonly compiled: boolean,
  ) {
    super(options);
  }

  /**
   * A body DTO is a required request body (the OpenAPI document says so): no body at all is a 400,
   * not an empty object whose fields all happen to be optional, unless the DTO is `@OptionalBody()`.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (value === undefined || value === null) && isOptionalBody(metadata.metatype)) {
      return this.checked({}, metadata);
    }
    if (metadata.type === 'body' && (value === undefined || value === null) && metadata.metatype && this.toValidate(metadata)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request needs a JSON body.');
    }
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      const nulls = nullFieldsNotNullable(value, metadata.metatype);
      if (nulls.length > 0) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          'The request has invalid fields.',
          nulls.map((field) => ({ field, message: `${field} must not be null (leave it out instead)` })),
        );
      }
    }
    return this.checked(value, metadata);
  }

  /**
   * The validator compiled once for the DTO class when it accepts the value (the same instance
   * class-transformer would build), else class-transformer + class-validator, which also build
   * every error response.
   */
  private async checked(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.compiled && (metadata.type === 'body' || metadata.type === 'query') && typeof metadata.metatype === 'function' && this.toValidate(metadata)) {
      const instance = validateCompiled(metadata.metatype as DtoClass, value);
      if (instance !== undefined) return instance;
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
export function createValidationPipe(opts: { compiled?: boolean } = {}): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', flatten(errors)),
  }, opts.compiled ?? true);
}
