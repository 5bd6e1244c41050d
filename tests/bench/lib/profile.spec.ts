import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseProfiles } from './profile';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children });

describe('summariseProfiles', () => {
  it('should credit each owner on the stack once per sample for inclusive time, as a share of the non-idle time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goprep-profile-'));
    try {
      // root -> helmet's middleware -> express's next -> helmet again (re-entry) -> pg's submit; and idle.
      const nodes = [
        frame(1, '(root)', '', [2, 6]),
        frame(2, 'helmetMiddleware', '/x/node_modules/helmet/index.cjs', [3]),
        frame(3, 'next', '/x/node_modules/express/lib/router.js', [4, 5]),
        frame(4, 'again', '/x/node_modules/helmet/index.cjs', [7]),
        frame(5, 'handler', 'file:///x/apps/api/dist/modules/a.js'),
        frame(6, '(idle)', ''),
        frame(7, 'submit', '/x/node_modules/pg/lib/query.js'),
      ];
      // 10 ms each: pg 3 samples, handler 1, express 1, idle 5.
      const samples = [7, 7, 7, 5, 3, 6, 6, 6, 6, 6];
      writeFileSync(join(dir, 'api-1.cpuprofile'), JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 10_000) }));
      const out = summariseProfiles(dir);
      const inclusive = out.slice(out.indexOf('inclusive time by owner'));
      expect(inclusive).toContain('of the busy (non-idle) 0.1 s');
      // helmet is on the stack of all five busy samples, counted once each despite re-entry: 100 %.
      expect(inclusive).toMatch(/100\.0%\s+helmet\n/);
      expect(inclusive).toMatch(/100\.0%\s+express\n/);
      expect(inclusive).toMatch(/60\.0%\s+pg\n/);
      expect(inclusive).toMatch(/20\.0%\s+goprep apps\/api$/m);
      // Self time stays a share of everything, idle included.
      expect(out).toMatch(/50\.0%\s+\(\(idle\)\)/);
      expect(out).toMatch(/30\.0%\s+pg\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
