import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/*
 * "Where SQL lives" (docs/development.md): in each API module, only `<module>.repository.ts`
 * talks to Postgres. Services call their module's repository, other modules call the service.
 */

const MODULES = join(__dirname, '..', 'modules');

/** What counts as talking to Postgres: raw SQL, the query builder, TypeORM repositories. */
const DATA_ACCESS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: '.query(', pattern: /\.query\s*(<[^>]*>)?\s*\(/ },
  { name: 'createQueryBuilder', pattern: /\bcreateQueryBuilder\b/ },
  { name: '@InjectRepository', pattern: /@InjectRepository\b/ },
  { name: 'getRepository(', pattern: /\.getRepository\s*\(/ },
];

// ---------------------------------------------------------------------------------------------
// MODULES NOT YET MOVED TO A REPOSITORY (refactor R2, issue 13 section 5). The lead empties this
// list after merging that work; a module listed here that has become clean fails the test below.
const NOT_YET_MOVED: readonly string[] = [];
// ---------------------------------------------------------------------------------------------

export interface Violation {
  file: string;
  line: number;
  what: string;
}

const isRepository = (file: string): boolean => file.endsWith('.repository.ts');
const isSource = (file: string): boolean => file.endsWith('.ts') && !file.endsWith('.d.ts');

/** Data access in `file` (a path relative to the modules folder) outside a repository file. */
export function dataAccessOutsideRepository(file: string, text: string): Violation[] {
  if (!isSource(file) || isRepository(file) || file.split(sep).includes('migrations')) return [];
  const found: Violation[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { name, pattern } of DATA_ACCESS) if (pattern.test(line)) found.push({ file, line: index + 1, what: name });
  });
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const moduleOf = (file: string): string => file.split(sep)[0] ?? '';

const files = filesUnder(MODULES).map((path) => ({ file: relative(MODULES, path), text: readFileSync(path, 'utf8') }));
const violations = files.flatMap(({ file, text }) => dataAccessOutsideRepository(file, text));

describe('where SQL lives', () => {
  it('should find data access only in <module>.repository.ts', () => {
    const outside = violations.filter((v) => !NOT_YET_MOVED.includes(moduleOf(v.file))).map((v) => `${v.file}:${v.line} ${v.what}`);
    expect(outside).toEqual([]);
  });

  it('should keep at most one repository per module, named after the module', () => {
    const misnamed = files.filter(({ file }) => isRepository(file) && file !== join(moduleOf(file), `${moduleOf(file)}.repository.ts`)).map((f) => f.file);
    expect(misnamed).toEqual([]);
  });

  it('should list only modules that still need moving', () => {
    const clean = NOT_YET_MOVED.filter((module) => !violations.some((v) => moduleOf(v.file) === module));
    expect(clean).toEqual([]);
  });

  it('should flag raw SQL, the query builder and injected repositories outside a repository file', () => {
    const service = [
      'const rows = await this.db.query(`SELECT 1`);',
      'const r = await tx.query<{ id: string }>(`SELECT id FROM t`);',
      'await tx.createQueryBuilder().insert().into(X).execute();',
      '@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,',
      'const repo = manager.getRepository(UserEntity);',
      'const fine = await this.repo.listSets(orgId);',
    ].join('\n');
    expect(dataAccessOutsideRepository(join('sets', 'sets.service.ts'), service).map((v) => [v.line, v.what])).toEqual([
      [1, '.query('],
      [2, '.query('],
      [3, 'createQueryBuilder'],
      [4, '@InjectRepository'],
      [5, 'getRepository('],
    ]);
    expect(dataAccessOutsideRepository(join('sets', 'sets.repository.ts'), service)).toEqual([]);
    expect(dataAccessOutsideRepository(join('sets', 'migrations', '1-Init.ts'), service)).toEqual([]);
  });
});
