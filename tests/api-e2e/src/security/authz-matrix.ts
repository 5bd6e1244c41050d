import { JUDGE_TASK, ORG_QUESTION, PASSWORD, setDraft, type Role, type WorldIds } from './world';

/**
 * Who may call what: for every operation of apps/api/openapi.json ("METHOD /path"), the request
 * the matrix test sends and the status each role must get. A new endpoint without an entry here
 * fails authz.e2e-spec.ts.
 *
 * Roles: anonymous (no session), candidate (holds only what an invite link gives), learner,
 * managerA / managerB (managers of org A / org B; path ids point at org A's things and the
 * learner's own things), admin (site admin, member of no org).
 *
 * Entries run in this order, each role in ROLES order; writes that end sessions or change roles
 * come last. `fresh`: each role acts through a new login of the same user, so a request that
 * logs in, out or as someone else leaves the shared sessions alone.
 */
export interface MatrixRequest {
  path?: (ids: WorldIds) => Record<string, string>;
  query?: string | ((ids: WorldIds) => string);
  body?: (ids: WorldIds, role: Role) => unknown;
  fresh?: boolean;
  expect: Record<Role, number>;
  /**
   * The scope an API token needs to call the operation; absent: tokens are refused (403). A token
   * with the scope gets what the user it acts as gets (managerA for org A's tokens and for
   * managerA's personal ones), or `tokenOk` when the sessions' requests just before changed the
   * state (a second publish finds no draft).
   */
  token?: TokenScope;
  tokenOk?: number;
}

export type TokenScope = 'results:read' | 'sets:manage' | 'invites:manage' | 'bank:read';

/** Statuses in ROLES order: anonymous, candidate, learner, managerA, managerB, admin. */
function s(anonymous: number, candidate: number, learner: number, managerA: number, managerB: number, admin: number): Record<Role, number> {
  return { anonymous, candidate, learner, managerA, managerB, admin };
}

const anyone = s(200, 200, 200, 200, 200, 200);
const users = s(401, 401, 200, 200, 200, 200);
/** Org A's things: its managers only; everyone else logged in is told it does not exist. */
const orgA = (ok: number) => s(401, 401, 404, ok, 404, 404);
/** The learner's own things. */
const learnerOwn = (ok: number) => s(401, 401, ok, 404, 404, 404);

/** Hiring routes of org A: @Roles(manager, admin) first (a learner gets 403), then membership (404). */
const hiringA = (ok: number) => s(401, 401, 403, ok, 404, 404);
/** Candidate routes: only the holder of the candidate cookie. */
const candidateOnly = (ok: number) => s(401, ok, 401, 401, 401, 401);

const orgQ = (ids: WorldIds) => ({ orgId: ids.orgA, id: ids.orgQuestionA });
const setA = (ids: WorldIds) => ({ orgId: ids.orgA, setId: ids.setA! });
const attempt = (ids: WorldIds) => ({ id: ids.attempt });
const room = (ids: WorldIds) => ({ id: ids.room! });
const webhookA = (ids: WorldIds) => ({ orgId: ids.orgA, id: ids.webhookA! });

