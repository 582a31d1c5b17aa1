// The app shell: language switch, skip link, deep links, remembered
// language, the static fallback, and reflow. Every page state is checked
// with axe-core (WCAG 2.2 AA).

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, htmlLang, h1Text, storedLang, langButton, switchLanguage, pressedLanguages } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { focused, tab, tabUntil } from './lib/keyboard.mjs';
import { LANGS, looksLike, msg } from './lib/texts.mjs';

useBrowser();

const pressedOnly = (code) =>
  Object.fromEntries(Object.keys(LANGS).map((c) => [c, String(c === code)]));

/**
 * Checks the page is in `code`: <html lang>, the pressed button, the skip
 * link, and the h1 (the message `h1Key`, e.g. home_title). Returns the h1.
 */
async function expectLanguage(page, code, label, h1Key = 'home_title') {
  assert.equal(await htmlLang(page), code, `${label}: <html lang>`);
  assert.deepEqual(await pressedLanguages(page), pressedOnly(code), `${label}: aria-pressed of the language buttons`);
  const h1 = await h1Text(page);
  assert.equal(h1, msg(code, h1Key), `${label}: the h1 is ${h1Key} in ${code}`);
  const skip = (await page.locator('a.skip-link').textContent()).trim();
  assert.equal(skip, msg(code, 'shell_skip_link'), `${label}: the skip link is in ${code}`);
  const group = page.getByRole('banner').getByRole('group');
  assert.equal(await group.getAttribute('aria-label'), msg(code, 'shell_language'), `${label}: the switch's name`);
  return h1;
}

pageTest('the shell in Kazakh, Russian and English, switched with the buttons', async ({ page }) => {
  await gotoApp(page, '/');
  // Kazakh, the state language, is the default.
  const kk = await expectLanguage(page, 'kk', 'first visit');
  assert.equal(await storedLang(page), null, 'nothing is stored before the visitor chooses');
  assert.equal(await page.getByRole('banner').count(), 1, 'one banner landmark (header)');
  assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
  assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo landmark (footer)');
  assert.equal(await page.locator('main#main').getAttribute('tabindex'), '-1', 'main can take focus from the skip link');
  const footer = page.getByRole('contentinfo');
  assert.match(await footer.innerText(), /1414/, 'the footer gives the unified contact centre 1414');
  assert.equal(await footer.getByRole('link', { name: '1414', exact: true }).getAttribute('href'), 'tel:1414');
  assert.equal(await page.locator('#static-shell').count(), 0, 'the static loading shell is gone');
  await expectAxeClean(page, 'home, kk (default)');

  const h1 = { kk };
  for (const code of ['ru', 'en', 'kk']) {
    await switchLanguage(page, code);
    h1[code] = await expectLanguage(page, code, `after choosing ${code}`);
    assert.equal(await storedLang(page), JSON.stringify(code), `localStorage qujat.lang after choosing ${code}`);
    // Each button names its language in that language, marked up for screen readers.
    assert.equal(await langButton(page, code).getAttribute('lang'), code);
    await expectAxeClean(page, `home, ${code}`);
  }
  assert.equal(h1.kk, kk, 'back in Kazakh, the h1 is the Kazakh one again');
  assert.equal(new Set([h1.kk, h1.ru, h1.en]).size, 3, `the h1 differs per language: ${JSON.stringify(h1)}`);
  for (const code of ['kk', 'ru', 'en']) assert.ok(looksLike(code, h1[code]), `"${h1[code]}" is written in ${code}'s script`);
});

pageTest('the skip link is the first Tab stop and shows when focused', async ({ page }) => {
  await gotoApp(page, '/');
  const first = await tab(page);
  assert.equal(first.tag, 'a', `the first Tab stop is the skip link, got ${JSON.stringify(first)}`);
  assert.match(first.className, /\bskip-link\b/);
  assert.equal(first.href, '#main');
  assert.ok(first.onScreen, 'the focused skip link is visible on screen');
  assert.equal(first.text, msg('kk', 'shell_skip_link'));
  await expectAxeClean(page, 'home, skip link focused');
});

pageTest(
  'the skip link: Enter moves focus to main, and Tab continues from there',
  async ({ page }) => {
    await gotoApp(page, '/');
    const first = await tab(page);
    assert.match(first.className, /\bskip-link\b/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 3_000 }).catch(() => {});
    const target = await focused(page);
    assert.equal(target.id, 'main', `Enter on the skip link moves focus to <main id="main">, got ${JSON.stringify(target)}`);
    await expectAxeClean(page, 'home, focus on main after the skip link');

    // The next Tab continues after the header, not back at its start.
    const next = await tab(page);
    assert.notEqual(next.region, 'header', `Tab after the skip link stays out of the header, got ${JSON.stringify(next)}`);
    assert.notEqual(next.tag, 'body', 'Tab after the skip link reaches a control');
  },
);

