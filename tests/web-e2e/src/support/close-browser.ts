import { closeChromium } from './chromium';

// After every spec file: its tests' contexts share one Chromium (support/chromium.ts), closed here.
afterAll(async () => {
  await closeChromium();
});
