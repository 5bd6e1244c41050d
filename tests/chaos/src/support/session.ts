/** One user's cookie jar over fetch: real sessions, real CSRF, and the time each call took. */
export interface Reply<T> {
  status: number;
  body: T;
  ms: number;
}

export class Session {
  private readonly jar = new Map<string, string>();

  constructor(public base: string) {}

  private headers(): Record<string, string> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.jar.get('goprep_csrf');
    return {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
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

  static async register(base: string, email: string, password = 'chaos monkey password'): Promise<Session> {
    const s = new Session(base);
    await s.ok('GET', '/api/auth/csrf');
    await s.ok('POST', '/api/auth/register', { email, password, displayName: email.split('@')[0] });
    return s;
  }
}

export interface DeliveredItem {
  position: number;
  type: string;
  options?: Array<{ id: string; text: string }>;
  answer: { response: Record<string, unknown> | null; flagged: boolean; timeSpentMs: number; revision: number; savedAt: string } | null;
}

export interface Delivery {
  id: string;
  state: string;
  now: string;
  deadlineAt: string;
  timeLimitSeconds: number;
  items: DeliveredItem[];
  result: { score: number } | null;
}

export interface Saved {
  position: number;
  revision: number;
  timeSpentMs: number;
  answered: boolean;
}

/** A valid response of the item's type that carries `k` where the type allows it. */
export function responseFor(item: Pick<DeliveredItem, 'type' | 'options'>, k: number): Record<string, unknown> {
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
      return { text: `answer number ${k}` };
  }
}

/** mulberry32: a small seeded generator, so a failing run can be replayed with its printed seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
