// setupFiles entry for suites run by jest-light-runner (tests/api-e2e): imported once by each worker
// thread before its first test file.
//
// 1. TypeScript. Jest's default runner compiles it with the preset's @swc/jest transform inside its
//    per-file module registry; jest-light-runner uses Node's own loaders, so the worker gets the same
//    compilation here: @swc-node/register (CommonJS with decorator metadata and the tsconfig's paths;
//    SWC_NODE_PROJECT, which light-runner.mjs sets to <rootDir>/tsconfig.json) and a module hook that
//    hands the .ts test files jest-light-runner import()s to the CommonJS loader.
// 2. What jest-light-runner's own loop leaves out of Jest's semantics: it calls each test and hook
//    without a time limit and never checks expect.assertions()/hasAssertions(). Each test and hook is
//    bounded by its own timeout or the config's testTimeout (GOPREP_JEST_TEST_TIMEOUT, from
//    light-runner.mjs; a hung test fails instead of hanging the run), and each test's expected assertion count is checked after it, as jest-circus does.
//    tools/jest/light-runner.spec.ts runs failing fixtures through the runner to hold both.
// 3. setupFilesAfterEnv per file. Jest's runner evaluates those files again for each test file, so a
//    hook they declare (tests/web-e2e's afterAll that closes the file's Chromium) runs after every
//    file; jest-light-runner imports them once per worker and then resets jest-circus' state before
//    each file, which drops the hooks. The root-level hooks they declare here are kept and put first
//    into each test file's root block, where Jest's runner has them (declared before the file's own).
import { createRequire, register } from 'node:module';
import { addEventHandler, getState } from 'jest-circus';

createRequire(import.meta.url)('@swc-node/register');
register('./ts-as-commonjs.mjs', import.meta.url);

const defaultTimeout = Number(process.env.GOPREP_JEST_TEST_TIMEOUT ?? 5000);

/** `fn` (promise- or done-style) as a promise-style function that fails after `ms`. */
function bounded(fn, ms, what, checkAssertions) {
  const call = fn.length >= 1 ? () => new Promise((resolve, reject) => fn((error) => (error ? reject(error) : resolve()))) : fn;
  return () => {
    if (checkAssertions) globalThis.expect.setState({ assertionCalls: 0, expectedAssertionsNumber: null, isExpectingAssertions: false });
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Exceeded timeout of ${ms} ms for ${what}. Add a timeout value to it if it is meant to run longer.`)), ms);
    });
    return Promise.race([Promise.resolve().then(call), limit])
      .finally(() => clearTimeout(timer))
      .then(() => {
        if (!checkAssertions) return;
        const [first] = globalThis.expect.extractExpectedAssertionsErrors();
        if (first) throw first.error;
      });
  };
}

// jest-light-runner imports this file, then installs the globals and imports the setupFilesAfterEnv
// files without resetting jest-circus' state: hooks declared on this root block come from those.
const setupRoot = getState().rootDescribeBlock;
const perFileHooks = [];
let seededRoot = setupRoot;

addEventHandler((event, state) => {
  const root = state.rootDescribeBlock;
  if (root !== seededRoot) {
    // The first declaration of a new test file (jest-light-runner reset the state before importing it).
    seededRoot = root;
    root.hooks.unshift(...perFileHooks.map((hook) => ({ ...hook, parent: root })));
  }
  const block = state.currentDescribeBlock;
  if (event.name === 'add_test') {
    const test = block.children.at(-1);
    if (test?.type === 'test' && test.fn === event.fn && test.fn) test.fn = bounded(test.fn, test.timeout ?? defaultTimeout, `the test "${test.name}"`, true);
  } else if (event.name === 'add_hook') {
    const hook = block.hooks.at(-1);
    if (hook?.fn === event.fn) hook.fn = bounded(hook.fn, hook.timeout ?? defaultTimeout, `a ${hook.type} hook`, false);
    if (hook && block === setupRoot && root === setupRoot) perFileHooks.push(hook);
  }
});
