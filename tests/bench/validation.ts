/**
 * `npm run bench -- validation`: the global validation pipe per call on the hot request bodies and
 * queries, class-transformer + class-validator on every value (the path before issue 17) against the
 * validator compiled once per DTO, in alternating slices of one run. Uses the production build
 * (apps/api/dist), so the DTOs carry the decorator metadata tsc emits. Each side's wall time and CPU
 * time per call, and their ratios; the machine is shared, so the ratios are what to quote.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { ROOT, table } from './lib/common';

interface Case {
  name: string;
  metadata: ArgumentMetadata;
  value: unknown;
}

const SLICE_CALLS = Number(process.env['BENCH_VALIDATION_CALLS'] ?? 2000);
const ROUNDS = Number(process.env['BENCH_VALIDATION_ROUNDS'] ?? 10);

async function slice(pipe: PipeTransform, c: Case, calls: number): Promise<{ wallUs: number; cpuUs: number }> {
  // Each call gets its own copy (the full path deletes prototype keys in place), made before the clock starts.
  const raw = JSON.stringify(c.value);
  const copies = Array.from({ length: calls }, () => JSON.parse(raw) as unknown);
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const value of copies) await pipe.transform(value, c.metadata);
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wallUs: (wall * 1000) / calls, cpuUs: (used.user + used.system) / calls };
}

export async function runValidationBench(): Promise<void> {
  const dist = join(ROOT, 'apps/api/dist');
  if (!existsSync(join(dist, 'main.js'))) throw new Error('apps/api/dist/main.js is missing: run `NX_DAEMON=false npx nx build api` first.');
  const load = createRequire(join(dist, 'main.js'));
  const { createValidationPipe } = load('./common/errors/validation.js') as { createValidationPipe: (o: { compiled: boolean }) => PipeTransform };
  const { SaveAnswerDto } = load('./modules/attempts/dto/attempt.dto.js') as { SaveAnswerDto: new () => object };
  const { SubmitReviewDto } = load('./modules/drills/dto/drills.dto.js') as { SubmitReviewDto: new () => object };
  const { ListQuestionsQueryDto } = load('./modules/questions/dto/question.dto.js') as { ListQuestionsQueryDto: new () => object };
  const cases: Case[] = [
    {
      name: 'answer save body',
      metadata: { type: 'body', metatype: SaveAnswerDto },
      value: { response: { choice: 'b' }, timeSpentMs: 4200 },
    },
    {
      name: 'drill review submission body',
      metadata: { type: 'body', metatype: SubmitReviewDto },
      value: { reviewId: '3f1e4a52-1d7c-4c1e-9a55-0e7a1f2b3c4d', questionId: 'go-concurrency-channels-1', response: { choice: 'a' }, durationMs: 9000 },
    },
    {
      name: 'bank search query',
      metadata: { type: 'query', metatype: ListQuestionsQueryDto },
      value: { q: 'goroutine leak', page: '2', pageSize: '20' },
    },
    {
      name: 'answer save body, refused',
      metadata: { type: 'body', metatype: SaveAnswerDto },
      value: { response: { choice: 'b' }, timeSpentMs: -1 },
    },
  ];
  const full = createValidationPipe({ compiled: false });
  const compiled = createValidationPipe({ compiled: true });
  console.log(`${ROUNDS} rounds of ${SLICE_CALLS} calls per side and case, sides alternating; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const rows: Array<Record<string, string>> = [];
  for (const c of cases) {
    // Warm both (JIT, and the compiled side's one-time compilation).
    for (const pipe of [full, compiled]) await slice(pipe, c, 500).catch(() => undefined);
    const sums = { full: { wallUs: 0, cpuUs: 0 }, compiled: { wallUs: 0, cpuUs: 0 } };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['full', 'compiled'] as const) : (['compiled', 'full'] as const);
      for (const side of order) {
        const pipe = side === 'full' ? full : compiled;
        const s = await slice(
          { transform: (v: unknown, m: ArgumentMetadata) => (pipe.transform(v, m) as Promise<unknown>).catch(() => undefined) },
          c,
          SLICE_CALLS,
        );
        sums[side].wallUs += s.wallUs / ROUNDS;
        sums[side].cpuUs += s.cpuUs / ROUNDS;
      }
    }
    rows.push({
      case: c.name,
      'full µs/call': sums.full.wallUs.toFixed(1),
      'compiled µs/call': sums.compiled.wallUs.toFixed(1),
      'wall ratio': (sums.full.wallUs / sums.compiled.wallUs).toFixed(2),
      'full CPU µs/call': sums.full.cpuUs.toFixed(1),
      'compiled CPU µs/call': sums.compiled.cpuUs.toFixed(1),
      'CPU ratio': (sums.full.cpuUs / sums.compiled.cpuUs).toFixed(2),
    });
  }
  console.log(table(rows));
  console.log(`(load average now ${loadavg()[0]!.toFixed(1)})`);
}
