import { buildEnv } from './program';
import { harnessSource, renameMain } from './leak-harness';

describe('buildEnv', () => {
  it('should pass only build settings of a check env to the go command', () => {
    expect(buildEnv({ GOMEMLIMIT: '1MiBB', GODEBUG: 'gctrace=1', GOEXPERIMENT: 'greenteagc' })).toEqual({ GOEXPERIMENT: 'greenteagc' });
    expect(buildEnv({ GOGC: 'off' })).toBeUndefined();
  });
});

describe('leak harness', () => {
  it('should rename main on the same line so line numbers hold', () => {
    const source = 'package main\n\nfunc main() {\n\tprintln(1)\n}\n';
    const renamed = renameMain(source);
    expect(renamed?.split('\n')[2]).toBe('func goprepQuestionMain() {');
    expect(renamed?.split('\n').length).toBe(source.split('\n').length);
  });

  it('should refuse a program without func main()', () => {
    expect(renameMain('package main\n\nfunc helper() {}\n')).toBeUndefined();
  });

  it('should wait settle_ms before dumping', () => {
    expect(harnessSource(150)).toContain('time.Sleep(150 * time.Millisecond)');
  });
});
