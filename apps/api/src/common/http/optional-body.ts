import 'reflect-metadata';

const OPTIONAL_BODY = Symbol('goprep:optional-body');

/**
 * Marks a body DTO whose every field is optional and whose whole body may be left out (a start
 * with no choices to make). The validation pipe then treats a missing body as `{}` instead of
 * refusing it; pair it with `@ApiBody({ type, required: false })` so the document says the same.
 */
export function OptionalBody(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(OPTIONAL_BODY, true, target);
  };
}

export function isOptionalBody(metatype: unknown): boolean {
  return typeof metatype === 'function' && Reflect.getMetadata(OPTIONAL_BODY, metatype) === true;
}
