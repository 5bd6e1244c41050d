import type { Page } from 'playwright-core';
import { CandidatePage } from '../pages/candidate-page';
import { HiringApi } from '../pages/hiring-api';
import { RegisterPage } from '../pages/register-page';
import { uniqueEmail } from './artifacts';
import { launchBrowser, type Browser } from './chromium';

export type HiringManager = { browser: Browser; page: Page; api: HiringApi; orgId: string };

/**
 * The usual start of a hiring spec: a manager signed up in a browser of their own, with one
 * organisation. The caller closes `browser` in its afterAll.
 */
export async function managerWithOrg(who: {
  displayName: string;
  emailPrefix: string;
  password: string;
  orgName: string;
  viewport?: { width: number; height: number };
}): Promise<HiringManager> {
  const browser = await launchBrowser(who.viewport ? { viewport: who.viewport } : {});
  try {
    const page = await browser.context.newPage();
    await RegisterPage.signUp(page, { displayName: who.displayName, email: uniqueEmail(who.emailPrefix), password: who.password });
    const api = new HiringApi(page);
    const orgId = await api.createOrg(who.orgName);
    return { browser, page, api, orgId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * A candidate with an invite link in a browser of their own (a separate profile, as a separate
 * person has): the link is opened, `act` runs, and the browser is closed whatever happens.
 */
export async function asCandidate<T>(link: string, act: (candidate: CandidatePage) => Promise<T>, options: { viewport?: { width: number; height: number } } = {}): Promise<T> {
  const browser = await launchBrowser(options.viewport ? { viewport: options.viewport } : {});
  try {
    const candidate = new CandidatePage(await browser.context.newPage());
    await candidate.open(link);
    return await act(candidate);
  } finally {
    await browser.close();
  }
}
