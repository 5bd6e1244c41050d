// A real OpenID provider (the oidc-provider package) for the single sign-on tests, run as its
// own process because the package is ESM-only. Its settings arrive as JSON in OIDC_FIXTURE:
// { port, clients: [{ client_id, client_secret, redirect_uris, codeTtlSeconds? }],
//   users: { "<login>": { password, email, email_verified, name } } }.
// The login step is a plain HTML form posted to /interaction/<uid>; consent is implied.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const fixture = JSON.parse(process.env.OIDC_FIXTURE ?? '{}');
const issuer = `http://127.0.0.1:${fixture.port}`;
const users = fixture.users ?? {};
const codeTtl = new Map((fixture.clients ?? []).map((c) => [c.client_id, c.codeTtlSeconds ?? 60]));

const provider = new Provider(issuer, {
  clients: (fixture.clients ?? []).map(({ codeTtlSeconds: _ttl, ...c }) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...c,
  })),
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the claims itself (no userinfo call needed).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  ttl: { AuthorizationCode: (_ctx, code) => codeTtl.get(code.clientId) ?? 60 },
  cookies: { keys: ['goprep-oidc-test-cookie-key'] },
  async findAccount(_ctx, sub) {
    const user = users[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, email: user.email, email_verified: user.email_verified, name: user.name }),
    };
  },
  // First-party test clients: the grant is given with the login, no consent screen.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
});

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, error) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test identity provider</title></head><body>
<h1>Test identity provider: sign in</h1>
${error ? `<p id="error">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}">
<label>Login <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const handle = provider.callback();
const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
  if (!match) return handle(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid));
    }
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const user = users[login];
    if (!user || user.password !== form.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid, 'Wrong login or password'));
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(`interaction failed: ${e instanceof Error ? e.message : String(e)}`);
  }
});

server.listen(fixture.port, '127.0.0.1', () => {
  process.stdout.write(`oidc-provider ready ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
