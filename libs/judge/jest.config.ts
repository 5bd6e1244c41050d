/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "moduleResolution": "Node10"}} */
export default {
  displayName: 'judge',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The adversarial suite compiles and runs real Go programs in the sandbox (testTimeout alone is
  // ignored when the root config runs every project, hence the setup file).
  testTimeout: 180_000,
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
};
