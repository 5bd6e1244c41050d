#!/usr/bin/env node
// The Anki export proven by Anki itself (issue 19): starts the production build (embedded
// Postgres), has a learner build a deck, exports it as .apkg, adds cards and exports again, and
// imports both files with Anki's own Python package (PyPI `anki`, installed into the git-ignored
// .venv-ci like Schemathesis) into a fresh collection. Fails unless the first import holds exactly
// the deck's cards, the second adds only the new ones (nothing duplicated, the rest matched by
// guid), the notes carry the code, the explanation and the topic tags, and the CSV export has
// Anki's import headers. Build first: npx nx run-many -t build -p api web.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { cookieClient } from '../security/cookie-client.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PY = process.env.ANKI_PYTHON ?? join(ROOT, '.venv-ci/bin/python');

function ensureAnki() {
  const has = () => existsSync(PY) && spawnSync(PY, ['-c', 'import anki'], { stdio: 'ignore' }).status === 0;
  if (has()) return;
  process.stdout.write('anki import: installing anki (PyPI) into .venv-ci (once)\n');
  if (!existsSync(PY)) spawnSync('python3', ['-m', 'venv', join(ROOT, '.venv-ci')], { stdio: 'inherit' });
  spawnSync(join(ROOT, '.venv-ci/bin/pip'), ['install', '--quiet', '--disable-pip-version-check', 'anki>=25'], { stdio: 'inherit' });
  if (!has()) {
    process.stderr.write('anki import: the anki package is missing and could not be installed (needs python3 with venv and network to PyPI)\n');
    process.exit(1);
  }
}

ensureAnki();
const { startApp } = await tsImport('../support/index.ts', import.meta.url);
const app = await startApp({ env: { LOG_LEVEL: 'warn', ATTEMPT_SWEEP_INTERVAL_MS: '0' } });
const work = mkdtempSync(join(tmpdir(), 'goprep-anki-'));
const failures = [];
const check = (ok, what) => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) failures.push(what);
};

try {
  const learner = cookieClient(app.url);
  await learner.call('GET', '/api/health');
  await learner.call('POST', '/api/auth/register', { email: 'anki@example.com', password: 'a long enough secret', displayName: 'Anki learner' });
  const download = async (path, file) => {
    const headers = { cookie: [...learner.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    const res = await fetch(app.url + path, { headers });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    const body = Buffer.from(await res.arrayBuffer());
    writeFileSync(join(work, file), body);
    return { res, body };
  };

  // A card is exported once reviewed (its back carries the key, shown only after answering).
  const reviewAll = async () => {
    const deck = await learner.call('GET', '/api/drills/deck?limit=500');
    for (const card of deck.cards.filter((c) => c.lastReview === null)) {
      await learner.call('POST', '/api/drills/reviews', { reviewId: randomUUID(), questionId: card.questionId, durationMs: 4000, rating: 'good' });
    }
  };
  const first = await learner.call('POST', '/api/drills/deck', { topic: 'channels' });
  await reviewAll();
  const one = await download('/api/drills/export.apkg', 'one.apkg');
  check(/attachment; filename="goprep-drills-\d{4}-\d{2}-\d{2}\.apkg"/.test(one.res.headers.get('content-disposition') ?? ''), 'the package downloads as goprep-drills-<date>.apkg');
  const second = await learner.call('POST', '/api/drills/deck', { topic: 'memory-model' });
  await reviewAll();
  await download('/api/drills/export.apkg', 'two.apkg');
  const csv = await download('/api/drills/export.csv', 'deck.csv');
  const csvText = csv.body.toString('utf8');
  check(csvText.startsWith('#separator:comma\r\n#html:true\r\n'), 'the CSV starts with Anki import headers');
  check(csvText.trimEnd().split('\r\n').length === 5 + first.added + second.added, `the CSV has a line per card (${first.added + second.added})`);

  const run = spawnSync(PY, [join(ROOT, 'tests/interop/anki_import_check.py'), join(work, 'one.apkg'), join(work, 'two.apkg')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Anki refused the package:\n${run.stderr}`);
  const [afterOne, afterTwo] = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  check(afterOne.notes === first.added && afterOne.cards === first.added, `first import: ${afterOne.notes} notes, ${afterOne.cards} cards (the deck had ${first.added})`);
  check(afterOne.decks.includes('goprep') && afterOne.notetypes.includes('goprep question'), 'the goprep deck and note type exist');
  const total = first.added + second.added;
  check(afterTwo.notes === total && afterTwo.cards === total, `second import: ${afterTwo.notes} notes in all (${total} expected: nothing duplicated)`);
  check(afterTwo.log.new === second.added, `second import added only the ${second.added} new cards (log: ${JSON.stringify(afterTwo.log)})`);
  check(new Set(afterTwo.content.map((n) => n.guid)).size === total, 'every note has its own guid');
  const note = afterTwo.content.find((n) => n.fields[0].includes('class="gp-code"'));
  check(Boolean(note), 'a note with a code block kept it monospace and highlighted (gp-code with token classes)');
  check(Boolean(note && /gp-[kbsnc]"/.test(note.fields[0])), 'the code carries highlighting classes');
  check(afterTwo.content.every((n) => n.fields[1].includes('gp-answer') && n.tags.includes('goprep')), 'every back has the answer; every note is tagged goprep');
  check(afterTwo.content.some((n) => n.tags.includes('goprep::channels')) && afterTwo.content.some((n) => n.tags.includes('goprep::memory-model')), 'notes are tagged by topic');
} catch (e) {
  failures.push(e instanceof Error ? e.message : String(e));
  process.stderr.write(`anki import: ${e instanceof Error ? e.stack : String(e)}\n${app.output().slice(-2000)}\n`);
} finally {
  await app.stop();
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`anki import: ${failures.length === 0 ? 'PASS' : `FAIL (${failures.length})`}\n`);
process.exit(failures.length === 0 ? 0 : 1);
