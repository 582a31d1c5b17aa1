// Shared helpers for the Playwright suites in tests/e2e/*.test.mjs.
//
// Each suite is a node:test file (ES module) run by tests/e2e/run.mjs, which
// serves the release build (dist/) on 127.0.0.1 and passes its address in
// QUJAT_BASE_URL. A suite calls `useBrowser()` once at top level, then writes
// its tests with `pageTest(name, async ({ page, context }) => { ... })`, which
// gives each test a fresh browser context (empty localStorage), fails the
// test on uncaught page errors and console errors, and saves a screenshot and
// the page's HTML under tests/e2e/artifacts/ when the test fails.
//
// Accessibility: call `expectAxeClean(page, label)` on every page state a
// test reaches (each page, each language, each open dialog or error state).
// It runs axe-core with the WCAG 2.0/2.1/2.2 A and AA tags and fails on any
// violation, printing each one readably.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export { assert, test };

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(here, 'artifacts');

/** The Debian Chromium; Playwright must never download its own browser here. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** axe-core tags: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Generous timeouts: CI is a 2-core machine that is also compiling. */
export const TIMEOUT = Number(process.env.QUJAT_E2E_TIMEOUT_MS || 20_000);
export const TEST_TIMEOUT = 4 * 60_000;

/** The three interface languages, as the language switch shows them. */
export const LANGS = {
  kk: { code: 'kk', button: 'қазақша' },
  ru: { code: 'ru', button: 'русский' },
  en: { code: 'en', button: 'English' },
};

// ---------------------------------------------------------------- texts

const LOCALES = path.join(here, '..', '..', 'src', 'i18n', 'locales');
const messageCache = new Map();

/** Reads the simple `key = "text"` lines of a locale TOML file, under `prefix`. */
function readLocale(file, prefix, out) {
  let section = prefix ? [prefix] : [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    let m;
    if ((m = /^\[([a-z0-9_.]+)\]$/.exec(line))) {
      section = [...(prefix ? [prefix] : []), ...m[1].split('.')];
    } else if ((m = /^([a-z0-9_]+)\s*=\s*("(?:[^"\\]|\\.)*")\s*(?:#.*)?$/.exec(line))) {
      out[[...section, m[1]].join('_')] = JSON.parse(m[2]);
    }
  }
}

/**
 * The message `key` in `lang`, as the app's `tr::key(lang)` gives it (keys
 * are the same: `home_title`, `shell_skip_link`, `<area>_<key>` for
 * `<area>.<lang>.toml`). Plain strings only (no plural tables, no
 * multi-line strings); placeholders stay as written.
 */
export function msg(lang, key) {
  if (!messageCache.has(lang)) {
    const out = {};
    readLocale(path.join(LOCALES, `${lang}.toml`), '', out);
    for (const f of readdirSync(LOCALES)) {
      const m = new RegExp(`^([a-z0-9_]+)\\.${lang}\\.toml$`).exec(f);
      if (m) readLocale(path.join(LOCALES, f), m[1], out);
    }
    messageCache.set(lang, out);
  }
  const text = messageCache.get(lang)[key];
  if (text === undefined) throw new Error(`no plain message ${key} in ${lang} (src/i18n/locales)`);
  return text;
}

// Kazakh-only Cyrillic letters; Russian text has Cyrillic but none of these.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Does `text` look like it is written in `lang` (by script)? A sanity check
 * for long texts only: short Kazakh texts may have no Kazakh-only letter.
 */
export function looksLike(lang, text) {
  switch (lang) {
    case 'kk':
      return KAZAKH_LETTERS.test(text);
    case 'ru':
      return CYRILLIC.test(text) && !KAZAKH_LETTERS.test(text);
    case 'en':
      return /[A-Za-z]/.test(text) && !CYRILLIC.test(text);
    default:
      throw new Error(`unknown language ${lang}`);
  }
}

// ---------------------------------------------------------------- browser

