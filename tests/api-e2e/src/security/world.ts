import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, secretBoxFromEnv } from '@goprep/api/testing';
import request from 'supertest';
import { Browser, createTestApp, type TestApp } from '../support/test-app';
import type { TokenScope } from './authz-matrix';

export const PASSWORD = 'a long enough secret';

/** The roles of the authorization matrix, in the order the matrix lists them. */
export const ROLES = ['anonymous', 'candidate', 'learner', 'managerA', 'managerB', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface JsonSchema {
  type?: string;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  nullable?: boolean;
}

export interface Operation {
  /** "METHOD /path", as the authorization matrix keys it. */
  key: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** The JSON request body schema with every $ref resolved (undefined: no body). */
  body?: JsonSchema;
  /** Not under /api (Prometheus scrape endpoint). */
  outsideApi: boolean;
  /** The operation's security requirements, as the document states them. */
  security: Array<Record<string, string[]>>;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; security?: Array<Record<string, string[]>> }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Read at test time, so an endpoint added to the API is covered without touching the tests. */
export function loadOpenApi(): OpenApiDocument {
  return JSON.parse(readFileSync(join(loadConfig({}).repoRoot, 'apps/api/openapi.json'), 'utf8')) as OpenApiDocument;
}

function resolve(schema: JsonSchema | undefined, doc: OpenApiDocument, depth = 0): JsonSchema | undefined {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc.components?.schemas?.[name], doc, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, doc, depth + 1) ?? {}]));
  }
  if (schema.items) out.items = resolve(schema.items, doc, depth + 1);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (schema[key]) out[key] = schema[key]!.map((s) => resolve(s, doc, depth + 1) ?? {});
  }
  return out;
}

export function operations(doc: OpenApiDocument = loadOpenApi()): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: resolve(op.requestBody?.content?.['application/json']?.schema, doc),
        outsideApi: !path.startsWith('/api/'),
        security: op.security ?? [],
      });
    }
  }
  return ops;
}

/** Fills `{name}` placeholders, percent-encoding each value as UTF-8 (lone surrogates included). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeUtf8(value);
  });
}

export function encodeUtf8(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** One client: a cookie-keeping agent that echoes the CSRF token on writes (anonymous ones too). */
export class Actor {
  readonly browser: Browser;
  constructor(
    readonly role: Role,
    server: Server,
    readonly email?: string,
  ) {
    this.browser = new Browser(server);
  }

  async send(method: Operation['method'], url: string, opts: { body?: unknown; rawBody?: string; timeoutMs?: number } = {}): Promise<request.Response> {
    const token = await this.browser.csrfToken();
    let req = this.browser.agent[method](url).set('X-CSRF-Token', token);
    if (opts.timeoutMs) req = req.timeout({ response: opts.timeoutMs, deadline: opts.timeoutMs });
    if (opts.rawBody !== undefined) return req.set('Content-Type', 'application/json').send(opts.rawBody);
    if (opts.body !== undefined) return req.send(opts.body as object);
    return req;
  }

