import { existsSync } from 'node:fs';

/**
 * Which Chromium a test drives. `headless-shell` is Chromium's lighter headless build (Debian's
 * `chromium-headless-shell`; what Playwright itself runs headless): the browser e2e specs cost about a
 * third less CPU with it and render the same pages (docs/performance.md, "Change 8"). Lighthouse
 * measures the full browser, so it asks for `full`.
 */
export type ChromiumKind = 'headless-shell' | 'full';

const FULL = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const SHELL = ['/usr/bin/chromium-headless-shell'];

const INSTALL_HINT =
  'No Chromium found. Install it with `sudo apt-get install -y chromium-headless-shell chromium` ' +
  '(Debian/Ubuntu; `npx playwright install` cannot download browsers here), or point CHROME_PATH at a ' +
  'Chrome/Chromium binary.';

/**
 * CHROME_PATH when set (and it must exist); else, for `headless-shell`, the headless shell if it is
 * installed and the full Chromium if not; for `full`, the first full Chromium found.
 */
export function findChromium(kind: ChromiumKind = 'headless-shell'): string {
  const configured = process.env['CHROME_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROME_PATH=${configured} does not exist. ${INSTALL_HINT}`);
    return configured;
  }
  const candidates = kind === 'headless-shell' ? [...SHELL, ...FULL] : FULL;
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}
