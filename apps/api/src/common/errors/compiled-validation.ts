import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { TransformationType, type TransformFnParams } from 'class-transformer';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import type { ClassTransformOptions } from 'class-transformer/types/interfaces';

// class-transformer keeps its metadata storage and its default options out of its index; both are
// what plainToInstance itself reads (the package has no "exports" map, so the paths resolve).
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage };
const { defaultOptions: transformerDefaults } = require('class-transformer/cjs/constants/default-options.constant') as { defaultOptions: ClassTransformOptions };

/**
 * Validation compiled once per DTO class (issue 17). The global pipe used to run class-transformer
 * and class-validator on every body and query: class-validator looks up, filters and groups the
 * class's metadata and builds an error object per property on each call, class-transformer walks
 * its metadata for every key. Here that work is done once per class: the checks of each property
 * (the same constraint instances class-validator calls, in the same order, with the same
 * arguments) are kept in a list, and the instance is built by copying the keys and applying the
 * class's @Transform functions.
 *
 * It only answers "valid, and here is the instance". Whenever it cannot be sure it would answer
 * exactly as class-transformer + class-validator would (a value it does not handle, a check that
 * fails, throws or answers asynchronously, a class it cannot compile), it answers `undefined` and
 * the pipe runs the full class-transformer + class-validator path, which builds the error response
 * as before. So every refusal and every message is the old path's, and an accepted value gets the
 * same instance the old path would build.
 */

interface CompiledCheck {
  validate: (value: unknown, args: ValidationArguments) => unknown;
  constraints: unknown[];
  each: boolean;
  validateIf?: (object: object, value: unknown) => boolean;
}

interface CompiledProperty {
  name: string;
  /** ValidateIf and IsOptional: all must hold for the property to be checked. */
  conditions: ((object: object, value: unknown) => boolean)[];
  /** IsDefined checks (run even when skipping missing properties). */
  defined: CompiledCheck[];
  checks: CompiledCheck[];
}

interface TransformStep {
  transformFn: (params: TransformFnParams) => unknown;
}

export interface CompiledDto {
  target: DtoClass;
  /** Properties with any validation metadata: the others are refused by `whitelist` + `forbidNonWhitelisted`. */
  allowed: Set<string>;
  properties: CompiledProperty[];
  /** @Transform functions per key, applied as class-transformer does when turning plain into class. */
  transforms: Map<string, TransformStep[]>;
}

/** Why a class is left to class-transformer + class-validator (for the documentation and tests). */
export type NotCompiled = { reason: string };

/** A DTO class (class-transformer builds it with no arguments). */
export type DtoClass = new () => object;

const cache = new Map<DtoClass, CompiledDto | NotCompiled>();

const TRANSFORM_OPTIONS = Object.freeze({ ...transformerDefaults });

function compileChecks(metadatas: ValidationMetadata[]): CompiledCheck[] | NotCompiled {
  const storage = getMetadataStorage();
  const checks: CompiledCheck[] = [];
  for (const m of metadatas) {
    for (const constraint of storage.getTargetValidatorConstraints(m.constraintCls)) {
      if (constraint.async) return { reason: `asynchronous constraint on ${m.propertyName}` };
      const instance = constraint.instance as { validate: CompiledCheck['validate'] };
      checks.push({
        validate: instance.validate.bind(instance),
        constraints: m.constraints,
        each: m.each === true,
        validateIf: (m as ValidationMetadata & { validateIf?: CompiledCheck['validateIf'] }).validateIf,
      });
    }
  }
  return checks;
}

function hasTransformerShape(target: DtoClass, keys: string[]): string | undefined {
  const storage = defaultMetadataStorage;
  if (storage.getStrategy(target) !== 'none') return 'class-level @Expose/@Exclude';
  if (storage.getExposedMetadatas(target).length > 0) return '@Expose';
  if (storage.getExcludedMetadatas(target).length > 0) return '@Exclude';
  for (const key of keys) {
    if (storage.findTypeMetadata(target, key)) return `@Type on ${key}`;
  }
  return undefined;
}

export function compileDto(target: DtoClass): CompiledDto | NotCompiled {
  const known = cache.get(target);
  if (known) return known;
  const compiled = build(target);
  cache.set(target, compiled);
  return compiled;
}

