import fc from 'fast-check';
import { encodeUtf8, type JsonSchema, type Operation } from './world';

/** Strings that have broken web apps before: NUL, lone surrogates, RTL marks, SQL, paths, huge. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '😀👩‍👩‍👧',
  '\u202Eevil',
  '\uFEFF',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '\\',
  '../../../../etc/passwd',
  '%00',
  '%',
  '{{7*7}}${7*7}',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999',
  '__proto__',
  'constructor',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.uuid() },
);

/** For URLs: huge values are rarer (Node refuses request lines over 16 kB before the app sees them). */
const urlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 12, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 4, arbitrary: fc.uuid() },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, -0, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.EPSILON),
);

/** Nested arrays/objects up to 1 500 levels deep (the raw bodies go to 20 000). */
export const deepJson: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 1_500 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: nastyNumber },
);

function typed(schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyJson;
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => valueFor(v, depth + 1)));
  const enumValues = schema.enum?.length ? [fc.constantFrom(...schema.enum)] : [];
  switch (schema.type) {
    case 'string':
      return fc.oneof(...enumValues, nastyString, fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    case 'integer':
    case 'number':
      return fc.oneof(...enumValues, nastyNumber);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.oneof(fc.array(valueFor(schema.items, depth + 1), { maxLength: 6 }), fc.array(fc.constant(0), { minLength: 1_000, maxLength: 20_000 }));
    default:
      if (schema.properties) return objectFor(schema, depth + 1);
      return anyJson;
  }
}

/** A value shaped by the schema most of the time, and anything at all otherwise (wrong types). */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: typed(schema, depth) }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(null) });
}

/** The declared fields (each maybe absent), and sometimes a field nobody declared. */
export function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const known = fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, depth)])), { requiredKeys: [] });
  return fc.tuple(known, fc.option(fc.tuple(fc.constantFrom('isAdmin', 'role', '__proto__', 'constructor', 'id', 'zzz'), anyJson))).map(([obj, extra]) => {
    const out: Record<string, unknown> = { ...obj };
    // defineProperty: a plain assignment of "__proto__" would change the prototype instead of adding a key.
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
    return out;
  });
}

export type FuzzBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

const RAW_BODIES = ['{', '{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000', '{"a":"\\ud800"}', '{"a":1e999999}', '{"__proto__":{"admin":true}}', `${'['.repeat(20_000)}${']'.repeat(20_000)}`];

export function bodyFor(op: Operation): fc.Arbitrary<FuzzBody> {
  const schemaShaped = op.body ? objectFor(op.body) : fc.constant({});
  return fc.oneof(
    { weight: 6, arbitrary: schemaShaped.map((value): FuzzBody => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: anyJson.map((value): FuzzBody => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text): FuzzBody => ({ kind: 'raw', text })) },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
  );
}

/** Path values: real ids of the fixture (to reach the code behind the checks), random UUIDs, junk. */
export function pathValue(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: urlString.filter((s) => s.length > 0) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1.5', '2147483648', '9'.repeat(30), '00000000-0000-0000-0000-000000000000') },
  );
}

/** A query string for the declared parameters (each maybe absent, repeated or junk) plus unknown ones. */
export function queryFor(op: Operation): fc.Arbitrary<string> {
  const one = (schemaEnum: unknown[] | undefined) =>
    fc.oneof(
      ...(schemaEnum?.length ? [fc.constantFrom(...schemaEnum.map(String))] : []),
      urlString,
      nastyNumber.map(String),
    );
  const declared = op.queryParams.map((p) =>
    fc.option(fc.array(one(p.schema?.enum), { minLength: 1, maxLength: 3 }).map((values) => values.map((v) => `${encodeUtf8(p.name)}=${encodeUtf8(v)}`))),
  );
  const unknown = fc.option(fc.tuple(fc.constantFrom('zzz', 'page[size]', 'a[b][c]', '__proto__[x]', 'sort'), urlString).map(([k, v]) => [`${encodeUtf8(k)}=${encodeUtf8(v)}`]));
  return fc.tuple(...declared, unknown).map((parts) => parts.flatMap((p) => p ?? []).join('&'));
}
