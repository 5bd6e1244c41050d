import { PASSWORD_PROBLEM_MESSAGES, validatePassword } from '@goprep/domain';
import { registerDecorator, ValidationArguments } from 'class-validator';

/** The shared password rule from libs/domain, so the web form and the API agree. */
export function IsAcceptablePassword() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validatePassword(value) === null,
        defaultMessage: (args: ValidationArguments) => {
          const problem = typeof args.value === 'string' ? validatePassword(args.value) : 'too-short';
          return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : 'invalid password';
        },
      },
    });
}