function build(target: DtoClass): CompiledDto | NotCompiled {
  const storage = getMetadataStorage();
  // The same query class-validator makes per call (no groups, not `always`, not strict).
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
  if (metadatas.length === 0) return { reason: 'no validation metadata (forbidUnknownValues refuses it)' };
  const grouped = storage.groupByPropertyName(metadatas);
  const keys = Object.keys(grouped);
  const shape = hasTransformerShape(target, keys);
  if (shape) return { reason: shape };
  const properties: CompiledProperty[] = [];
  for (const name of keys) {
    const own = grouped[name] ?? [];
    if (own.some((m) => m.type === ValidationTypes.NESTED_VALIDATION || m.type === ValidationTypes.PROMISE_VALIDATION)) {
      return { reason: `nested validation on ${name}` };
    }
    if (own.some((m) => m.type !== ValidationTypes.CUSTOM_VALIDATION && m.type !== ValidationTypes.CONDITIONAL_VALIDATION && m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST)) {
      return { reason: `unhandled validation type on ${name}` };
    }
    const defined = compileChecks(own.filter((m) => m.type === ValidationTypes.IS_DEFINED));
    const checks = compileChecks(own.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION));
    if (!Array.isArray(defined)) return defined;
    if (!Array.isArray(checks)) return checks;
    properties.push({
      name,
      conditions: own.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as (object: object, value: unknown) => boolean),
      defined,
      checks,
    });
  }
  const transforms = new Map<string, TransformStep[]>();
  for (const key of keys) {
    // class-transformer applies the ones without groups when no groups are asked for.
    const steps = defaultMetadataStorage
      .findTransformMetadatas(target, key, TransformationType.PLAIN_TO_CLASS)
      .filter((m) => !m.options || !m.options.groups || m.options.groups.length === 0);
    if (steps.some((m) => m.options && (m.options.since !== undefined || m.options.until !== undefined))) return { reason: `versioned @Transform on ${key}` };
    if (steps.length > 0) transforms.set(key, steps.map((m) => ({ transformFn: m.transformFn })));
  }
  return { target, allowed: new Set(keys), properties, transforms };
}

export function isCompiled(c: CompiledDto | NotCompiled): c is CompiledDto {
  return 'target' in c;
}

/**
 * A value made of JSON's types only, with plain objects and dense arrays, and no key that
 * class-transformer skips (an Object.prototype member such as `toString`) or Nest's pipe deletes
 * (`__proto__`, `prototype`, `constructor`): for such a value class-transformer's copy of a nested
 * object or array has the same content as the value itself.
 */
function plainJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return true;
  if (typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !plainJson(value[i], depth + 1)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype || key === 'prototype') return false;
    if (!plainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function runCheck(check: CompiledCheck, object: object, name: string, value: unknown, targetName: string): boolean {
  if (check.validateIf && !check.validateIf(object, value)) return true;
  const args: ValidationArguments = { targetName, property: name, object, value, constraints: check.constraints };
  if (check.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
    for (const item of Array.isArray(value) ? value : Array.from((value as Set<unknown> | Map<unknown, unknown>).values())) {
      const ok = check.validate(item, args);
      if (!ok || typeof (ok as { then?: unknown }).then === 'function') return false;
    }
    return true;
  }
  const ok = check.validate(value, args);
  // A promise is not an answer here: the full path awaits it.
  return !!ok && typeof (ok as { then?: unknown }).then !== 'function';
}

/**
 * The instance class-transformer would build from `value` if class-validator then finds nothing
 * wrong with it; `undefined` when the full path has to decide (invalid, or not a case handled here).
 */
export function validateCompiled(target: DtoClass, value: unknown): object | undefined {
  const compiled = compileDto(target);
  if (!isCompiled(compiled)) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  const instance = new compiled.target() as Record<string, unknown>;
  for (const key of keys) {
    // Unknown properties are refused (the full path says which); keys class-transformer skips or Nest strips go there too.
    if (!compiled.allowed.has(key)) return undefined;
    if (key === 'prototype' || key === 'constructor' || key === '__proto__' || (key in instance && !Object.prototype.hasOwnProperty.call(instance, key))) return undefined;
    if (typeof instance[key] === 'function') return undefined;
    let field = source[key];
    if (!plainJson(field, 0)) return undefined;
    const steps = compiled.transforms.get(key);
    if (steps) {
      for (const step of steps) field = step.transformFn({ value: field, key, obj: source, type: TransformationType.PLAIN_TO_CLASS, options: TRANSFORM_OPTIONS });
    }
    instance[key] = field;
  }
  // Properties an initializer set that are not validated would be refused by the whitelist.
  for (const key of Object.keys(instance)) {
    if (!compiled.allowed.has(key)) return undefined;
  }
  const targetName = compiled.target.name;
  try {
    for (const property of compiled.properties) {
      const field = instance[property.name];
      let applies = true;
      for (const condition of property.conditions) applies = condition(instance, field) && applies;
      if (!applies) continue;
      for (const check of property.defined) if (!runCheck(check, instance, property.name, field, targetName)) return undefined;
      for (const check of property.checks) if (!runCheck(check, instance, property.name, field, targetName)) return undefined;
    }
  } catch {
    // A check that throws is the full path's to turn into VALIDATION_FAILED.
    return undefined;
  }
  return instance;
}
