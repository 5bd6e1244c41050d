import type { AnswerKey } from '@goprep/domain';
import request from 'supertest';
import { Browser, type TestApp } from './test-app';

export const PASSWORD = 'a long enough secret';
export type Json = Record<string, unknown>;

/** A registered user (a learner until they create or join an organization). */
export async function user(t: TestApp, email: string): Promise<Browser> {
  const b = new Browser(t.server);
  const res = await b.register(email, PASSWORD, email.split('@')[0]);
  expect(res.status).toBe(201);
  return b;
}

/** A manager and the organization they own. */
export async function manager(t: TestApp, email: string, orgName: string): Promise<{ b: Browser; orgId: string }> {
  const b = await user(t, email);
  const res = await b.post('/api/orgs', { name: orgName });
  expect(res.status).toBe(201);
  return { b, orgId: (res.body as { id: string }).id };
}

export interface BankQuestion {
  id: string;
  versionId: string;
  topic: string;
  key: AnswerKey;
}

/** Public bank questions of a type, read straight from the database (stable order). */
export async function bankQuestions(t: TestApp, type: string, count: number, offset = 0): Promise<BankQuestion[]> {
  const rows = await t.sql<{ id: string; version_id: string; topic_id: string; answer_key: AnswerKey }>(
    `SELECT q.id, v.id AS version_id, v.topic_id, v.answer_key FROM questions q
       JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE q.organization_id IS NULL AND q.retired_at IS NULL AND v.type = $1 ORDER BY q.id LIMIT $2 OFFSET $3`,
    [type, count, offset],
  );
  expect(rows).toHaveLength(count);
  return rows.map((r) => ({ id: r.id, versionId: r.version_id, topic: r.topic_id, key: r.answer_key }));
}

/** One bank question of each auto-graded type (single, multi, matching, ordering), in that order. */
export async function autoGradedQuestions(t: TestApp): Promise<BankQuestion[]> {
  const out: BankQuestion[] = [];
  for (const type of ['single', 'multi', 'matching', 'ordering']) out.push(...(await bankQuestions(t, type, 1)));
  return out;
}

export interface SetSettings {
  title?: string;
  instructions?: string;
  timeLimitSeconds?: number;
  shuffleOptions?: boolean;
  overduePolicy?: 'auto-submit' | 'grace-period' | 'not-counted';
  submitGraceSeconds?: number;
  reviewPolicy?: 'none' | 'score' | 'correctness' | 'full';
  language?: 'en' | 'zh-CN' | 'candidate-chooses';
  items: Json[];
}

/** Builds and publishes a set through the question-sets API; returns its id and version. */
export async function publishedSet(b: Browser, orgId: string, settings: SetSettings): Promise<{ setId: string; version: number }> {
  const title = settings.title ?? 'Backend screen';
  const created = await b.post(`/api/orgs/${orgId}/sets`, { title });
  expect(created.status).toBe(201);
  const setId = (created.body as { id: string }).id;
  const draft = await b.put(`/api/orgs/${orgId}/sets/${setId}/draft`, {
    title,
    instructions: settings.instructions ?? 'Answer every question. No notes.',
    timeLimitSeconds: settings.timeLimitSeconds ?? 1800,
    shuffleOptions: settings.shuffleOptions ?? true,
    overduePolicy: settings.overduePolicy ?? 'auto-submit',
    submitGraceSeconds: settings.submitGraceSeconds ?? 0,
    reviewPolicy: settings.reviewPolicy ?? 'correctness',
    ...(settings.language !== undefined ? { language: settings.language } : {}),
    items: settings.items,
  });
  expect(draft.status).toBe(200);
  const published = await b.post(`/api/orgs/${orgId}/sets/${setId}/publish`);
  expect(published.status).toBe(200);
  const versions = (published.body as { versions: Array<{ version: number; state: string }> }).versions;
  const version = Math.max(...versions.filter((v) => v.state === 'published').map((v) => v.version));
  return { setId, version };
}

export const fixed = (q: BankQuestion, points = 1): Json => ({ kind: 'fixed', questionId: q.id, points });

/** The raw token of an invite link: the fragment after '#'. */
export function tokenOf(link: string): string {
  const hash = new URL(link).hash;
  expect(hash.length).toBeGreaterThan(20);
  return hash.slice(1);
}

/** A fresh browser for a candidate (no account) that opened the link. */
export async function candidate(t: TestApp, token: string): Promise<{ b: Browser; status: Json }> {
  const b = new Browser(t.server);
  const res = await b.post('/api/candidate/session', { token });
  expect(res.status).toBe(200);
  return { b, status: res.body as Json };
}

/** A plain request without cookies (anonymous). */
export function anonymous(t: TestApp) {
  return request(t.server);
}

/** A published set version of `items` with `n` one-attempt invites (emails at `domain`), and its version row's id. */
export async function publishedWithInvites(
  t: TestApp,
  b: Browser,
  orgId: string,
  settings: SetSettings,
  n: number,
  domain: string,
): Promise<{ setId: string; version: number; versionId: string; links: string[] }> {
  const { setId, version } = await publishedSet(b, orgId, settings);
  const versionId = (await t.sql<{ id: string }>(`SELECT id FROM question_set_versions WHERE set_id = $1 AND version = $2`, [setId, version]))[0]!.id;
  const res = await b.post(`/api/orgs/${orgId}/sets/${setId}/invites`, {
    invitees: Array.from({ length: n }, (_, i) => ({ name: `C${i}`, email: `c${i}.${setId.slice(0, 8)}@${domain}` })),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  expect(res.status).toBe(201);
  return { setId, version, versionId, links: (res.body as { invites: Array<{ link: string }> }).invites.map((i) => i.link) };
}

/**
 * A candidate who opened `link`, started, and saved `answer(key)` for every item, not yet submitted.
 * The keys are read from the database (never from a response), as a grader would.
 */
export async function answeredAttempt(t: TestApp, link: string, answer: (key: AnswerKey, position: number) => unknown): Promise<{ b: Browser; attemptId: string }> {
  const { b } = await candidate(t, tokenOf(link));
  const started = await b.post('/api/candidate/start');
  expect(started.status).toBe(201);
  const attemptId = (started.body as { id: string }).id;
  const keys = await t.sql<{ position: number; answer_key: AnswerKey }>(
    `SELECT i.position, v.answer_key FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 ORDER BY i.position`,
    [attemptId],
  );
  for (const { position, answer_key } of keys) {
    const response = answer(answer_key, position);
    expect((await b.put(`/api/candidate/attempt/items/${position}/answer`, { response, timeSpentMs: 1000 })).status).toBe(200);
  }
  return { b, attemptId };
}

/** The position of the set's essay item in an attempt. */
export async function essayPosition(t: TestApp, attemptId: string): Promise<number> {
  const rows = await t.sql<{ position: number }>(
    `SELECT i.position FROM attempt_items i JOIN question_versions v ON v.id = i.question_version_id WHERE i.attempt_id = $1 AND v.type = 'essay'`,
    [attemptId],
  );
  return rows[0]!.position;
}
