import { findGo, goEnv, GoToolchainError, parseGoVersion } from './toolchain';

describe('Go toolchain', () => {
  it('should fail with a clear message when no go binary can be found', async () => {
    const search = { path: '/nonexistent', goroot: '/nonexistent', fallbackDirs: [] };
    await expect(findGo(search)).rejects.toThrow(GoToolchainError);
    await expect(findGo(search)).rejects.toThrow(/no Go toolchain found .* install Go >= 1\.22/);
  });

  it('should read the version of go env GOVERSION', () => {
    expect(parseGoVersion('go1.26.8\n')).toEqual({ version: 'go1.26.8', minor: 26 });
    expect(parseGoVersion('go1.22')).toEqual({ version: 'go1.22', minor: 22 });
    expect(parseGoVersion('devel')).toBeUndefined();
  });

  it('should drop -mod=mod from GOFLAGS and never download a toolchain', () => {
    const saved = { GOFLAGS: process.env['GOFLAGS'], GOTOOLCHAIN: process.env['GOTOOLCHAIN'] };
    process.env['GOFLAGS'] = '-mod=mod -buildvcs=false';
    delete process.env['GOTOOLCHAIN'];
    try {
      const env = goEnv({ GODEBUG: 'gctrace=1' });
      expect(env['GOFLAGS']).toBe('-buildvcs=false');
      expect(env['GOTOOLCHAIN']).toBe('local');
      expect(env['GODEBUG']).toBe('gctrace=1');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('should find the Go toolchain of this machine (>= 1.22), which the verifier tests need', async () => {
    const go = await findGo();
    expect(go.minor).toBeGreaterThanOrEqual(22);
  });
});
