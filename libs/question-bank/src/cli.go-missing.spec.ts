import { join } from 'node:path';
import { main, type Io } from './cli';
import { GoToolchainError } from './go/toolchain';

// Simulates a machine without a usable Go: the verifier must refuse with exit code 2.
jest.mock('./go/toolchain', () => {
  const actual: Record<string, unknown> = jest.requireActual('./go/toolchain');
  return {
    ...actual,
    findGo: () => Promise.reject(new (actual['GoToolchainError'] as typeof GoToolchainError)('/usr/bin/go is go1.21.0; the bank needs Go >= 1.22')),
  };
});

describe('bank CLI without a Go toolchain', () => {
  it('should exit 2 with a clear message when no Go >= 1.22 is found', async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: Io = { out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
    expect(await main(['verify', '--bank', join(__dirname, '__fixtures__', 'verify-bank')], io)).toBe(2);
    expect(stderr).toEqual(['error: /usr/bin/go is go1.21.0; the bank needs Go >= 1.22']);
    expect(stdout).toEqual([]);
  });
});
