import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { createValidationPipe } from './validation';
import { compileDto, type DtoClass, isCompiled, validateCompiled } from './compiled-validation';
import { SaveAnswerDto } from '../../modules/attempts/dto/attempt.dto';
import { SubmitReviewDto } from '../../modules/drills/dto/drills.dto';
import { AppError } from './app-error';

/** Every DTO class of the API: the exported classes of every `dto` folder that carry validation rules. */
function dtoClasses(): DtoClass[] {
  const found = new Set<DtoClass>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.dto\.ts$/.test(name)) {
        for (const value of Object.values(require(path) as Record<string, unknown>)) {
          if (typeof value === 'function' && getMetadataStorage().getTargetValidationMetadatas(value, '', false, false, undefined).length > 0) found.add(value as DtoClass);
        }
      }
    }
  };
  walk(join(__dirname, '..', '..'));
  return [...found];
}

/** A small deterministic generator (mulberry32), so a failure is reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values worth trying for a property: generic JSON values plus the ones its own constraints name. */
function candidates(cls: DtoClass, property: string): unknown[] {
  const own = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', false, false, undefined)
    .filter((m) => m.propertyName === property);
  const values: unknown[] = [
    null, true, false, 0, 1, -1, 7, 1.5, 2_147_483_647, 2_147_483_648, '', ' ', 'a', '  padded  ', 'x'.repeat(200), 'line\nbreak', 'bell\u0007', '7', 'abc',
    '3f1e4a52-1d7c-4c1e-9a55-0e7a1f2b3c4d', 'someone@example.com', ' Someone@Example.com ', '2026-12-06T10:00:00Z', 'https://example.com', 'go',
    [], ['a'], ['a', 'a'], [1, 2], ['example.com'], {}, { choice: 'b' }, { lines: [7] }, { text: '1\n2' }, { toString: 'x' }, { nested: { constructor: 1 } }, { 'a.go': 'package a\n' },
  ];
  for (const m of own) {
    for (const c of m.constraints ?? []) {
      if (Array.isArray(c)) values.push(...c, c.slice(0, 2));
      else if (typeof c === 'number') values.push(c, c - 1, c + 1, String(c));
      else if (typeof c === 'string') values.push(c);
    }
  }
  return values;
}

type Outcome = { ok: true; proto: unknown; value: string } | { ok: false; error: string };

/** A fresh copy per pipe (Nest's pipe deletes prototype keys in place), made in this realm (Jest's structuredClone is not). */
async function outcome(pipe: ReturnType<typeof createValidationPipe>, value: unknown, metadata: ArgumentMetadata): Promise<Outcome> {
  try {
    const out = (await pipe.transform(JSON.parse(JSON.stringify(value)), metadata)) as object;
    return { ok: true, proto: Object.getPrototypeOf(out), value: JSON.stringify(Object.entries(out)) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: JSON.stringify({ code: e.code, message: e.message, fields: e.fields }) };
    return { ok: false, error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

describe('validation compiled once per DTO', () => {
  const compiledPipe = createValidationPipe({ compiled: true });
  const fullPipe = createValidationPipe({ compiled: false });
  const classes = dtoClasses();

  it('should find the DTOs and compile most of them', () => {
    expect(classes.length).toBeGreaterThan(50);
    const compiled = classes.filter((c) => isCompiled(compileDto(c)));
    expect(compiled.length / classes.length).toBeGreaterThan(0.8);
    expect(isCompiled(compileDto(SaveAnswerDto))).toBe(true);
    expect(isCompiled(compileDto(SubmitReviewDto))).toBe(true);
  });

  it('should answer exactly as class-transformer + class-validator on random bodies and queries of every DTO', async () => {
    const random = rng(17);
    let accepted = 0;
    let fast = 0;
    let compared = 0;
    for (const cls of classes) {
      const properties = Object.keys(getMetadataStorage().groupByPropertyName(getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false, undefined)));
      const pools = new Map(properties.map((p) => [p, candidates(cls, p)]));
      for (let i = 0; i < 120; i++) {
        const body: Record<string, unknown> = {};
        for (const p of properties) {
          if (random() < 0.25) continue;
          const pool = pools.get(p)!;
          // Mostly the values the constraints name, so that many bodies are valid.
          const tail = pool.length - 41;
          body[p] = tail > 0 && random() < 0.6 ? pool[41 + Math.floor(random() * tail)] : pool[Math.floor(random() * pool.length)];
        }
        const extra = random();
        if (extra < 0.03) body['unknownField'] = 1;
        else if (extra < 0.05) body['toString'] = 'x';
        else if (extra < 0.06) body['constructor'] = 'x';
        for (const type of ['body', 'query'] as const) {
          const metadata: ArgumentMetadata = { type, metatype: cls, data: undefined };
          const expected = await outcome(fullPipe, body, metadata);
          const actual = await outcome(compiledPipe, body, metadata);
          compared += 1;
          if (actual.ok) accepted += 1;
          if (validateCompiled(cls, JSON.parse(JSON.stringify(body))) !== undefined) fast += 1;
          expect({ cls: cls.name, body, type, ...actual }).toEqual({ cls: cls.name, body, type, ...expected });
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    // The comparison means something only if many values are accepted.
    expect(accepted / compared).toBeGreaterThan(0.05);
    // ... and most of the accepted ones by the compiled validator (the rest: DTOs left to the full path).
    expect(fast / accepted).toBeGreaterThan(0.6);
  });

  it('should take the compiled path for the hot bodies and return the instance the full path builds', async () => {
    const save = { response: { choice: 'b' }, flagged: true, timeSpentMs: 1200, ifRevision: 3 };
    const fast = validateCompiled(SaveAnswerDto, save);
    expect(fast).toBeInstanceOf(SaveAnswerDto);
    expect(fast).toEqual(await fullPipe.transform(save, { type: 'body', metatype: SaveAnswerDto }));
    const review = { reviewId: '3f1e4a52-1d7c-4c1e-9a55-0e7a1f2b3c4d', questionId: 'go-maps-1', response: { choice: 'a' }, durationMs: 5000, rating: 'good' };
    expect(validateCompiled(SubmitReviewDto, review)).toBeInstanceOf(SubmitReviewDto);
    expect(validateCompiled(SaveAnswerDto, { response: { choice: 'b' }, extra: 1 })).toBeUndefined();
    expect(validateCompiled(SaveAnswerDto, { response: { choice: 'b' }, timeSpentMs: -1 })).toBeUndefined();
  });

  it('should keep the full path’s error body for a refused hot body', async () => {
    const metadata: ArgumentMetadata = { type: 'body', metatype: SubmitReviewDto };
    const body = { reviewId: 'nope', questionId: 'q', durationMs: 86_400_001, rating: 'meh', extra: true };
    expect(await outcome(compiledPipe, body, metadata)).toEqual(await outcome(fullPipe, body, metadata));
    const refused = await outcome(compiledPipe, body, metadata);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.error).toContain('VALIDATION_FAILED');
    expect(refused.ok === false && refused.error).toContain('property extra should not exist');
  });
});