/** Launches the Debian Chromium headless. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
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
 * A fresh context (own storage, cookies, cache). @axe-core/playwright needs
 * pages from browser.newContext(), never browser.newPage().
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

/**
 * Registers before/after hooks that launch one browser for the file. Call
 * once at the top level of a suite.
 */
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
function ignorable(msg) {
  const url = msg.location()?.url || '';
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
 * errors })`. Options: `contextOptions` (for browser.newContext),
 * `allowPageErrors` (a test that provokes errors on purpose), and node:test
 * options (`timeout`, `skip`, `only`).
 */
export function pageTest(name, fn, { contextOptions, allowPageErrors = false, ...testOptions } = {}) {
  const file = path.basename(process.argv[1] || 'suite', '.test.mjs');
  return test(name, { timeout: TEST_TIMEOUT, ...testOptions }, async () => {
    assert.ok(shared.browser, 'useBrowser() was not called in this suite');
    const context = await newContext(shared.browser, contextOptions);
    const page = await context.newPage();
    const errors = [];
    const log = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack || e.message}`));
    page.on('console', (msg) => {
      log.push(`[${msg.type()}] ${msg.text()}`);
      if (msg.type() === 'error' && !ignorable(msg)) errors.push(`console.error: ${msg.text()}`);
    });
    try {
      await fn({ page, context, browser: shared.browser, errors });
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

// ---------------------------------------------------------------- app

/**
 * Opens `urlPath` and waits until the Leptos app has replaced the static
 * shell from index.html and rendered the page heading. Returns the response.
 */
export async function gotoApp(page, urlPath = '/') {
  const response = await page.goto(urlPath, { waitUntil: 'load' });
  await waitForApp(page);
  return response;
}

/** Waits for the app to be mounted (after goto or reload). */
export async function waitForApp(page) {
  await page.locator('#static-shell').waitFor({ state: 'detached' });
  await page.locator('main#main h1').first().waitFor({ state: 'visible' });
}

export async function reloadApp(page) {
  const response = await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  return response;
}

export const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
export const h1Text = async (page) => (await page.locator('main#main h1').first().innerText()).trim();
export const storedLang = (page) => page.evaluate(() => localStorage.getItem('qujat.lang'));

/** The language switch button for `code` (kk, ru or en). */
export function langButton(page, code) {
  return page.getByRole('banner').getByRole('button', { name: LANGS[code].button, exact: true });
}

/** Clicks the language switch and waits until `<html lang>` follows. */
export async function switchLanguage(page, code) {
  await langButton(page, code).click();
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
}

/** aria-pressed of each language button: { kk: 'true', ru: 'false', en: 'false' }. */
export async function pressedLanguages(page) {
  const out = {};
  for (const code of Object.keys(LANGS)) out[code] = await langButton(page, code).getAttribute('aria-pressed');
  return out;
}

// ---------------------------------------------------------------- keyboard

/**
 * What has focus: tag, id, class, text, href, whether it is on screen, and
 * the landmark it is in (header, main, footer, nav, aside, dialog or null).
 */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
      return { tag: 'body', id: '', className: '', text: '', href: null, onScreen: false, region: null };
    }
    const r = el.getBoundingClientRect();
    const landmark = el.closest('header, main, footer, nav, aside, [role=dialog]');
    return {
      region: landmark ? landmark.getAttribute('role') || landmark.tagName.toLowerCase() : null,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.innerText || el.textContent || '').trim().slice(0, 120),
      href: el.getAttribute('href'),
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
}

/** Presses Tab (or Shift+Tab) `times` times and returns what has focus. */
export async function tab(page, { times = 1, shift = false } = {}) {
  for (let i = 0; i < times; i++) await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return focused(page);
}

/**
 * Tabs forward until `matches(focusedInfo)` holds; fails after `max` presses.
 * Returns the focused element's info.
 */
export async function tabUntil(page, matches, { max = 60, what = 'the wanted element' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    if (matches(f)) return f;
    seen.push(`${f.tag}${f.id ? '#' + f.id : ''} "${f.text}"`);
  }
  assert.fail(`Tab did not reach ${what} in ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

/** The tab order of the page as a list of short descriptions (for debugging). */
export async function tabOrder(page, max = 60) {
  const out = [];
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    const d = `${f.tag}${f.id ? '#' + f.id : ''} "${f.text}"`;
    if (out[0] === d || f.tag === 'body') break;
    out.push(d);
  }
  return out;
}

// ---------------------------------------------------------------- axe

/** Readable text for axe-core violations. */
export function formatViolations(violations) {
  return violations
    .map((v, i) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\n\s*/g, '\n        ');
          return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join('\n');
      return `${i + 1}. [${v.impact}] ${v.id}: ${v.help}\n   ${v.helpUrl}\n   tags: ${v.tags.join(', ')}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the page as it is now; fails with a readable list of
 * violations. `label` names the page state in the message (e.g. "home, ru").
 */
export async function expectAxeClean(page, label, { exclude = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const sel of exclude) builder = builder.exclude(sel);
  const results = await builder.analyze();
  const { violations } = results;
  if (violations.length) {
    const text = formatViolations(violations);
    console.error(`\naxe: ${violations.length} violation(s) on "${label}" (${page.url()}):\n${text}\n`);
    assert.fail(`axe found ${violations.length} WCAG violation(s) on "${label}":\n${text}`);
  }
  return results;
}
