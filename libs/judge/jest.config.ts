export default {
  displayName: 'judge',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The adversarial suite compiles and runs real Go programs in the sandbox.
  testTimeout: 180_000,
};
