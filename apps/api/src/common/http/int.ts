import { applyDecorators, createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { ApiParam, ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

/** Postgres `integer`: every integer the API takes is bounded by it (or a narrower domain range). */
export const INT32_MAX = 2_147_483_647;

export interface IntRange {
  /** Default 0. */
  min?: number;
  /** Default INT32_MAX. */
  max?: number;
}

function bounds(range: IntRange): { min: number; max: number } {
  const min = range.min ?? 0;
  const max = range.max ?? INT32_MAX;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max || max > INT32_MAX) {
    throw new Error(`bad integer range ${min}..${max}`);
  }
  return { min, max };
}

/** Plain decimal digits only: "1.5", "1e3", "0x10", " 7" and "" are not integers here. */
const DIGITS = /^-?\d{1,16}$/;

/** Refuses anything but a decimal integer within `min..max` with 400 VALIDATION_FAILED. */
export class BoundedIntPipe implements PipeTransform<unknown, number> {
  constructor(
    private readonly name: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: unknown): number {
    const n = typeof value === 'string' && DIGITS.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < this.min || n > this.max) {
      const message = `${this.name} must be an integer from ${this.min} to ${this.max}`;
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields.', [{ field: this.name, message }]);
    }
    return n;
  }
}

/**
 * The raw path value. A custom decorator, so the global ValidationPipe does not first turn the string
 * into a number (which would let "0x10", " 7" and "1e3" through as 16, 7 and 1000).
 */
const RawPathParam = createParamDecorator((name: string, ctx: ExecutionContext): unknown => ctx.switchToHttp().getRequest<Request>().params[name]);

/**
 * An integer path parameter: `@IntParam('position', { min: 1 }) position: number`. Bounded, a 400
 * otherwise, and documented as `integer` with its minimum and maximum.
 */
export function IntParam(name: string, range: IntRange = {}): ParameterDecorator {
  const { min, max } = bounds(range);
  return (target, key, index) => {
    RawPathParam(name, new BoundedIntPipe(name, min, max))(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiParam({ name, required: true, schema: { type: 'integer', minimum: min, maximum: max } })(target, key, descriptor);
  };
}

export interface BoundedIntOptions extends IntRange {
  /** May be absent (undefined; null is refused). */
  optional?: boolean;
  /** Required only under a condition the caller states with ValidateIf: documented as optional. */
  conditional?: boolean;
  description?: string;
  default?: number;
  /** A query string value: a decimal string is turned into a number first (anything else fails IsInt). */
  query?: boolean;
}

/**
 * An integer DTO field (body or query): `integer` with minimum/maximum in the OpenAPI document and
 * IsInt + Min + Max in validation, from one declaration, so the two cannot drift.
 */
export function BoundedInt(opts: BoundedIntOptions = {}): PropertyDecorator {
  const { min, max } = bounds(opts);
  const doc: ApiPropertyOptions = {
    type: 'integer',
    minimum: min,
    maximum: max,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.default !== undefined ? { default: opts.default } : {}),
  };
  const message = `$property must be an integer from ${min} to ${max}`;
  const decorators: PropertyDecorator[] = [
    opts.optional || opts.conditional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ];
  // Optional means absent, not null: the document types the field as an integer (not nullable).
  if (opts.optional) decorators.unshift(ValidateIf((_object: object, value: unknown) => value !== undefined));
  if (opts.query) decorators.unshift(Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DIGITS.test(value) ? Number(value) : value)));
  return applyDecorators(...decorators);
}
