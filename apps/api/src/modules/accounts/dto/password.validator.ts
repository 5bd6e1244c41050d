import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PROBLEM_MESSAGES, validatePassword } from '@goprep/domain';
import { registerDecorator, ValidationArguments } from 'class-validator';

/**
 * The shared password rule from libs/domain, so the web form and the API agree; documented in the
 * OpenAPI schema from the same constants (lengths count characters, as JSON Schema does).
 */
export function IsAcceptablePassword(): PropertyDecorator {
  const check = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validatePassword(value) === null,
        defaultMessage: (args: ValidationArguments) => {
          const problem = typeof args.value === 'string' ? validatePassword(args.value) : 'too-short';
          return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : 'invalid password';
        },
      },
    });
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'password',
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not one character repeated, not a commonly used password`,
    }),
    check,
  );
}
