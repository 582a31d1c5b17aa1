// The app's frame as a page object: navigating and waiting until a bundle
// has mounted, the heading, the language switch, the landmarks' locators,
// and the records the app keeps in localStorage.

import { assert } from './assert.mjs';
import { TIMEOUT } from './browser.mjs';
import { LANGS } from './texts.mjs';

/**
 * Opens `urlPath` and waits until the Leptos app has replaced the static
 * shell and rendered the page heading. Returns the response.
 */
export async function gotoApp(page, urlPath = '/') {
  const response = await page.goto(urlPath, { waitUntil: 'load' });
  await waitForApp(page);
  return response;
}

/**
 * Waits for the app to be mounted (after goto, reload, or a link into
 * another bundle). Against the release build (QUJAT_E2E_CSP=1, which
 * run.mjs sets when it serves dist/), also makes sure the page runs under
 * its Content Security Policy, so every suite tests the app with it on.
 */
export async function waitForApp(page) {
  await page.locator('#static-shell').waitFor({ state: 'detached' });
  await page.locator('main#main h1').first().waitFor({ state: 'visible' });
  // A long page builds its lower parts in tasks of their own, just after
  // (src/ui/widgets/later.rs): the page is there when none is pending.
  await page.waitForFunction(() => !document.querySelector('.later-pending'));
  if (process.env.QUJAT_E2E_CSP === '1') {
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    if (!policy?.includes("script-src 'self' 'wasm-unsafe-eval'")) {
      throw new Error(`${page.url()} has no Content Security Policy <meta> (build with .ci/build): ${policy}`);
    }
  }
}

export async function reloadApp(page) {
  const response = await page.reload({ waitUntil: 'load' });
  await waitForApp(page);
  return response;
}

/**
 * Waits until the page's address has the path `pathname`, however many
 * navigations it takes to get there (page.waitForURL fails when a later
 * navigation aborts the one it waits on).
 */
export async function waitForPath(page, pathname, { timeout = 30_000 } = {}) {
  const until = Date.now() + timeout;
  while (new URL(page.url()).pathname !== pathname) {
    if (Date.now() > until) throw new Error(`still at ${page.url()}, expected the path ${pathname}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * After a click that leads to another bundle (a new page load): waits for
 * the address whose path is `pathname` (a string, or a predicate of the
 * URL), then for the app to mount.
 */
export async function waitForBundle(page, pathname) {
  await page.waitForURL(typeof pathname === 'function' ? pathname : (u) => u.pathname === pathname);
  await waitForApp(page);
}

export const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
export const h1Text = async (page) => (await page.locator('main#main h1').first().innerText()).trim();
export const storedLang = (page) => page.evaluate(() => localStorage.getItem('qujat.lang'));

/** Waits (up to the action timeout) until the main h1 is exactly `text`, then checks it. */
export async function expectH1(page, text, label, { timeout = TIMEOUT } = {}) {
  await page
    .waitForFunction((t) => document.querySelector('main#main h1')?.innerText.trim() === t, text, { timeout })
    .catch(() => {});
  assert.equal(await h1Text(page), text, `${label}: the h1`);
  // After a client-side navigation the app moves focus to the new h1 on
  // the next animation frame (frame.rs, RouteFocus). Playwright's fill
  // focuses and selects a field, then types in a second step: were that
  // frame to come between, the typing (or the Delete of an emptying fill)
  // would go to the h1 and be lost. Two frames here, and it has come.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

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

// ---------------------------------------------------------------- locators in <main>

export const main = (page) => page.getByRole('main');
/** The radio, button or link in <main> whose accessible name is exactly `label`. */
export const radio = (page, label) => main(page).getByRole('radio', { name: label, exact: true });
export const button = (page, label) => main(page).getByRole('button', { name: label, exact: true });
export const link = (page, label) => main(page).getByRole('link', { name: label, exact: true });

/** Checks the radio labelled `label`. */
export async function choose(page, label) {
  await radio(page, label).check();
}

/** Waits for the one role=status live region whose text contains `text`. */
export async function waitForStatus(page, text, options) {
  await page.getByRole('status').filter({ hasText: text }).waitFor(options);
}

// ---------------------------------------------------------------- storage

/** The `data` of a stored envelope (`{ v, rev, data }`) under `key`, or null. */
export const stored = (page, key) =>
  page.evaluate((k) => {
    const raw = localStorage.getItem(k);
    return raw === null ? null : JSON.parse(raw).data;
  }, key);

/** Every localStorage key and value, as one string. */
export const storageDump = (page) =>
  page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out.push(`${k}=${localStorage.getItem(k)}`);
    }
    return out.join('\n');
  });

/** The keys of localStorage and sessionStorage, and the IndexedDB databases. */
export const storageState = (page) =>
  page.evaluate(async () => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage),
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  }));

// ---------------------------------------------------------------- the service worker

/** How long the first install may take: it downloads every file of dist/. */
export const WORKER_TIMEOUT = 60_000;

/** Waits until the service worker controls the page (first install done). */
export async function waitForWorker(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: WORKER_TIMEOUT });
}