pageTest('the language switch works from the keyboard', async ({ page }) => {
  await gotoApp(page, '/');
  const button = await tabUntil(page, (f) => f.tag === 'button' && f.text === LANGS.ru.button, {
    what: `the "${LANGS.ru.button}" button`,
  });
  assert.equal(button.region, 'header');
  assert.ok(button.onScreen);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await expectLanguage(page, 'ru', 'after Enter on русский');
  const after = await focused(page);
  assert.equal(after.text, LANGS.ru.button, 'focus stays on the button that was pressed');
  await expectAxeClean(page, 'home, ru, language button focused');

  await tabUntil(page, (f) => f.tag === 'button' && f.text === LANGS.en.button, { what: 'the English button' });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await expectLanguage(page, 'en', 'after Space on English');
  await expectAxeClean(page, 'home, en, language button focused');
});

pageTest('deep links load the app, also after a reload', async ({ page }) => {
  await gotoApp(page, '/');
  const homeH1 = await h1Text(page);

  const response = await gotoApp(page, '/no/such/page');
  assert.equal(response.status(), 200, 'the server answers a deep link with index.html');
  const notFound = await expectLanguage(page, 'kk', '/no/such/page', 'not_found_title');
  assert.notEqual(notFound, homeH1, 'an unknown address shows the not-found page, not the home page');
  await expectAxeClean(page, 'not found, kk');

  await reloadApp(page);
  assert.equal(new URL(page.url()).pathname, '/no/such/page');
  assert.equal(await h1Text(page), notFound, 'after a reload the not-found page is shown again');
  const homeLink = page.getByRole('main').getByRole('link', { name: msg('kk', 'not_found_home_link') });
  assert.equal(await homeLink.getAttribute('href'), '/');
  await expectAxeClean(page, 'not found, kk, after reload');

  // The not-found page links home; the router navigates without a reload.
  await homeLink.click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.waitForFunction((h) => document.querySelector('main#main h1')?.innerText.trim() === h, homeH1);
  await expectAxeClean(page, 'home, after the not-found link');

  await reloadApp(page);
  assert.equal(await h1Text(page), homeH1, '/ works after a reload');

  // A service deep link (the route may not exist yet: then not-found).
  const service = await gotoApp(page, '/services/S2');
  assert.equal(service.status(), 200);
  assert.ok((await h1Text(page)).length > 0, '/services/S2 renders a page heading');
  await expectAxeClean(page, '/services/S2');
});

pageTest('a passport reads as what to do first: each section shows its legal bases by one switch, interpretations stay marked, the full list of readings is one key away (English)', async ({ page }) => {
  await gotoApp(page, '/');
  await switchLanguage(page, 'en');
  await gotoApp(page, '/services/S2');
  await page.locator('.passport h1').waitFor();
  const visible = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
  const all = await page.locator('.passport__section details.legal-basis').count();
  assert.ok(all > 50, `the items keep their legal bases (${all})`);
  assert.equal(await visible('.passport__section details.legal-basis'), 0, 'closed, no item shows a legal-basis box');
  assert.ok((await visible('.passport__section .legal-basis__reading')) > 0, 'interpretations are marked where they are used, switch or not');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`  passport S2 at 1280 px: ${height} px high (20,770 px with a box after every item)`);
  assert.ok(height < 15_000, `the page is much shorter (${height} px)`);

  // The documents section's switch shows all of its items' bases.
  const documents = page.locator('section', { has: page.locator('h2#documents') });
  const sources = documents.getByRole('button', { name: msg('en', 'passport_sources') });
  assert.equal(await sources.getAttribute('aria-pressed'), 'false');
  await sources.click();
  assert.equal(await sources.getAttribute('aria-pressed'), 'true');
  const shown = await documents.locator('details.legal-basis').count();
  assert.ok(shown > 0 && (await visible('section:has(h2#documents) details.legal-basis')) === shown, 'every basis of the section shows');
  assert.equal(await visible('section:has(h2#terms) details.legal-basis'), 0, 'other sections stay as they were');
  await documents.locator('details.legal-basis summary').first().click();
  await documents.locator('details.legal-basis q').first().waitFor();
  await expectAxeClean(page, '/services/S2, documents with their legal bases');
  await sources.click();
  assert.equal(await visible('section:has(h2#documents) details.legal-basis'), 0, 'and hides them again');

  // Qujat's readings, all in one list, one key away.
  const readings = page.locator('section', { has: page.locator('h2#assumptions') }).locator('details').first();
  assert.equal(await readings.evaluate((d) => d.open), false, 'the list of readings is closed');
  await readings.locator(':scope > summary').click();
  assert.ok((await readings.locator('ul.assumptions > li').count()) > 5);
  await expectAxeClean(page, '/services/S2, readings open');
});