  async login(): Promise<void> {
    if (!this.email) return;
    const res = await this.browser.post('/api/auth/login', { email: this.email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login of ${this.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Real resources to point path parameters at. */
export interface WorldIds {
  orgA: string;
  orgB: string;
  /** A bank question (public catalogue). */
  question: string;
  /** A private question of org A. */
  orgQuestionA: string;
  /** The learner's open quiz attempt. */
  attempt: string;
  /** A drill review of the learner, and the card it reviewed. */
  drillReview: string;
  drillQuestion: string;
  /** A finished judge run of the learner's. */
  judgeRun: string;
  [name: string]: string;
}

/** A bank code task whose visible tests any user may run. */
export const JUDGE_TASK = 'gl-fanout-early-return-task';

/** An API token the matrix calls every operation with. */
export interface TokenActor {
  name: string;
  secret: string;
  /** The user whose column the token's answers follow once it holds the scope. */
  actsAs: Role;
  scopes: readonly TokenScope[];
  /** Expired or revoked: refused (401) everywhere a session would be needed. */
  dead?: boolean;
}

export const TOKEN_SCOPES = ['results:read', 'sets:manage', 'invites:manage', 'bank:read'] as const satisfies readonly TokenScope[];

export interface World {
  t: TestApp;
  actors: Record<Role, Actor>;
  /** The API tokens of the matrix (empty when the API has no token routes). */
  tokens: TokenActor[];
  ids: WorldIds;
  close(): Promise<void>;
}

export const ORG_QUESTION = {
  title: 'Close a nil channel',
  topic: 'channels',
  subtopic: 'nil-channels',
  type: 'single',
  difficulty: 2,
  tags: ['nil-channel'],
  go_version: '1.26',
  expected_seconds: 60,
  references: ['https://go.dev/ref/spec#Close'],
  prompt: 'What happens when a program closes a nil channel?',
  explanation: 'It panics with "close of nil channel"; the spec lists it among the run-time panics.',
  options: [
    { id: 'a', text: 'It panics', correct: true },
    { id: 'b', text: 'Nothing happens', correct: false },
  ],
};

async function ok(res: request.Response | Promise<request.Response>, what: string): Promise<Record<string, unknown>> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

/**
 * One app with a user of every role and a few real resources: an admin (first account), a learner
 * with an open quiz and a drill review, a manager of org A (with a private question) and one of org B.
 * The candidate is a client that holds nothing but what an invite link gives (no account).
 */
export async function createWorld(env: Record<string, string> = {}): Promise<World> {
  const t = await createTestApp({ ATTEMPT_SWEEP_INTERVAL_MS: '0', LOGIN_MAX_ATTEMPTS_PER_IP: '100000', METRICS_TOKEN: 'world-metrics-token-0123456789', ...env });
  const make = (role: Role, email?: string) => new Actor(role, t.server, email);
  const actors: Record<Role, Actor> = {
    anonymous: make('anonymous'),
    candidate: make('candidate'),
    admin: make('admin', 'admin@example.com'),
    learner: make('learner', 'learner@example.com'),
    managerA: make('managerA', 'manager-a@example.com'),
    managerB: make('managerB', 'manager-b@example.com'),
  };
  for (const role of ['admin', 'learner', 'managerA', 'managerB'] as const) {
    await ok(actors[role].browser.register(actors[role].email!, PASSWORD, role), `register ${role}`);
  }
  const orgA = (await ok(actors.managerA.browser.post('/api/orgs', { name: 'Org A' }), 'org A')).id as string;
  const orgB = (await ok(actors.managerB.browser.post('/api/orgs', { name: 'Org B' }), 'org B')).id as string;
  const orgQuestionA = (await ok(actors.managerA.browser.post(`/api/orgs/${orgA}/questions`, ORG_QUESTION), 'org question')).id as string;
  const page = await ok(actors.learner.browser.get('/api/questions?topic=channels&type=single'), 'questions');
  const question = (page.items as Array<{ id: string }>)[0]!.id;
  const attempt = (
    await ok(
      actors.learner.browser.post('/api/attempts', { mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 3, timeLimitMinutes: 30 }),
      'attempt',
    )
  ).id as string;
  await ok(actors.learner.browser.post('/api/drills/deck', { questionIds: [question] }), 'deck');
  const drillReview = '3f1c2b9e-8a47-4d6b-9c1e-5a2f7d8e9b01';
  await ok(
    actors.learner.browser.post('/api/drills/reviews', { reviewId: drillReview, questionId: question, durationMs: 4000, rating: 'good' }),
    'drill review',
  );
  // A judge run of the learner's, closed with a verdict as a runner would (no runner here), so its event stream ends.
  const judgeRun = (await ok(actors.learner.browser.post('/api/judge/runs', { questionId: JUDGE_TASK, files: { 'fetch.go': 'package fetch\n' } }), 'judge run'))
    .id as string;
  await t.sql(`UPDATE judge_runs SET state = 'done', verdict = 'compile-error', score = 0, message = 'fixture', finished_at = now() WHERE id = $1`, [judgeRun]);
  const ids: WorldIds = { orgA, orgB, question, orgQuestionA, attempt, drillReview, drillQuestion: question, judgeRun };
  if (operations().some((op) => op.key === 'POST /api/rooms')) {
    ids.room = (await ok(actors.learner.browser.post('/api/rooms', { kind: 'peer', role: 'backend', level: 'senior' }), 'room')).id as string;
  }
  Object.assign(ids, await webhooks(t, orgA));
  if (operations().some((op) => op.key === 'POST /api/candidate/session')) Object.assign(ids, await hiring(actors, ids));
  const tokens: TokenActor[] = [];
  if (operations().some((op) => op.key === 'POST /api/me/tokens')) Object.assign(ids, await apiTokens(t, actors, ids, tokens));
  return { t, actors, tokens, ids, close: () => t.close() };
}

/** The draft of org A's assessment: one pinned question and a pool, keys shown after submission. */
export function setDraft(ids: WorldIds, reviewPolicy = 'full'): Record<string, unknown> {
  return {
    title: 'Backend screen',
    instructions: 'Answer every question.',
    timeLimitSeconds: 1800,
    shuffleOptions: false,
    overduePolicy: 'auto-submit',
    submitGraceSeconds: 0,
    reviewPolicy,
    items: [
      { kind: 'fixed', points: 1, questionId: ids.question },
      { kind: 'pool', points: 1, topic: 'goroutine-leaks', count: 2, difficulty: [1, 5] },
    ],
  };
}

/** The raw token of an invite link (`.../take#<token>`). */
export function tokenOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}

/**
 * Org A's published assessment with two invites; the candidate actor opened the first one and
 * started its attempt (so it holds the candidate cookie, and nothing else).
 */
async function hiring(actors: Record<Role, Actor>, ids: WorldIds): Promise<Partial<WorldIds>> {
  const m = actors.managerA.browser;
  const set = (await ok(m.post(`/api/orgs/${ids.orgA}/sets`, { title: 'Backend screen' }), 'set')).id as string;
  await ok(m.put(`/api/orgs/${ids.orgA}/sets/${set}/draft`, setDraft(ids)), 'set draft');
  await ok(m.post(`/api/orgs/${ids.orgA}/sets/${set}/publish`), 'publish');
  const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const created = await ok(
    m.post(`/api/orgs/${ids.orgA}/sets/${set}/invites`, {
      invitees: [
        { name: 'Candidate One', email: 'candidate@example.com' },
        { name: 'Candidate Two', email: 'second@example.com' },
      ],
      expiresAt,
    }),
    'invites',
  );
  const [first, second] = created.invites as Array<{ id: string; link: string }>;
  const inviteToken = tokenOf(first!.link);
  await ok(actors.candidate.send('post', '/api/candidate/session', { body: { token: inviteToken } }), 'candidate session');
  const started = await ok(actors.candidate.send('post', '/api/candidate/start'), 'candidate start');
  const exported = await m.get(`/api/orgs/${ids.orgA}/sets/${set}/export?format=json`);
  return {
    setA: set,
    setVersion: '1',
    inviteA: first!.id,
    inviteA2: second!.id,
    inviteToken,
    inviteToken2: tokenOf(second!.link),
    candidateAttempt: started.id as string,
    setExport: exported.text,
  };
}

/**
 * Two webhook endpoints of org A (one for the delete entry) and a logged delivery, stored directly:
 * loopback URLs, so the worker refuses every delivery the matrix queues without a connection.
 */
async function webhooks(t: TestApp, orgA: string): Promise<Partial<WorldIds>> {
  const endpoint = async () =>
    (
      await t.sql<{ id: string }>(
        `INSERT INTO webhook_endpoints (org_id, url, events, secret) VALUES ($1, 'http://127.0.0.1:9/hook', '{room.scored}', $2) RETURNING id`,
        // Sealed as the app seals it (this test app runs on the development key).
        [orgA, secretBoxFromEnv(t.config).seal('whsec_d29ybGQtd2ViaG9vay1zZWNyZXQtMDEyMzQ1Njc4OQ==')],
      )
    )[0]!.id;
  const webhookA = await endpoint();
  const webhookDoomed = await endpoint();
  const delivery = await t.sql<{ id: string }>(
    `INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, body, status, attempts) VALUES ('msg_world', $1, 'room.scored', '{}', 'failed', 1) RETURNING id`,
    [webhookA],
  );
  return { webhookA, webhookDoomed, webhookDelivery: delivery[0]!.id };
}

/**
 * The matrix's API tokens: for every scope, one personal token of managerA and one token of org A
 * holding only that scope; a token of org B and a learner's personal token; an expired and a
 * revoked one holding every scope. Plus a token of the learner and one of org A for the
 * token-management entries to revoke.
 */
async function apiTokens(t: TestApp, actors: Record<Role, Actor>, ids: WorldIds, out: TokenActor[]): Promise<Partial<WorldIds>> {
  const create = async (role: Role, path: string, name: string, scopes: readonly TokenScope[]) =>
    (await ok(actors[role].browser.post(path, { name, scopes }), `token ${name}`)) as { id: string; token: string };
  const orgA = `/api/orgs/${ids.orgA}/tokens`;
  for (const scope of TOKEN_SCOPES) {
    out.push({ name: `personal ${scope}`, secret: (await create('managerA', '/api/me/tokens', `personal ${scope}`, [scope])).token, actsAs: 'managerA', scopes: [scope] });
    out.push({ name: `org A ${scope}`, secret: (await create('managerA', orgA, `org A ${scope}`, [scope])).token, actsAs: 'managerA', scopes: [scope] });
  }
  const orgB = await create('managerB', `/api/orgs/${ids.orgB}/tokens`, 'org B all', TOKEN_SCOPES);
  out.push({ name: 'org B, every scope', secret: orgB.token, actsAs: 'managerB', scopes: TOKEN_SCOPES });
  const learner = await create('learner', '/api/me/tokens', 'learner bank', ['bank:read']);
  out.push({ name: 'learner bank:read', secret: learner.token, actsAs: 'learner', scopes: ['bank:read'] });
  const expired = await create('managerA', '/api/me/tokens', 'expired', TOKEN_SCOPES);
  await t.sql(`UPDATE api_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`, [expired.id]);
  out.push({ name: 'expired', secret: expired.token, actsAs: 'managerA', scopes: TOKEN_SCOPES, dead: true });
  const revoked = await create('managerA', orgA, 'revoked', TOKEN_SCOPES);
  const del = await actors.managerA.send('delete', `${orgA}/${revoked.id}`);
  if (del.status !== 204) throw new Error(`revoke: ${del.status} ${JSON.stringify(del.body)}`);
  out.push({ name: 'revoked', secret: revoked.token, actsAs: 'managerA', scopes: TOKEN_SCOPES, dead: true });
  return {
    learnerToken: (await create('learner', '/api/me/tokens', 'to revoke', ['bank:read'])).id,
    orgTokenA: (await create('managerA', orgA, 'to revoke', ['bank:read'])).id,
  };
}
