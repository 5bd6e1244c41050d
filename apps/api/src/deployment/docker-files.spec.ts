import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findRepoRoot } from '../config/repo-root';

/**
 * No Docker engine runs where the tests run, so the image is checked the way a reviewer would:
 * the files parse, the runtime is non-root, and everything the Dockerfile copies is something the
 * build really produces or the repository really has.
 */
const root = findRepoRoot(__dirname);
const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
const compose = parse(readFileSync(join(root, 'docker/compose.yml'), 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; healthcheck?: unknown; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; volumes?: string[] }>;
  volumes: Record<string, unknown>;
};

describe('docker/', () => {
  it('should build in stages and run the server as a non-root user behind the migrating entrypoint', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.indexOf('ENTRYPOINT'));
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    const entrypoint = readFileSync(join(root, 'docker/entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('node apps/api/dist/cli/migrate.js');
    expect(entrypoint).toMatch(/^exec "\$@"$/m);
    expect(existsSync(join(root, 'apps/api/src/cli/migrate.ts'))).toBe(true);
  });

  it('should copy only paths that the build outputs or the repository holds', () => {
    const buildOutputs = new Set(['apps/api/dist', 'apps/web/dist', 'libs/domain/dist', 'libs/question-bank/dist', 'node_modules']);
    const copied = [...dockerfile.matchAll(/^COPY --from=build \S+ \/src\/(\S+) /gm)].map((m) => m[1]!);
    expect(copied.length).toBeGreaterThan(5);
    for (const path of copied) {
      const produced = buildOutputs.has(path);
      expect({ path, ok: produced || existsSync(join(root, path)) }).toEqual({ path, ok: true });
    }
    for (const project of ['apps/api', 'apps/web']) {
      const outputs = (JSON.parse(readFileSync(join(root, project, 'project.json'), 'utf8')) as { targets: { build: { outputs: string[] } } })
        .targets.build.outputs;
      expect(outputs).toContain('{projectRoot}/dist');
    }
  });

  it('should run Postgres 17 and the app with healthchecks, a volume and the database URL', () => {
    const { postgres, app } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:17/);
    expect(postgres?.healthcheck).toBeDefined();
    expect(postgres?.volumes?.some((v) => v.startsWith('pgdata:'))).toBe(true);
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(app?.healthcheck).toBeDefined();
    expect(app?.depends_on?.['postgres']?.condition).toBe('service_healthy');
    expect(app?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/.+@postgres:5432\//);
  });
});
