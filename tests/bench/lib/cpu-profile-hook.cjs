// Preloaded into the API by `BENCH_PROFILE=<dir> npm run bench -- load` (NODE_OPTIONS=--require):
// `--cpu-prof` itself is not allowed in NODE_OPTIONS. The in-process inspector answers
// synchronously, so the profile can still be written from the 'exit' handler.
const { Session } = require('node:inspector');
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 1000 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err || !dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
