// Offline use (issue 6 §1): the web app manifest and the service worker
// (dist/sw.js, written by .ci/precache.mjs). After one visit the whole app —
// all seven bundles, deep links included — works with the network off; the
// page says when it is offline; a new release waits and is picked up through
// the "new version — Reload" prompt; the app is installable and starts
// offline. Every page state is checked with axe-core (WCAG 2.2 AA).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest, baseURL } from './lib/browser.mjs';
import { gotoApp, reloadApp, waitForBundle, waitForWorker, WORKER_TIMEOUT, h1Text, button, radio } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { msg } from './lib/texts.mjs';
import { fillApplication } from './lib/flows/wizard.mjs';
import { smsCode } from './lib/flows/sign.mjs';
import { startServer, distDir, repoRoot } from '../support/serve.mjs';

useBrowser();

// Without a service worker (e.g. --base-url against trunk serve) there is
// nothing to test here.
const swResponse = await fetch(`${baseURL()}/sw.js`).catch(() => null);
const noWorker = !swResponse?.ok ? 'no /sw.js is served (build with .ci/build)' : false;

/** The cache names of the page's origin. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** The release named in a dist's sw.js. */
function releaseOf(dir) {
  const m = /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(path.join(dir, 'sw.js'), 'utf8'));
  assert.ok(m, `${dir}/sw.js names its release`);
  return m[1];
}

/** The polite live region of the offline banner and the update prompt. */
const statusRegion = (page) => page.locator('main#main .offline-status');

async function expectOfflineBanner(page, lang, label) {
  const banner = page.getByRole('status').filter({ hasText: msg(lang, 'offline_banner') });
  await banner.waitFor({ state: 'visible' });
  assert.equal(await banner.getAttribute('role'), 'status', `${label}: the banner is in a role=status live region`);
}

/** Loads `urlPath` and checks the app started there (not the static "failed" notice). */
async function expectPageWorks(page, urlPath, label) {
  const response = await gotoApp(page, urlPath);
  assert.ok(response, `${label}: ${urlPath} answered`);
  assert.equal(response.status(), 200, `${label}: ${urlPath} status`);
  assert.ok((await h1Text(page)).length > 0, `${label}: ${urlPath} has a heading`);
  assert.equal(await page.locator('#static-failed').count(), 0, `${label}: ${urlPath} shows no failure notice`);
  return response;
}

/** Loads `urlPath` from the cache: the app starts, says it is offline, and is axe clean. */
async function expectWorksOffline(page, urlPath) {
  await expectPageWorks(page, urlPath, 'offline');
  await expectOfflineBanner(page, 'kk', `${urlPath} offline`);
  await expectAxeClean(page, `${urlPath}, offline`);
}

pageTest(
  'after one visit, all seven bundles work offline, deep links included',
  async ({ page, context }) => {
    await gotoApp(page, '/');
    assert.equal(await statusRegion(page).count(), 1, 'the live region is in the page before anything is announced');
    assert.equal(await statusRegion(page).getAttribute('role'), 'status');
    assert.equal(await page.getByText(msg('kk', 'offline_banner')).count(), 0, 'no offline banner while online');
    await waitForWorker(page);
    const worker = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r.scope, script: navigator.serviceWorker.controller.scriptURL };
    });
    assert.equal(worker.scope, `${baseURL()}/`, 'the worker controls the whole origin');
    assert.equal(worker.script, `${baseURL()}/sw.js`);

    await context.setOffline(true);
    await expectOfflineBanner(page, 'kk', 'going offline');
    await expectAxeClean(page, 'home, offline banner, kk');

    // Every response below comes from the cache: the network is off.
    await reloadApp(page);
    await expectOfflineBanner(page, 'kk', 'reload offline');
    await expectWorksOffline(page, '/services/S2');
    // The law's quotes come from the cache too, when a legal basis opens.
    await page.locator('details.legal-basis > summary').first().click();
    await page.locator('details.legal-basis q.cite__quote').first().waitFor();
    assert.ok((await page.locator('details.legal-basis q.cite__quote').first().innerText()).trim().length > 3, 'a quote, offline');
    await expectWorksOffline(page, '/apply/S2');
    await expectPageWorks(page, '/sign/keys', 'offline');
    await expectWorksOffline(page, '/cabinet/verify');
    // A receipt's check link printed before the cabinet's pages moved.
    await page.goto('/apply/verify?code=x', { waitUntil: 'load' });
    await page.waitForURL((u) => u.pathname === '/cabinet/verify' && u.search === '?code=x');
    await page.waitForFunction((h) => document.querySelector('main#main h1')?.innerText.trim() === h, msg('kk', 'verify_title'));
    await expectWorksOffline(page, '/staff/');
    await expectPageWorks(page, '/staff/some/deep/link', 'offline');
    await expectWorksOffline(page, '/corporation/operator');
    await expectPageWorks(page, '/no/such/page', 'offline');
    assert.equal(await h1Text(page), msg('kk', 'not_found_title'), 'an unknown path offline is the not-found page');
    // Within a bundle, the router moves without loading anything.
    await page.getByRole('main').getByRole('link', { name: msg('kk', 'not_found_home_link') }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.waitForFunction((h) => document.querySelector('main#main h1')?.innerText.trim() === h, msg('kk', 'home_title'));

    // Back online: the banner goes away.
    await context.setOffline(false);
    await page.getByText(msg('kk', 'offline_banner')).waitFor({ state: 'detached' });
    assert.equal(await statusRegion(page).innerText(), '', 'the live region is empty again');
    await expectAxeClean(page, 'home, back online');
  },
  { skip: noWorker },
);

