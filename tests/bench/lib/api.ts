/** A tiny cookie-keeping API client for the bench setup (real users, real sessions, real CSRF). */
export class ApiUser {
  private jar = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly email: string,
  ) {}

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string {
    return this.jar.get('goprep_csrf') ?? '';
  }

  /** Headers a browser would send for a write. */
  headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' };
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: this.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  /** The same browser (same cookies) talking to another instance. */
  on(base: string): ApiUser {
    const other = new ApiUser(base, this.email);
    other.jar = this.jar;
    return other;
  }

  static async register(base: string, email: string): Promise<ApiUser> {
    const u = new ApiUser(base, email);
    await u.ok('GET', '/api/auth/csrf');
    await u.ok('POST', '/api/auth/register', { email, password: 'bench-Password-2026!', displayName: email.split('@')[0] });
    return u;
  }
}

export interface ItemView {
  type: string;
  options?: Array<{ id: string }>;
}

/** A valid response for a question of this type (right or wrong does not matter to the load). */
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
    default:
      return { text: `answer ${k}` };
  }
}

/** Runs fn over items with at most `limit` at once. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
