import { join } from 'node:path';
import { loadBank } from '../parse/load-bank';
import { assembleTemplateLevel, assembleTemplates, formatTemplateLevelCheck } from './assemble';
import { loadTemplates } from './load-templates';

const validBank = loadBank(join(__dirname, '..', '__fixtures__', 'valid-bank'));
const [mini] = loadTemplates(join(__dirname, '__fixtures__', 'fits')).templates;
const [gaps] = loadTemplates(join(__dirname, '__fixtures__', 'short')).templates;

describe('assembleTemplateLevel', () => {
  it('should fill every pool of a level the bank can serve, code pool and general pool without overlap', () => {
    const check = assembleTemplateLevel(mini!, 'junior', validBank.questions, 1);
    expect(check.short).toEqual([]);
    expect(check).toMatchObject({ wanted: 6, timeLimitSeconds: 600 });
    expect(check.draw.byPool[0]!.map((q) => q.type).sort()).toEqual(['code-lines', 'code-output']);
    expect(new Set(check.draw.items.map((q) => q.id)).size).toBe(6);
    expect(check.summary).toMatchObject({ questions: 6, byDifficulty: { 2: 6 }, expectedSeconds: 360 });
    expect(check.summary.byTopic).toEqual([
      ['channels', 5],
      ['memory-model', 1],
    ]);
  });

  it('should draw essays only from a pool that names them, and never flashcards', () => {
    expect(assembleTemplateLevel(mini!, 'senior', validBank.questions, 1).draw.items.map((q) => q.id)).toEqual(['ch-essay']);
    const staff = assembleTemplateLevel(mini!, 'staff', validBank.questions, 1);
    expect(staff.short).toEqual([]);
    expect(staff.draw.items.map((q) => q.type)).not.toEqual(expect.arrayContaining(['essay']));
    expect(staff.draw.items.map((q) => q.type)).not.toEqual(expect.arrayContaining(['flashcard']));
  });

  it('should give the same set for the same seed', () => {
    const ids = (seed: number) => assembleTemplateLevel(mini!, 'junior', validBank.questions, seed).draw.items.map((q) => q.id);
    expect(ids(42)).toEqual(ids(42));
  });

  it('should name each pool that cannot be filled with its template line', () => {
    const checks = assembleTemplates([gaps!], validBank.questions, 1);
    expect(checks.map((check) => check.level)).toEqual(['junior', 'senior', 'staff']);
    expect(checks.map((check) => check.short.map(({ pool, wanted, drawn, eligible }) => ({ line: pool.line, wanted, drawn, eligible })))).toEqual([
      [{ line: 8, wanted: 2, drawn: 0, eligible: 0 }],
      [{ line: 13, wanted: 8, drawn: 7, eligible: 7 }],
      [{ line: 17, wanted: 1, drawn: 0, eligible: 0 }],
    ]);
  });
});

describe('formatTemplateLevelCheck', () => {
  it('should print count, difficulty, topic and type mix and expected time against the limit', () => {
    const lines = formatTemplateLevelCheck(assembleTemplateLevel(mini!, 'junior', validBank.questions, 1));
    expect(lines[0]).toBe('ok mini/junior (Mini role): 6 of 6 questions, expected 6.0 min of 10.0 min limit');
    expect(lines[1]).toBe('  difficulty d2 6');
    expect(lines[2]).toBe('  topics     channels 5, memory-model 1');
    expect(lines[3]).toMatch(/^ {2}types {6}/);
    expect(lines).toHaveLength(4);
  });

  it('should warn when the drawn set is expected to take longer than the limit', () => {
    expect(formatTemplateLevelCheck(assembleTemplateLevel(mini!, 'staff', validBank.questions, 1))).toContain(
      '  warning: the drawn set is expected to take longer than the time limit',
    );
  });

  it('should print a file:line message per short pool', () => {
    const [junior, senior] = assembleTemplates([gaps!], validBank.questions, 1).map(formatTemplateLevelCheck);
    const file = 'libs/question-bank/src/templates/__fixtures__/short/gaps.yaml';
    expect(junior![0]).toMatch(/^SHORT gaps\/junior \(Gaps\): 1 of 3 questions/);
    expect(junior).toContain(`  ${file}:8: cannot fill kubernetes, difficulty 1-3: 0 of 2 drawn, 0 eligible`);
    expect(senior).toContain(`  ${file}:13: cannot fill channels, difficulty 2: 7 of 8 drawn, 7 eligible`);
  });
});
