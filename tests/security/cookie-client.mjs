// A tiny cookie-keeping HTTP client for the security scripts (sqlmap, Schemathesis): enough to
// register or log in, echo the CSRF cookie as its header, and create what the scans point at.
export function cookieClient(base) {
  const jar = new Map();
  const call = async (method, path, body) => {
    const headers = { 'content-type': 'application/json' };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar.has('goprep_csrf')) headers['x-csrf-token'] = decodeURIComponent(jar.get('goprep_csrf'));
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { call, jar };
}
