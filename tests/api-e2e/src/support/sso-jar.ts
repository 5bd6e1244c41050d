/* A browser's side of single sign-on over plain fetch, for the SSO suites. */

/**
 * A browser's cookie jar over plain fetch: every host here is 127.0.0.1 (cookies ignore ports),
 * so cookies are kept by name and path.
 */
export class Jar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  header(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([k, c]) => `${k.split('\u0000')[0]}=${c.value}`)
      .join('; ');
  }

  store(res: Response, url: URL): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const pathAttr = attrs.find((a) => a.toLowerCase().startsWith('path='));
      const path = pathAttr ? pathAttr.slice(5) : url.pathname.replace(/\/[^/]*$/, '') || '/';
      const key = `${name}\u0000${path}`;
      const expired = attrs.some((a) => a.toLowerCase() === 'max-age=0') || attrs.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now());
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  get(name: string): string | undefined {
    for (const [k, c] of this.cookies) if (k.split('\u0000')[0] === name) return c.value;
    return undefined;
  }

  set(name: string, value: string, path: string): void {
    this.cookies.set(`${name}\u0000${path}`, { value, path });
  }

  async fetch(href: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(href);
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(res, url);
    return res;
  }
}

/** Start at the app, sign in at the provider's form, and stop at the app's callback URL. */
export async function signInAtProvider(jar: Jar, appUrl: string, issuer: string, email: string, login: string, password: string): Promise<string> {
  let res = await jar.fetch(`${appUrl}/api/auth/sso/start?email=${encodeURIComponent(email)}`);
  expect(res.status).toBe(302);
  let location = new URL(res.headers.get('location')!, appUrl).href;
  expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
  const auth = new URL(location);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(auth.searchParams.get('nonce')).toBeTruthy();
  expect(auth.searchParams.get('state')).toBe(jar.get('goprep_sso_state'));
  for (let hops = 0; hops < 10; hops++) {
    if (location.startsWith(`${appUrl}/api/auth/sso/callback`)) return location;
    res = await jar.fetch(location);
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no login form at ${location}:\n${html}`);
      res = await jar.fetch(new URL(action, location).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login, password }).toString(),
      });
    }
    expect([302, 303]).toContain(res.status);
    location = new URL(res.headers.get('location')!, location).href;
  }
  throw new Error('too many redirects before the callback');
}

/** Follows the callback; answers where the app sent the browser. */
export async function finish(jar: Jar, callback: string): Promise<URL> {
  const res = await jar.fetch(callback);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

