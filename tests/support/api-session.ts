/**
 * One browser's cookie jar over fetch, for scripts that drive the real API (bench, chaos): real
 * sessions, the CSRF cookie echoed in the header the way the web app does it, and the time each
 * call took.
 */
export interface Reply<T> {
  status: number;
  body: T;
  ms: number;
}

export class ApiSession {
  private jar = new Map<string, string>();

  /** Writable: a restarted app may come back on another address with the same cookies. */
  constructor(public base: string) {}

  /** The Cookie header a browser would send. */
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string {
    const token = this.jar.get('goprep_csrf');
    return token ? decodeURIComponent(token) : '';
  }

  /** Headers a browser would send for a write. */
  headers(): Record<string, string> {
    const { cookie, csrf } = this;
    return {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    };
  }

  /** Any status comes back as a reply; only a network failure (server gone) rejects. */
  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Reply<T>> {
    const started = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers: this.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const key = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(key);
      else this.jar.set(key, value);
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed as T, ms: performance.now() - started };
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.call<T>(method, path, body);
    if (reply.status >= 300) throw new Error(`${method} ${path} -> ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  cookies(): Array<{ name: string; value: string }> {
    return [...this.jar].map(([name, value]) => ({ name, value }));
  }

  /** The same browser (same cookies) talking to another instance. */
  on(base: string): ApiSession {
    const other = new ApiSession(base);
    other.jar = this.jar;
    return other;
  }

  static async register(base: string, email: string, password: string): Promise<ApiSession> {
    const session = new ApiSession(base);
    await session.ok('GET', '/api/auth/csrf');
    await session.ok('POST', '/api/auth/register', { email, password, displayName: email.split('@')[0] });
    return session;
  }

  static async login(base: string, email: string, password: string): Promise<ApiSession> {
    const session = new ApiSession(base);
    await session.ok('GET', '/api/auth/csrf');
    await session.ok('POST', '/api/auth/login', { email, password });
    return session;
  }
}

/** What responseFor needs of a delivered item. */
export interface ItemView {
  type: string;
  options?: Array<{ id: string }>;
  matchItems?: Array<{ id: string }>;
}

/** A valid response of the item's type that carries `k` where the type allows it (right or wrong does not matter). */
export function responseFor(item: ItemView, k: number): Record<string, unknown> {
  const option = (i: number) => item.options?.[i % Math.max(1, item.options.length)]?.id ?? 'a';
  switch (item.type) {
    case 'single':
      return { choice: option(k) };
    case 'multi':
      return { choices: [option(k)] };
    case 'true-false':
      return { value: k % 2 === 0 };
    case 'numeric':
      return { value: k };
    case 'code-lines':
      return { lines: [1 + (k % 5)] };
    case 'ordering': {
      const ids = (item.options ?? []).map((o) => o.id);
      const at = k % Math.max(1, ids.length);
      return { order: [...ids.slice(at), ...ids.slice(0, at)] };
    }
    case 'matching':
      return { pairs: Object.fromEntries((item.matchItems ?? []).map((left, i) => [left.id, option(k + i)])) };
    default:
      return { text: `answer ${k}` };
  }
}
