// What every browser test shares: Debian's Chromium, headless, driven by playwright-core, and the app under test
// as the Java test that runs the script passes it (environment variables).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const settings = {
  baseUrl: required('TIERZERO_URL'),
  tenant: required('TIERZERO_TENANT'),
  user: required('TIERZERO_USER'),
  password: required('TIERZERO_PASSWORD'),
  screenshots: required('TIERZERO_SCREENSHOTS')
};

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/** Signs in on the app's sign-in page as TIERZERO_USER, as a person would, and lands in the console. */
async function signIn(page) {
  await page.goto(`${settings.baseUrl}/login`);
  await page.fill('#username', settings.user);
  await page.fill('#password', settings.password);
  await Promise.all([page.waitForURL('**/console/**'), page.click('button[type=submit]')]);
}

/**
 * Runs a test in a fresh page, signed in; a failure is printed with a screenshot of the page and exits non-zero.
 */
export async function browserTest(name, test) {
  mkdirSync(settings.screenshots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', error => console.error(`page error: ${error.message}`));
  const screenshot = label => page.screenshot({ path: join(settings.screenshots, `${name}-${label}.png`), fullPage: true });
  const open = route => page.goto(`${settings.baseUrl}/console/index.html?tenant=${encodeURIComponent(settings.tenant)}#${route}`);
  try {
    await signIn(page);
    await test({ page, open, screenshot });
    console.log(`${name}: passed`);
  } catch (failure) {
    await screenshot('failure').catch(() => {});
    console.error(`${name}: FAILED: ${failure.stack ?? failure}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}
