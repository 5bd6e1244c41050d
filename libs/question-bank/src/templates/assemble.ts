import { drawFromPools, summarizeSet, type PoolDraw, type SetSummary } from '@goprep/domain';
import type { BankQuestion } from '../model';
import type { RoleTemplate, TemplatePool } from './model';
import { TEMPLATE_LEVELS, type TemplateLevelId } from './schema';

/** One role x level drawn from a bank: what the `templates` command prints. */
export interface TemplateLevelCheck {
  template: RoleTemplate;
  level: TemplateLevelId;
  wanted: number;
  timeLimitSeconds: number;
  draw: PoolDraw<BankQuestion>;
  summary: SetSummary;
  /** Pools that cannot be filled from this bank (the same for every seed: the draw is a maximum matching). */
  short: { pool: TemplatePool; wanted: number; drawn: number; eligible: number }[];
}

export function assembleTemplateLevel(template: RoleTemplate, level: TemplateLevelId, questions: readonly BankQuestion[], seed: number): TemplateLevelCheck {
  const { pools, timeLimitMinutes } = template.levels[level];
  const draw = drawFromPools(pools, questions, seed);
  return {
    template,
    level,
    wanted: pools.reduce((sum, pool) => sum + pool.count, 0),
    timeLimitSeconds: timeLimitMinutes * 60,
    draw,
    summary: summarizeSet(draw.items),
    short: draw.shortfalls.flatMap(({ pool, wanted, drawn, eligible }) => {
      const source = pools[pool];
      return source ? [{ pool: source, wanted, drawn, eligible }] : [];
    }),
  };
}

/** Every template at every level, in file order then junior, senior, staff. */
export function assembleTemplates(templates: readonly RoleTemplate[], questions: readonly BankQuestion[], seed: number): TemplateLevelCheck[] {
  return templates.flatMap((template) => TEMPLATE_LEVELS.map((level) => assembleTemplateLevel(template, level, questions, seed)));
}

const minutes = (seconds: number): string => `${(seconds / 60).toFixed(1)} min`;

function describePool(pool: TemplatePool): string {
  const [min, max] = pool.difficulty;
  const parts = [pool.topic, min === max ? `difficulty ${min}` : `difficulty ${min}-${max}`];
  if (pool.types.length <= 3) parts.push(`types ${pool.types.join('/')}`);
  if (pool.excludeTags.length > 0) parts.push(`without ${pool.excludeTags.join('/')}`);
  return parts.join(', ');
}

/** Human-readable lines for one role x level. */
export function formatTemplateLevelCheck(check: TemplateLevelCheck): string[] {
  const { template, level, summary } = check;
  const status = check.short.length > 0 ? 'SHORT' : 'ok';
  const lines = [
    `${status} ${template.id}/${level} (${template.title}): ${summary.questions} of ${check.wanted} questions, ` +
      `expected ${minutes(summary.expectedSeconds)} of ${minutes(check.timeLimitSeconds)} limit`,
    `  difficulty ${Object.entries(summary.byDifficulty).map(([difficulty, count]) => `d${difficulty} ${count}`).join(', ') || '-'}`,
    `  topics     ${summary.byTopic.map(([topic, count]) => `${topic} ${count}`).join(', ') || '-'}`,
    `  types      ${summary.byType.map(([type, count]) => `${type} ${count}`).join(', ') || '-'}`,
  ];
  if (summary.expectedSeconds > check.timeLimitSeconds) lines.push('  warning: the drawn set is expected to take longer than the time limit');
  for (const short of check.short) {
    lines.push(
      `  ${template.sourcePath}:${short.pool.line}: cannot fill ${describePool(short.pool)}: ${short.drawn} of ${short.wanted} drawn, ` +
        `${short.eligible} eligible${short.eligible >= short.wanted ? ' (shared with other pools of this level)' : ''}`,
    );
  }
  return lines;
}