pageTest(
  'offline from the start of the visit: a whole S2 application is filled in, signed by SMS code and accepted (English)',
  async ({ page, context }) => {
    const lang = 'en';
    await context.addInitScript(() => localStorage.setItem('qujat.lang', '"en"'));
    await gotoApp(page, '/');
    await waitForWorker(page);
    await context.setOffline(true);

    // Zhaksylykov (demo registry): a phone, a valid ID card, nothing in the
    // digital-documents service.
    await expectPageWorks(page, '/signin', 'offline sign-in');
    await page.locator('#iin').fill('781123301754');
    await button(page, msg(lang, 'signin_submit')).click();
    await waitForBundle(page, '/cabinet');
    // Every step's heading and axe on every step, offline.
    await fillApplication(page, lang, {
      document: 'wizard_document_basic',
      school: 'Secondary School No. 12, Shymkent',
      year: '1994',
      axe: true,
    });

    await radio(page, msg(lang, 'sign_method_otp')).check();
    await page.getByRole('button', { name: msg(lang, 'otp_send'), exact: true }).click();
    const code = await smsCode(page);
    // Typed with a dash, as some people write it.
    await page.locator('#otp-code').fill(`${code.slice(0, 3)}-${code.slice(3)}`);
    await page.getByRole('button', { name: msg(lang, 'otp_confirm'), exact: true }).click();

    await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
    assert.equal(await h1Text(page), msg(lang, 'confirm_accepted_title'), 'accepted, offline');
    await expectOfflineBanner(page, lang, 'receipt offline');
    await expectAxeClean(page, 'receipt, offline, en');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.apps')).data);
    assert.equal(Object.keys(stored).length, 1, 'the application is stored on the device');
    await context.setOffline(false);
  },
  { skip: noWorker },
);

pageTest(
  'the offline banner is in the chosen language',
  async ({ page, context }) => {
    await context.addInitScript(() => localStorage.setItem('qujat.lang', '"en"'));
    await gotoApp(page, '/');
    await context.setOffline(true);
    await expectOfflineBanner(page, 'en', 'offline in English');
    await expectAxeClean(page, 'home, offline banner, en');
    await context.setOffline(false);
    await page.getByText(msg('en', 'offline_banner')).waitFor({ state: 'detached' });
  },
  { skip: noWorker },
);

pageTest(
  'the app is installable: a valid manifest on every page, icons, and it starts offline',
  async ({ page, context }) => {
    // The manifest is linked from the seven bundles' pages.
    let manifestUrl = null;
    for (const p of ['/', '/services/S1', '/apply/S2', '/sign/keys', '/cabinet/verify', '/staff/', '/corporation/hall']) {
      await gotoApp(page, p);
      const href = await page.locator('link[rel=manifest]').getAttribute('href');
      assert.ok(href, `${p} links the manifest`);
      manifestUrl ??= new URL(href, page.url()).href;
      assert.equal(new URL(href, page.url()).href, manifestUrl, `${p} links the same manifest`);
    }
    const res = await page.request.get(manifestUrl);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /^application\/manifest\+json/);
    const m = await res.json();
    assert.equal(m.name, 'Qujat');
    assert.equal(m.short_name, 'Qujat');
    assert.equal(m.start_url, '/');
    assert.equal(m.scope, '/');
    assert.equal(m.display, 'standalone');
    const tokens = await page.evaluate(() => {
      const s = getComputedStyle(document.documentElement);
      return { brand: s.getPropertyValue('--c-brand').trim(), bg: s.getPropertyValue('--c-bg').trim() };
    });
    assert.equal(m.theme_color, tokens.brand, 'theme_color is the --c-brand token');
    assert.equal(m.background_color, tokens.bg, 'background_color is the --c-bg token');
    assert.equal(await page.locator('meta[name=theme-color]').getAttribute('content'), m.theme_color);

    // Icons: SVG, PNG 192 and 512 for "any" and for "maskable", each served
    // with its type and its real size.
    const has = (size, purpose) => m.icons.some((i) => i.sizes === size && i.type === 'image/png' && i.purpose === purpose);
    for (const size of ['192x192', '512x512']) {
      assert.ok(has(size, 'any'), `a ${size} PNG icon`);
      assert.ok(has(size, 'maskable'), `a ${size} maskable PNG icon`);
    }
    assert.ok(m.icons.some((i) => i.type === 'image/svg+xml'), 'an SVG icon');
    for (const icon of m.icons) {
      const r = await page.request.get(new URL(icon.src, manifestUrl).href);
      assert.equal(r.status(), 200, `${icon.src} is served`);
      assert.equal(r.headers()['content-type'].split(';')[0], icon.type, `${icon.src} type`);
      if (icon.type === 'image/png') {
        const png = await r.body();
        const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
        assert.equal(size, icon.sizes, `${icon.src} is ${icon.sizes}`);
      }
    }

    // Chromium's own view: the manifest parses without errors, and nothing
    // but the test browser's private profile stands in the way of installing.
    await gotoApp(page, '/');
    await waitForWorker(page);
    const cdp = await context.newCDPSession(page);
    const { errors, url } = await cdp.send('Page.getAppManifest');
    assert.equal(url, manifestUrl);
    assert.deepEqual(errors, [], 'Chromium parses the manifest without errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const blocking = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
    assert.deepEqual(blocking, [], 'Chromium finds the app installable');

    // The service worker is revalidated on every use, so a release is seen at once.
    const sw = await page.request.get('/sw.js');
    assert.equal(sw.headers()['cache-control'], 'no-cache');
    assert.match(sw.headers()['content-type'], /^text\/javascript/);

    // It starts offline: a new window at start_url with the network off.
    await context.setOffline(true);
    const started = await context.newPage();
    await gotoApp(started, m.start_url);
    assert.equal(await h1Text(started), msg('kk', 'home_title'));
    await expectOfflineBanner(started, 'kk', 'started offline');
    await expectAxeClean(started, 'started offline at start_url');
    await context.setOffline(false);
  },
  { skip: noWorker },
);

