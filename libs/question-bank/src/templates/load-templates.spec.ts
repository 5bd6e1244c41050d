import { join } from 'node:path';
import { formatProblem } from '../lint/lint-bank';
import { DEFAULT_POOL_TYPES } from './schema';
import { loadTemplates } from './load-templates';

const fixtures = join(__dirname, '__fixtures__');
const broken = 'libs/question-bank/src/templates/__fixtures__/broken';

describe('loadTemplates', () => {
  it('should map a valid file to the camelCase model with defaults and pool lines', () => {
    const { templates, problems } = loadTemplates(join(fixtures, 'fits'));
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(1);
    const [mini] = templates;
    expect(mini).toMatchObject({ id: 'mini', title: 'Mini role', sourcePath: 'libs/question-bank/src/templates/__fixtures__/fits/mini.yaml' });
    expect(mini!.levels.junior.timeLimitMinutes).toBe(10);
    expect(mini!.levels.junior.pools[0]).toEqual({
      topic: 'channels',
      count: 2,
      difficulty: [1, 3],
      types: ['code-output', 'code-lines'],
      excludeTags: [],
      line: 8,
    });
    expect(mini!.levels.junior.pools[1]).toMatchObject({ types: DEFAULT_POOL_TYPES, line: 9 });
    expect(mini!.levels.staff).toMatchObject({ level: 'staff', timeLimitMinutes: 1 });
  });

  it('should leave essays and flashcards out of the default pool types', () => {
    expect(DEFAULT_POOL_TYPES).not.toContain('essay');
    expect(DEFAULT_POOL_TYPES).not.toContain('flashcard');
    expect(DEFAULT_POOL_TYPES).toEqual(expect.arrayContaining(['single', 'code-output', 'code-lines']));
  });

  it('should report every broken file with file:line and load none of them', () => {
    const { templates, problems } = loadTemplates(join(fixtures, 'broken'));
    expect(templates).toEqual([]);
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([
      `${broken}/bad-fields.yaml:6: \`levels.junior.time_limit_minutes\`: Too small: expected number to be >=1`,
      expect.stringMatching(new RegExp(`^${broken}/bad-fields.yaml:8: \`levels.junior.pools\\[0\\].topic\`: Invalid option`)),
      `${broken}/bad-fields.yaml:9: \`levels.junior.pools[1].difficulty\`: difficulty must be [min, max] with min <= max`,
      expect.stringMatching(new RegExp(`^${broken}/bad-fields.yaml:10: \`levels.junior.pools\\[2\\].types\\[0\\]\`: Invalid option.*"essay"$`)),
      `${broken}/bad-fields.yaml:11: unknown key \`levels.junior.pools[3].excludeTags\``,
      `${broken}/bad-fields.yaml:14: \`levels.senior.pools\`: Too small: expected array to have >=1 items`,
      `${broken}/bad-fields.yaml:18: \`levels.staff.pools[0].count\`: Invalid input: expected int, received number`,
      `${broken}/bad-fields.yaml:18: \`levels.staff.pools[0].difficulty[1]\`: Too big: expected number to be <=5`,
      `${broken}/missing-level.yaml:4: missing required key \`levels.staff\``,
      `${broken}/old-extension.yml: template files end in .yaml, not .yml`,
      `${broken}/wrong-id.yaml:1: id "another-id" must equal the file name "wrong-id"`,
      expect.stringMatching(new RegExp(`^${broken}/yaml-error.yaml:\\d+: YAML: `)),
    ]);
  });

  it('should refuse flashcards in a pool\'s types (drill-only cards are never in a graded set)', () => {
    const { problems } = loadTemplates(join(fixtures, 'broken'));
    const flashcard = problems.find((problem) => problem.message.includes('pools[2].types[0]'));
    expect(flashcard?.message).not.toContain('flashcard');
  });

  it('should throw when the folder does not exist', () => {
    expect(() => loadTemplates(join(fixtures, 'nope'))).toThrow(/templates folder not found/);
  });
});
