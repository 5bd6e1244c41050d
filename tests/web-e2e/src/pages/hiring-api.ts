import type { Page } from 'playwright-core';

type Json = Record<string, unknown>;

/**
 * Setup through the real API as the logged-in manager's browser (same cookies, CSRF header from
 * the readable cookie), for what a test does not exercise through the UI (building a set).
 */
export class HiringApi {
  constructor(readonly page: Page) {}

  private async csrf(): Promise<string> {
    const find = async () => (await this.page.context().cookies()).find((c) => c.name === 'goprep_csrf')?.value;
    let token = await find();
    if (!token) {
      const res = await this.page.request.get('/api/auth/csrf');
      token = (await find()) ?? ((await res.json()) as { token: string }).token;
    }
    return token;
  }

  async send(method: 'POST' | 'PUT', path: string, body?: Json): Promise<Json> {
    const res = await this.page.request.fetch(path, { method, headers: { 'X-CSRF-Token': await this.csrf() }, ...(body ? { data: body } : {}) });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as Json;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.page.request.get(path);
    if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async createOrg(name: string): Promise<string> {
    return (await this.send('POST', '/api/orgs', { name }))['id'] as string;
  }

  /** Public bank questions of one type (ids only). */
  async bankQuestions(type: string, count: number): Promise<string[]> {
    const page = await this.get<{ items: Array<{ id: string }> }>(`/api/questions?type=${type}&pageSize=${count}`);
    if (page.items.length < count) throw new Error(`the bank has fewer than ${count} ${type} questions`);
    return page.items.map((q) => q.id);
  }

  /** Creates, fills and publishes a set of fixed items; returns its id. */
  async publishedSet(
    orgId: string,
    settings: { title: string; instructions: string; timeLimitSeconds: number; reviewPolicy: string; questionIds: string[]; language?: string },
  ): Promise<string> {
    const setId = (await this.send('POST', `/api/orgs/${orgId}/sets`, { title: settings.title }))['id'] as string;
    await this.send('PUT', `/api/orgs/${orgId}/sets/${setId}/draft`, {
      title: settings.title,
      instructions: settings.instructions,
      timeLimitSeconds: settings.timeLimitSeconds,
      shuffleOptions: false,
      overduePolicy: 'auto-submit',
      submitGraceSeconds: 0,
      reviewPolicy: settings.reviewPolicy,
      ...(settings.language !== undefined ? { language: settings.language } : {}),
      items: settings.questionIds.map((questionId) => ({ kind: 'fixed', questionId, points: 1 })),
    });
    await this.send('POST', `/api/orgs/${orgId}/sets/${setId}/publish`);
    return setId;
  }

  /** Invites through the API (for links the test wants to expire or revoke quickly). */
  async invite(orgId: string, setId: string, invitees: Array<{ name: string; email: string }>, expiresAt: Date): Promise<Array<{ id: string; email: string; link: string }>> {
    const res = await this.send('POST', `/api/orgs/${orgId}/sets/${setId}/invites`, { invitees, expiresAt: expiresAt.toISOString() });
    return res['invites'] as Array<{ id: string; email: string; link: string }>;
  }
}