export const AUTHZ_MATRIX: Record<string, MatrixRequest> = {
  // No actor holds METRICS_TOKEN (the world sets one): a session or a candidate cookie is not enough.
  'GET /metrics': { expect: s(401, 401, 401, 401, 401, 401) },
  'GET /api/health': { expect: anyone },
  'GET /api/auth/csrf': { expect: anyone },
  'POST /api/auth/register': {
    fresh: true,
    body: (_ids, role) => ({ email: `new-${role.toLowerCase()}@example.com`, password: PASSWORD, displayName: 'New' }),
    expect: s(201, 201, 201, 201, 201, 201),
  },
  'POST /api/auth/password/forgot': { fresh: true, body: () => ({ email: 'nobody@example.com' }), expect: anyone },
  'POST /api/auth/password/reset': { fresh: true, body: () => ({ token: 'x'.repeat(43), newPassword: 'a different long secret' }), expect: s(410, 410, 410, 410, 410, 410) },
  'POST /api/auth/login': { fresh: true, body: () => ({ email: 'learner@example.com', password: PASSWORD }), expect: anyone },
  'GET /api/me': { expect: users },
  'PATCH /api/me/settings': { body: () => ({ contentLanguage: 'follow-ui' }), expect: users },
  'GET /api/orgs': { expect: users },
  'POST /api/orgs/{id}/invites': { path: (ids) => ({ id: ids.orgA }), body: () => ({ email: 'friend@example.com' }), expect: orgA(201) },
  'POST /api/org-invites/accept': { body: () => ({ token: 'x'.repeat(43) }), expect: s(401, 401, 410, 410, 410, 410) },
  // Browser navigations: every outcome is a redirect (to the provider, or to the login page with a code).
  'GET /api/auth/sso/start': { query: 'email=someone%40unconfigured.test', expect: s(302, 302, 302, 302, 302, 302) },
  'GET /api/auth/sso/callback': { query: 'state=x&code=y', expect: s(302, 302, 302, 302, 302, 302) },
  'GET /api/orgs/{id}/sso': { path: (ids) => ({ id: ids.orgA }), expect: orgA(200) },
  // Org A's managers get past authorization to the discovery of an issuer where nothing listens.
  'PUT /api/orgs/{id}/sso': {
    path: (ids) => ({ id: ids.orgA }),
    body: () => ({ issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', emailDomains: ['example.org'], ssoRequiredForManagers: false, enabled: true }),
    expect: orgA(422),
  },
  // Org A lists no SSO domain: its managers get past authorization to SSO_DOMAIN_NOT_FOUND.
  'POST /api/orgs/{id}/sso/domains/{domain}/verify': { path: (ids) => ({ id: ids.orgA, domain: 'example.org' }), expect: orgA(404) },
  // Site admins only; the admin gets past authorization to SSO_DOMAIN_NOT_FOUND.
  'POST /api/admin/orgs/{id}/sso/domains/{domain}/verify': { path: (ids) => ({ id: ids.orgA, domain: 'example.org' }), expect: s(401, 401, 403, 403, 403, 404) },
  'GET /api/topics': { token: 'bank:read', expect: users },
  'GET /api/questions': { token: 'bank:read', query: 'topic=channels&pageSize=5', expect: users },
  'GET /api/questions/{id}': { token: 'bank:read', path: (ids) => ({ id: ids.question }), expect: users },
  'POST /api/questions/{id}/check': { path: (ids) => ({ id: ids.question }), body: () => ({ response: { type: 'single', choice: 'a' } }), expect: s(401, 401, 200, 200, 200, 200) },
  'GET /api/questions/{id}/preview': { token: 'bank:read', path: (ids) => ({ id: ids.question }), expect: s(401, 401, 403, 200, 200, 200) },
  'POST /api/attempts': {
    body: () => ({ mode: 'quick', topics: ['channels'], difficulty: { min: 1, max: 5 }, count: 2, timeLimitMinutes: 10 }),
    expect: s(401, 401, 201, 201, 201, 201),
  },
  'GET /api/attempts': { expect: users },
  'GET /api/attempts/{id}': { path: attempt, expect: learnerOwn(200) },
  'PUT /api/attempts/{id}/items/{position}/answer': {
    path: (ids) => ({ id: ids.attempt, position: '1' }),
    body: () => ({ response: null }),
    expect: learnerOwn(200),
  },
  'POST /api/attempts/{id}/submit': { path: attempt, expect: learnerOwn(200) },
  'GET /api/attempts/{id}/review': { path: attempt, expect: learnerOwn(200) },
  // After the submit above: the learner's attempt can no longer be abandoned (409); others are told it does not exist.
  'POST /api/attempts/{id}/abandon': { path: attempt, body: () => ({}), expect: learnerOwn(409) },
  'GET /api/orgs/{orgId}/questions': { token: 'bank:read', path: (ids) => ({ orgId: ids.orgA }), expect: orgA(200) },
  'POST /api/orgs/{orgId}/questions': {
    path: (ids) => ({ orgId: ids.orgA }),
    body: (_ids, role) => ({ ...ORG_QUESTION, title: `Close a nil channel (${role})` }),
    expect: orgA(201),
  },
  'GET /api/orgs/{orgId}/questions/{id}': { token: 'bank:read', path: orgQ, expect: orgA(200) },
  'PUT /api/orgs/{orgId}/questions/{id}': { path: orgQ, body: () => ({ ...ORG_QUESTION, difficulty: 3 }), expect: orgA(200) },
  'POST /api/orgs/{orgId}/questions/preview': { path: (ids) => ({ orgId: ids.orgA }), body: () => ORG_QUESTION, expect: orgA(200) },
  'POST /api/orgs/{orgId}/questions/import': {
    path: (ids) => ({ orgId: ids.orgA }),
    body: (_ids, role) => ({
      format: 'gift',
      text: `::Closing nil (${role})::What happens when a program closes a nil channel?{=It panics ~Nothing happens ####${ORG_QUESTION.explanation}}`,
      topic: 'channels',
      references: ORG_QUESTION.references,
    }),
    expect: orgA(201),
  },
  'GET /api/drills/settings': { expect: users },
  'PUT /api/drills/settings': { body: () => ({ newCardsPerDay: 12 }), expect: users },
  'POST /api/judge/runs': { body: () => ({ questionId: JUDGE_TASK, files: { 'fetch.go': 'package fetch\n' } }), expect: s(401, 401, 201, 201, 201, 201) },
  'GET /api/judge/status': { expect: users },
  'GET /api/judge/runs/{id}': { path: (ids) => ({ id: ids.judgeRun }), expect: learnerOwn(200) },
  'GET /api/judge/runs/{id}/events': { path: (ids) => ({ id: ids.judgeRun }), expect: learnerOwn(200) },
  // Nobody has the task as a drill card: users get 404, and no one without a session gets further than 401.
  'POST /api/judge/playground': { body: () => ({ drillQuestionId: JUDGE_TASK, files: { 'fetch.go': 'package fetch\n' } }), expect: s(401, 401, 404, 404, 404, 404) },
  'POST /api/drills/cards/{questionId}/judge': {
    path: () => ({ questionId: JUDGE_TASK }),
    body: () => ({ files: { 'fetch.go': 'package fetch\n' } }),
    expect: s(401, 401, 404, 404, 404, 404),
  },
  'GET /api/drills/due': { expect: users },
  'GET /api/drills/stats': { expect: users },
  'GET /api/drills/export.apkg': { expect: users },
  'GET /api/drills/export.csv': { expect: users },
  'POST /api/drills/cards/{questionId}/suspend': { path: (ids) => ({ questionId: ids.drillQuestion }), expect: learnerOwn(200) },
  'POST /api/drills/cards/{questionId}/unsuspend': { path: (ids) => ({ questionId: ids.drillQuestion }), expect: learnerOwn(200) },
  'POST /api/drills/reviews/{reviewId}/undo': { path: (ids) => ({ reviewId: ids.drillReview }), expect: learnerOwn(200) },
  'POST /api/drills/reviews': {
    body: (ids) => ({ reviewId: crypto.randomUUID(), questionId: ids.drillQuestion, durationMs: 3000, rating: 'good' }),
    expect: learnerOwn(200),
  },
  'DELETE /api/drills/deck/{questionId}': { path: (ids) => ({ questionId: ids.drillQuestion }), expect: learnerOwn(204) },
  'POST /api/drills/deck': { body: () => ({ topic: 'channels' }), expect: s(401, 401, 201, 201, 201, 201) },
  'GET /api/drills/deck': { expect: users },
  'GET /api/admin/drills/lapse-heavy': { expect: s(401, 401, 403, 403, 403, 200) },

  // Hiring: question sets (org A's), invites, the candidate's attempt, results.
  'GET /api/set-templates': { token: 'sets:manage', expect: s(401, 401, 403, 200, 200, 200) },
  'GET /api/orgs/{orgId}/sets': { token: 'sets:manage', path: (ids) => ({ orgId: ids.orgA }), expect: hiringA(200) },
  'POST /api/orgs/{orgId}/sets': { token: 'sets:manage', path: (ids) => ({ orgId: ids.orgA }), body: (_ids, role) => ({ title: `Set of ${role}` }), expect: hiringA(201) },
  'GET /api/orgs/{orgId}/sets/{setId}': { token: 'sets:manage', path: setA, expect: hiringA(200) },
  // A changed draft: the published v1 gets a draft v2, which the next entry publishes.
  'PUT /api/orgs/{orgId}/sets/{setId}/draft': { token: 'sets:manage', path: setA, body: (ids) => ({ ...setDraft(ids), title: 'Backend screen, v2' }), expect: hiringA(200) },
  // The tokens come after managerA's publish: they find no draft left (SET_NO_DRAFT), past authorization.
  'POST /api/orgs/{orgId}/sets/{setId}/publish': { token: 'sets:manage', tokenOk: 409, path: setA, expect: hiringA(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/versions/{version}': { token: 'sets:manage', path: (ids) => ({ ...setA(ids), version: '1' }), expect: hiringA(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/export': { token: 'sets:manage', path: setA, query: 'format=json', expect: hiringA(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/audit': { token: 'sets:manage', path: setA, expect: hiringA(200) },
  'POST /api/orgs/{orgId}/sets/{setId}/invites': { token: 'invites:manage',
    path: setA,
    body: (_ids, role) => ({ invitees: [{ name: 'Someone', email: `invitee-${role.toLowerCase()}@example.com` }], expiresAt: new Date(Date.now() + 86_400_000).toISOString() }),
    expect: hiringA(201),
  },
  'GET /api/orgs/{orgId}/sets/{setId}/invites': { token: 'invites:manage', path: setA, expect: hiringA(200) },
  'PUT /api/orgs/{orgId}/invites/{inviteId}/override': { token: 'invites:manage', path: (ids) => ({ orgId: ids.orgA, inviteId: ids.inviteA! }), body: () => ({ extraMinutes: 5 }), expect: hiringA(200) },
  'GET /api/orgs/{orgId}/invites/{inviteId}/audit': { token: 'invites:manage', path: (ids) => ({ orgId: ids.orgA, inviteId: ids.inviteA! }), expect: hiringA(200) },
  'GET /api/orgs/{orgId}/invites/{inviteId}/rooms': { token: 'results:read', path: (ids) => ({ orgId: ids.orgA, inviteId: ids.inviteA! }), expect: hiringA(200) },
  // Re-issued before it is revoked (a revoked invite answers 409); inviteToken2 is not used afterwards.
  'POST /api/orgs/{orgId}/invites/{inviteId}/reissue': { token: 'invites:manage', path: (ids) => ({ orgId: ids.orgA, inviteId: ids.inviteA2! }), body: () => ({}), expect: hiringA(200) },
  'POST /api/orgs/{orgId}/invites/{inviteId}/revoke': { token: 'invites:manage', path: (ids) => ({ orgId: ids.orgA, inviteId: ids.inviteA2! }), expect: hiringA(200) },
  'POST /api/candidate/session': { fresh: true, body: (ids) => ({ token: ids.inviteToken }), expect: anyone },
  'GET /api/candidate/status': { expect: candidateOnly(200) },
  'POST /api/candidate/start': { expect: candidateOnly(201) },
  'GET /api/candidate/attempt': { expect: candidateOnly(200) },
  'PUT /api/candidate/attempt/items/{position}/answer': { path: () => ({ position: '1' }), body: () => ({ response: null }), expect: candidateOnly(200) },
  'POST /api/candidate/attempt/signals': { body: () => ({ events: [{ type: 'blur', at: new Date().toISOString(), durationMs: 1000 }] }), expect: candidateOnly(204) },
  'GET /api/candidate/judge/status': { expect: candidateOnly(200) },
  // The set's first item is not that task (and the run is the learner's): the candidate gets 404, everyone else 401.
  'POST /api/candidate/attempt/judge/runs': {
    body: () => ({ questionId: JUDGE_TASK, position: 1, files: { 'fetch.go': 'package fetch\n' } }),
    expect: candidateOnly(404),
  },
  'GET /api/candidate/attempt/judge/runs/{id}': { path: (ids) => ({ id: ids.judgeRun }), expect: candidateOnly(404) },
  'GET /api/candidate/attempt/judge/runs/{id}/events': { path: (ids) => ({ id: ids.judgeRun }), expect: candidateOnly(404) },
  'POST /api/candidate/attempt/submit': { expect: candidateOnly(200) },
  'GET /api/candidate/attempt/review': { expect: candidateOnly(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/results': { token: 'results:read', path: setA, expect: hiringA(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/results.csv': { token: 'results:read', path: setA, expect: hiringA(200) },
  'GET /api/orgs/{orgId}/sets/{setId}/versions/{version}/statistics': { token: 'results:read', path: (ids) => ({ ...setA(ids), version: '1' }), expect: hiringA(200) },
  'GET /api/orgs/{orgId}/results/compare': { token: 'results:read', path: (ids) => ({ orgId: ids.orgA }), query: (ids) => `ids=${ids.candidateAttempt!}`, expect: hiringA(200) },
  'GET /api/orgs/{orgId}/results/{attemptId}': { token: 'results:read', path: (ids) => ({ orgId: ids.orgA, attemptId: ids.candidateAttempt! }), expect: hiringA(200) },
  'PUT /api/orgs/{orgId}/results/{attemptId}/items/{position}/grade': {
    path: (ids) => ({ orgId: ids.orgA, attemptId: ids.candidateAttempt!, position: '1' }),
    body: () => ({ score: 1, comment: 'Fine.' }),
    // Item 1 is a pinned choice question: org A's manager gets past authorization to GRADE_REFUSED.
    expect: hiringA(409),
  },
  'POST /api/orgs/{orgId}/sets/{setId}/duplicate': { token: 'sets:manage', path: setA, expect: hiringA(201) },
  'POST /api/orgs/{orgId}/sets/import': { token: 'sets:manage', path: (ids) => ({ orgId: ids.orgA }), body: (ids) => JSON.parse(ids.setExport!) as unknown, expect: hiringA(201) },
  'POST /api/orgs/{orgId}/sets/{setId}/archive': { token: 'sets:manage', path: setA, expect: hiringA(200) },
  'POST /api/orgs/{orgId}/sets/{setId}/unarchive': { token: 'sets:manage', path: setA, expect: hiringA(200) },
  'DELETE /api/orgs/{orgId}/questions/{id}': { path: orgQ, expect: orgA(204) },
  // Live rooms: the learner's own peer room (the learner holds the interviewer seat; the candidate seat is open).
  'POST /api/rooms': { body: () => ({ kind: 'peer', role: 'backend', level: 'senior' }), expect: s(401, 401, 201, 201, 201, 201) },
  'GET /api/rooms': { expect: users },
  'POST /api/rooms/join': { body: () => ({ joinToken: `rj_${'A'.repeat(43)}` }), expect: s(410, 410, 410, 410, 410, 410) },
  'GET /api/rooms/{id}': { path: room, expect: learnerOwn(200) },
  'POST /api/rooms/{id}/links': { path: room, expect: learnerOwn(200) },
  'POST /api/rooms/{id}/start': { path: room, expect: learnerOwn(200) },
  // The candidate seat is still empty: the learner gets past authorization to ROOM_SWAP_REFUSED.
  'POST /api/rooms/{id}/swap': { path: room, expect: learnerOwn(409) },
  'GET /api/rooms/{id}/panel': { path: room, query: 'topic=channels', expect: learnerOwn(200) },
  'POST /api/rooms/{id}/push': { path: room, body: (ids) => ({ questionId: ids.question }), expect: learnerOwn(200) },
  'POST /api/rooms/{id}/notes': { path: room, body: () => ({ body: 'Asked about nil channels.' }), expect: learnerOwn(201) },
  'GET /api/rooms/{id}/notes': { path: room, expect: learnerOwn(200) },
  // A choice question was pushed, no code task: ROOM_NO_TASK.
  'POST /api/rooms/{id}/run': { path: room, expect: learnerOwn(409) },
  'PUT /api/rooms/{id}/scorecard': { path: room, body: () => ({ ratings: { concurrency: 3 } }), expect: learnerOwn(200) },
  'GET /api/rooms/{id}/scorecard': { path: room, expect: learnerOwn(200) },
  'GET /api/rooms/{id}/replay': { path: room, expect: learnerOwn(200) },
  'POST /api/rooms/{id}/end': { path: room, expect: learnerOwn(200) },
  'GET /api/orgs/{orgId}/webhooks': { path: (ids) => ({ orgId: ids.orgA }), expect: hiringA(200) },
  // A public address literal: no DNS, and the event is never emitted, so nothing is sent.
  'POST /api/orgs/{orgId}/webhooks': { path: (ids) => ({ orgId: ids.orgA }), body: () => ({ url: 'https://93.184.216.34/hook', events: ['room.scored'] }), expect: hiringA(201) },
  'GET /api/orgs/{orgId}/webhooks/{id}/secret': { path: webhookA, expect: hiringA(200) },
  'POST /api/orgs/{orgId}/webhooks/{id}/secret/rotate': { path: webhookA, expect: hiringA(200) },
  'GET /api/orgs/{orgId}/webhooks/{id}/deliveries': { path: webhookA, expect: hiringA(200) },
  'POST /api/orgs/{orgId}/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    path: (ids) => ({ ...webhookA(ids), deliveryId: ids.webhookDelivery! }),
    expect: hiringA(202),
  },
  'POST /api/orgs/{orgId}/webhooks/{id}/test': { path: webhookA, expect: hiringA(202) },
  // Disabled, so deliveries queued by the entries above are closed without a request.
  'PUT /api/orgs/{orgId}/webhooks/{id}': { path: webhookA, body: () => ({ url: 'https://93.184.216.34/hook', events: ['room.scored'], enabled: false }), expect: hiringA(200) },
  'DELETE /api/orgs/{orgId}/webhooks/{id}': { path: (ids) => ({ orgId: ids.orgA, id: ids.webhookDoomed! }), expect: hiringA(204) },
  // API token management: sessions only (no token scope), personal ones per user, organization ones per member.
  'GET /api/me/tokens': { expect: users },
  'POST /api/me/tokens': { body: (_ids, role) => ({ name: `Token of ${role}`, scopes: ['bank:read'] }), expect: s(401, 401, 201, 201, 201, 201) },
  // Revoking again is not an error for the owner; everyone else is told it does not exist.
  'DELETE /api/me/tokens/{id}': { path: (ids) => ({ id: ids.learnerToken! }), expect: learnerOwn(204) },
  'GET /api/orgs/{orgId}/tokens': { path: (ids) => ({ orgId: ids.orgA }), expect: orgA(200) },
  'POST /api/orgs/{orgId}/tokens': { path: (ids) => ({ orgId: ids.orgA }), body: (_ids, role) => ({ name: `Org token of ${role}`, scopes: ['results:read'] }), expect: orgA(201) },
  'DELETE /api/orgs/{orgId}/tokens/{id}': { path: (ids) => ({ orgId: ids.orgA, id: ids.orgTokenA! }), expect: orgA(204) },
  // Role-changing and session-ending writes last.
  'POST /api/orgs': { fresh: true, body: (_ids, role) => ({ name: `Org of ${role}` }), expect: s(401, 401, 201, 201, 201, 201) },
  'POST /api/auth/logout': { fresh: true, expect: s(401, 401, 204, 204, 204, 204) },
  'POST /api/auth/password': {
    fresh: true,
    body: () => ({ currentPassword: PASSWORD, newPassword: 'a different long secret' }),
    expect: s(401, 401, 204, 204, 204, 204),
  },
};
