// The browser side of every suite: one Chromium per suite file, a fresh
// context per test, and `pageTest`, the test wrapper that fails a test on
// uncaught page errors, console errors and any Content Security Policy
// violation, and saves a screenshot, the HTML and the console log when a
// test fails.
//
// A suite calls `useBrowser()` once at top level, then writes
// `pageTest(name, async ({ page, context, errors, csp }) => { ... })`.

import { test, before, after } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assert } from './assert.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';
import { recordCspViolations, expectNoCspViolations } from './csp.mjs';

export { test, CHROMIUM_PATH, CHROMIUM_ARGS };

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(here, '..', 'artifacts');

/** Generous timeouts: CI is a 2-core machine that is also compiling. */
export const TIMEOUT = Number(process.env.QUJAT_E2E_TIMEOUT_MS || 20_000);
export const TEST_TIMEOUT = 4 * 60_000;

/** Launches the Debian Chromium headless. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The app's address: set by tests/e2e/run.mjs (or by hand, e.g. trunk serve). */
export function baseURL() {
  const url = process.env.QUJAT_BASE_URL;
  if (!url) {
    throw new Error('QUJAT_BASE_URL is not set: run the suites through `node tests/e2e/run.mjs`');
  }
  return url.replace(/\/$/, '');
}

/**
 * A fresh context (own storage, cookies, cache): the base URL, 1280×800,
 * kk-KZ, Asia/Almaty. @axe-core/playwright needs pages from
 * browser.newContext(), never browser.newPage().
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: 1280, height: 800 },
    locale: 'kk-KZ',
    timezoneId: 'Asia/Almaty',
    ...options,
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT * 2);
  return context;
}

const shared = { browser: null };

/** Registers before/after hooks that launch one browser for the file. Call once per suite. */
export function useBrowser() {
  before(async () => {
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    shared.browser = null;
  });
  return shared;
}

/** Console errors that are not the app's fault and never fail a test. */
function ignorable(message) {
  const url = message.location()?.url || '';
  // Chromium asks for /favicon.ico by itself; see docs/testing.md.
  return /\/favicon\.ico$/.test(url);
}

function slug(s) {
  return s
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * A test with a fresh context and page. `fn({ page, context, browser,
 * errors, csp })`; `csp.violations` lists the Content Security Policy
 * violations of every page of the context so far (a test that provokes one
 * on purpose empties it). Options: `contextOptions` (for
 * browser.newContext), `allowPageErrors` (a test that provokes page errors
 * on purpose; CSP violations still fail it), and node:test options
 * (`timeout`, `skip`, `todo`, `only`).
 */
export function pageTest(name, fn, { contextOptions, allowPageErrors = false, ...testOptions } = {}) {
  const file = path.basename(process.argv[1] || 'suite', '.test.mjs');
  return test(name, { timeout: TEST_TIMEOUT, ...testOptions }, async () => {
    assert.ok(shared.browser, 'useBrowser() was not called in this suite');
    const context = await newContext(shared.browser, contextOptions);
    const csp = await recordCspViolations(context);
    const page = await context.newPage();
    const errors = [];
    const log = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack || e.message}`));
    page.on('console', (message) => {
      log.push(`[${message.type()}] ${message.text()}`);
      if (message.type() === 'error' && !ignorable(message)) errors.push(`console.error: ${message.text()}`);
    });
    try {
      await fn({ page, context, browser: shared.browser, errors, csp });
      await csp.settle(page);
      expectNoCspViolations(csp.violations);
      if (!allowPageErrors && errors.length) {
        assert.fail(`the page reported errors:\n  ${errors.join('\n  ')}`);
      }
    } catch (e) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const stem = path.join(ARTIFACTS, `${file}--${slug(name)}`);
      try {
        await page.screenshot({ path: `${stem}.png`, fullPage: true, timeout: 10_000 });
        writeFileSync(`${stem}.html`, await page.content());
        writeFileSync(`${stem}.console.txt`, `${page.url()}\n${log.join('\n')}\n`);
        console.error(`  artifacts: ${path.relative(process.cwd(), stem)}.{png,html,console.txt}`);
      } catch (shotError) {
        console.error(`  (could not save artifacts: ${shotError.message})`);
      }
      throw e;
    } finally {
      await context.close();
    }
  });
}
