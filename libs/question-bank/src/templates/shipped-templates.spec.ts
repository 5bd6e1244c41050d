import { loadTemplates } from './load-templates';
import type { TemplateLevel } from './model';

/*
 * The templates in libs/question-bank/templates: valid, and shaped as issue 4 asks (difficulty
 * mix and length differ by level). Whether the current bank can fill them is the job of
 * `npm run bank -- templates`, not of a unit test: the bank is still being written.
 */

const { templates, problems } = loadTemplates();
const total = (level: TemplateLevel): number => level.pools.reduce((sum, pool) => sum + pool.count, 0);
const codeCount = (level: TemplateLevel): number =>
  level.pools.filter((pool) => pool.types.every((type) => type === 'code-output' || type === 'code-lines')).reduce((sum, pool) => sum + pool.count, 0);
const tasks = (level: TemplateLevel): number => level.pools.filter((pool) => pool.types.includes('code-task')).reduce((sum, pool) => sum + pool.count, 0);
const essays = (level: TemplateLevel): number => level.pools.filter((pool) => pool.types.includes('essay')).reduce((sum, pool) => sum + pool.count, 0);

describe('shipped role templates', () => {
  it('should load without problems', () => {
    expect(problems).toEqual([]);
  });

  it('should ship the four roles of issue 4', () => {
    expect(templates.map((template) => template.id)).toEqual(['backend', 'platform', 'runtime-deep-dive', 'sre']);
  });

  it.each(templates.map((template) => [template.id, template] as const))('%s: should grow in length, difficulty, code reading and code tasks from junior to staff', (_id, template) => {
    const { junior, senior, staff } = template.levels;
    expect(total(junior)).toBe(10);
    // Senior and staff add code tasks to write (1 and 2) on top of 15 and 20 questions, with ~15
    // minutes per task added to the time limit.
    expect(total(senior)).toBe(16);
    expect(total(staff)).toBe(22);
    expect(tasks(junior)).toBe(0);
    expect(tasks(senior)).toBe(1);
    expect(tasks(staff)).toBe(2);
    expect(senior.timeLimitMinutes).toBe(60);
    expect(staff.timeLimitMinutes).toBe(115);
    expect(junior.timeLimitMinutes).toBe(20);
    expect(junior.timeLimitMinutes).toBeLessThan(senior.timeLimitMinutes);
    expect(senior.timeLimitMinutes).toBeLessThan(staff.timeLimitMinutes);
    for (const pool of junior.pools) expect(pool.difficulty[1]).toBeLessThanOrEqual(3);
    for (const pool of senior.pools) expect(pool.difficulty).toEqual([2, 4]);
    // Staff pools start at 3, except a scarce code pool of a supporting topic that may start at 2.
    for (const pool of staff.pools) expect(pool.difficulty[0]).toBeGreaterThanOrEqual(2);
    expect(codeCount(junior)).toBeGreaterThanOrEqual(1);
    expect(codeCount(junior) / total(junior)).toBeLessThan(codeCount(staff) / total(staff));
    expect(essays(junior) + essays(senior)).toBe(0);
    expect(essays(staff)).toBe(1);
  });

  it.each(templates.map((template) => [template.id, template] as const))('%s: staff should draw mostly at difficulty 3-5', (_id, template) => {
    const pools = template.levels.staff.pools;
    const atThreeOrMore = pools.filter((pool) => pool.difficulty[0] >= 3).reduce((sum, pool) => sum + pool.count, 0);
    expect(atThreeOrMore / total(template.levels.staff)).toBeGreaterThanOrEqual(0.9);
  });
});
