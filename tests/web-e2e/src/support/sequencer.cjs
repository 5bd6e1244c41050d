// Plain CommonJS: Jest loads a test sequencer without transforming it.
const { basename } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Longest spec files first, also on a fresh clone. Jest orders by the durations of the last run
 * on this machine and, without them (every fresh clone, every CI run), by file size; a short file
 * that runs long (it waits on a restart or on a one-minute timer) then starts last and the other
 * workers sit idle behind it: room-restart started last in a fresh clone's run and ran 150 s, the
 * last 90 s or so of them alone. The seconds below are one warm run's (two workers, 7 December);
 * a file not listed counts as short. Durations Jest has from a run on this machine win.
 */
const KNOWN_SECONDS = {
  'axe.e2e-spec.ts': 95,
  'quiz.e2e-spec.ts': 77,
  'room-restart.e2e-spec.ts': 41,
  'room-peer.e2e-spec.ts': 36,
  'hiring-acceptance.e2e-spec.ts': 34,
  'zh-screens.e2e-spec.ts': 32,
  'question-sets.e2e-spec.ts': 30,
  'room-live.e2e-spec.ts': 30,
  'code-task-judged.e2e-spec.ts': 26,
  'candidate.e2e-spec.ts': 22,
};

class LongestFirstSequencer extends Sequencer {
  time(test) {
    return super.time(test) ?? (KNOWN_SECONDS[basename(test.path)] ?? 0) * 1000;
  }
}

module.exports = LongestFirstSequencer;
