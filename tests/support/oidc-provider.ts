import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './free-port';

const MAIN = resolve(__dirname, 'oidc-provider-main.mjs');

export interface OidcTestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  /** Lifetime of this client's authorization codes (default 60). */
  codeTtlSeconds?: number;
}

export interface OidcTestUser {
  password: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface RunningOidcProvider {
  issuer: string;
  output(): string;
  stop(): Promise<void>;
}

/** A real OpenID provider (oidc-provider) in its own process on a free loopback port. */
export async function startOidcProvider(fixture: { clients: OidcTestClient[]; users: Record<string, OidcTestUser> }): Promise<RunningOidcProvider> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, OIDC_FIXTURE: JSON.stringify({ port, ...fixture }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const issuer = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`oidc-provider did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /oidc-provider ready (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`oidc-provider exited:\n${output}`));
    });
  });
  return {
    issuer,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
