export const E2E_ENV = 'GOPREP_E2E_DATABASE';
export const TEMPLATE_DB = 'goprep_template';

export interface E2eDatabase {
  port: number;
  dir: string;
}

export function e2eDatabase(): E2eDatabase {
  const raw = process.env[E2E_ENV];
  if (!raw) throw new Error(`${E2E_ENV} is not set: run the suite through tests/api-e2e/jest.config.ts (its globalSetup starts Postgres).`);
  return JSON.parse(raw) as E2eDatabase;
}