pageTest('the chosen language is remembered across reloads and deep links', async ({ page }) => {
  await gotoApp(page, '/');
  await switchLanguage(page, 'en');
  const enH1 = await expectLanguage(page, 'en', 'after choosing English');
  assert.equal(await storedLang(page), '"en"');

  await reloadApp(page);
  assert.equal(await expectLanguage(page, 'en', 'after reload'), enH1);
  await expectAxeClean(page, 'home, en, after reload');

  await gotoApp(page, '/no/such/page');
  await expectLanguage(page, 'en', 'deep link after choosing English', 'not_found_title');
  await expectAxeClean(page, 'not found, en');

  await switchLanguage(page, 'ru');
  await reloadApp(page);
  await expectLanguage(page, 'ru', 'not-found page after choosing Russian and reloading', 'not_found_title');
  assert.equal(await storedLang(page), '"ru"');
  await expectAxeClean(page, 'not found, ru, after reload');
});

pageTest('an unknown stored language falls back to Kazakh', async ({ page, context }) => {
  await context.addInitScript(() => localStorage.setItem('qujat.lang', '"de"'));
  await gotoApp(page, '/');
  await expectLanguage(page, 'kk', 'stored "de"');
  await expectAxeClean(page, 'home, kk, unknown stored language');
});

pageTest(
  'when the app cannot start, the static page explains it in three languages',
  async ({ page, context, errors }) => {
    await context.addInitScript(() => localStorage.setItem('qujat.lang', '"ru"'));
    await context.route(/\.wasm$/, (route) => route.abort('failed'));
    await page.goto('/', { waitUntil: 'load' });
    const failed = page.locator('#static-failed');
    await failed.waitFor({ state: 'visible' });
    // index.html's inline script applies the remembered language before the app.
    assert.equal(await htmlLang(page), 'ru');
    const text = await failed.innerText();
    for (const code of ['kk', 'ru', 'en']) {
      assert.equal(await failed.locator(`p[lang=${code}]`).count(), 1, `a ${code} explanation`);
    }
    assert.match(text, /1414/, 'the explanation gives the contact centre');
    assert.ok(errors.length > 0, 'the blocked wasm was reported as an error');
    await expectAxeClean(page, 'static shell, app failed to start');
  },
  { allowPageErrors: true },
);

pageTest(
  'when the app cannot start, the loading message is hidden',
  async ({ page, context }) => {
    await context.route(/\.wasm$/, (route) => route.abort('failed'));
    await page.goto('/', { waitUntil: 'load' });
    await page.locator('#static-failed').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#static-status').getAttribute('hidden'), '', 'index.html sets hidden');
    assert.equal(await page.locator('#static-status').isHidden(), true, 'the loading message is not displayed');
  },
  { allowPageErrors: true },
);

pageTest(
  'at 320 CSS px (400% zoom) nothing scrolls sideways, in each language',
  async ({ page }) => {
    await gotoApp(page, '/');
    for (const code of ['kk', 'ru', 'en']) {
      await switchLanguage(page, code);
      for (const path of ['/', '/no/such/page']) {
        if (new URL(page.url()).pathname !== path) await gotoApp(page, path);
        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        assert.ok(
          overflow.scrollWidth <= overflow.innerWidth,
          `${path} in ${code} scrolls sideways at 320 px: scrollWidth ${overflow.scrollWidth} > ${overflow.innerWidth}`,
        );
        await expectAxeClean(page, `${path}, ${code}, 320 px`);
      }
    }
  },
  { contextOptions: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } },
);

pageTest(
  'if the app crashes after it started, the page says so in its language, with 1414 and Reload, and saved data stays (Russian)',
  async ({ page, errors }) => {
    await gotoApp(page, '/');
    await switchLanguage(page, 'ru');
    const crashed = page.locator('#app-crashed');
    // An ordinary script error (an extension's, say) leaves the page alone.
    await page.evaluate(() => setTimeout(() => { throw new TypeError('not the app'); }));
    await page.waitForTimeout(300);
    assert.equal(await crashed.isVisible(), false, 'an ordinary error does not replace the page');
    assert.equal(await page.getByRole('banner').count(), 1);
    // A WebAssembly trap — what a panic becomes under panic = "abort" — as it
    // reaches the page from a callback.
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    await crashed.waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('banner').count(), 0, 'the stopped app is hidden');
    assert.equal(await crashed.locator('p[lang=ru]').isVisible(), true, 'said in Russian');
    assert.equal(await crashed.locator('p[lang=kk]').isVisible(), false, 'only in the page language');
    assert.match(await crashed.innerText(), /1414/, 'with the contact centre');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert', 'focus on the notice');
    assert.ok(errors.some((e) => /unreachable/.test(e)), 'the console keeps the details');
    await expectAxeClean(page, 'crashed, ru');
    await crashed.getByRole('button', { name: 'Обновить' }).click();
    await page.getByRole('banner').waitFor();
    assert.equal(await htmlLang(page), 'ru', 'after the reload, the app again, in the remembered language');
    assert.equal(await crashed.isVisible(), false);
  },
  { allowPageErrors: true },
);
