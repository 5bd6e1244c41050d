// The runner of tests/api-e2e: jest-light-runner (files in worker threads sharing Node's module cache;
// docs/performance.md, "API e2e files in worker threads"), with what light-runner-setup.mjs needs from
// the project's config handed to the workers in their environment (the same in its main-thread mode,
// `-i`, where there is no worker data).
import { join } from 'node:path';
import LightRunner from 'jest-light-runner';

export default class GoprepLightRunner extends LightRunner {
  #globalConfig;

  constructor(globalConfig, ...rest) {
    super(globalConfig, ...rest);
    this.#globalConfig = globalConfig;
  }

  runTests(tests, ...rest) {
    const config = tests[0]?.context.config;
    if (config) {
      process.env.GOPREP_JEST_TEST_TIMEOUT = String(this.#globalConfig.testTimeout ?? config.testTimeout ?? 5000);
      process.env.SWC_NODE_PROJECT ??= join(config.rootDir, 'tsconfig.json');
    }
    return super.runTests(tests, ...rest);
  }
}