pageTest(
  'a new release waits, the page offers to reload, and Reload switches to it',
  async ({ page, context }) => {
    // A copy of dist/ on its own server, so the test can publish a release.
    const dir = mkdtempSync(path.join(tmpdir(), 'qujat-release-'));
    cpSync(distDir, dir, { recursive: true });
    const server = await startServer({ dir });
    try {
      const at = (p) => `${server.url}${p}`;
      const v1 = releaseOf(dir);
      await gotoApp(page, at('/apply/S2'));
      await waitForWorker(page);
      assert.deepEqual(await cacheNames(page), [`qujat-${v1}`]);
      const reload = page.getByRole('button', { name: msg('kk', 'offline_update_reload') });
      assert.equal(await reload.count(), 0, 'no update prompt for the first install');

      // Publish release 2: a changed page, and the service worker made again
      // by the real build step (its version follows the content).
      const index = path.join(dir, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="qujat-release" content="2">\n</head>'));
      execFileSync(process.execPath, [path.join(repoRoot, '.ci', 'precache.mjs'), dir], { stdio: 'pipe' });
      const v2 = releaseOf(dir);
      assert.notEqual(v2, v1, 'a changed file makes a new release');

      // The browser sees it on the next page load; it installs and waits.
      await gotoApp(page, at('/'));
      await reload.waitFor({ state: 'visible', timeout: WORKER_TIMEOUT });
      const prompt = page.getByRole('status').filter({ hasText: msg('kk', 'offline_update_available') });
      assert.equal(await prompt.count(), 1, 'the prompt is in the role=status live region');
      await expectAxeClean(page, 'update prompt, kk');
      const waiting = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { waiting: !!r.waiting, active: !!r.active };
      });
      assert.deepEqual(waiting, { waiting: true, active: true }, 'the new worker waits; the old one still serves');
      assert.deepEqual((await cacheNames(page)).sort(), [`qujat-${v1}`, `qujat-${v2}`].sort(), 'both releases are cached while it waits');

      // The prompt follows the language.
      await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('button', { name: msg('en', 'offline_update_reload') }).waitFor({ state: 'visible' });

      // Reload: the new worker takes over and the page loads again under it.
      await page.evaluate(() => {
        window.__beforeUpdate = true;
      });
      await Promise.all([
        page.waitForEvent('load', { timeout: WORKER_TIMEOUT }),
        page.getByRole('button', { name: msg('en', 'offline_update_reload') }).click(),
      ]);
      await page.locator('main#main h1').first().waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => window.__beforeUpdate), undefined, 'the page was reloaded');
      assert.deepEqual(await cacheNames(page), [`qujat-${v2}`], 'only the new release is cached');
      assert.equal(await page.getByRole('button', { name: msg('en', 'offline_update_reload') }).count(), 0, 'no prompt after the update');
      const state = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { waiting: !!r.waiting, controlled: !!navigator.serviceWorker.controller };
      });
      assert.deepEqual(state, { waiting: false, controlled: true });

      // Offline, the page now comes from release 2's cache.
      await context.setOffline(true);
      await reloadApp(page);
      assert.equal(await page.locator('meta[name=qujat-release]').getAttribute('content'), '2', 'release 2 is served offline');
      await expectAxeClean(page, 'after the update, offline, en');
      await context.setOffline(false);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  { skip: noWorker },
);
