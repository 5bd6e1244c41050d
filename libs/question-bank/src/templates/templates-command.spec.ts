import { join } from 'node:path';
import { main, type Io } from '../cli';

const validBank = join(__dirname, '..', '__fixtures__', 'valid-bank');
const fixtures = join(__dirname, '__fixtures__');

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

describe('bank CLI: templates', () => {
  it('should print every level and exit 0 when every template can be filled', async () => {
    const io = capture();
    expect(await main(['templates', '--bank', validBank, '--templates', join(fixtures, 'fits')], io)).toBe(0);
    expect(io.stdout.filter((line) => /^(ok|SHORT) /.test(line))).toHaveLength(3);
    expect(io.stdout[io.stdout.length - 1]).toBe('3 sets (seed 1): 3 complete, 0 short; 0 template problem(s)');
  });

  it('should exit 1 and name the pools when a template cannot be filled', async () => {
    const io = capture();
    expect(await main(['templates', '--bank', validBank, '--templates', join(fixtures, 'short'), '--seed', '7'], io)).toBe(1);
    expect(io.stdout.filter((line) => line.includes('cannot fill'))).toHaveLength(3);
    expect(io.stdout[io.stdout.length - 1]).toBe('3 sets (seed 7): 0 complete, 3 short; 0 template problem(s)');
  });

  it('should print template problems and exit 1', async () => {
    const io = capture();
    expect(await main(['templates', '--bank', validBank, '--templates', join(fixtures, 'broken')], io)).toBe(1);
    expect(io.stdout).toContain('libs/question-bank/src/templates/__fixtures__/broken/wrong-id.yaml:1: id "another-id" must equal the file name "wrong-id"');
    expect(io.stdout[io.stdout.length - 1]).toBe('0 sets (seed 1): 0 complete, 0 short; 12 template problem(s)');
  });

  it('should refuse a seed that is not an integer', async () => {
    const io = capture();
    expect(await main(['templates', '--bank', validBank, '--seed', 'abc'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--seed must be an integer');
  });
});
