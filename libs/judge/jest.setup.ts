// Jest takes testTimeout from the root config only when several projects run together (the root
// `npm run test:unit`), so the judge's suites set theirs here: they compile and run real Go in the sandbox.
jest.setTimeout(180_000);
