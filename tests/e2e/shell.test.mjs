// The app shell: language switch, skip link, deep links, remembered
// language, the static fallback, and reflow. Every page state is checked
// with axe-core (WCAG 2.2 AA).

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, waitForApp, htmlLang, h1Text, storedLang, langButton, switchLanguage, pressedLanguages } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { focused, tab, tabUntil, waitForFocus } from './lib/keyboard.mjs';
import { LANGS, escapeRegExp, fmt, looksLike, msg } from './lib/texts.mjs';
import { service } from './lib/facts.mjs';

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
  // Focus comes back to the button in the frame after the rebuild.
  const after = await waitForFocus(page, '.lang-switch button[lang=ru]');
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

/** The documents to bring through `channel` in `situations`, as the catalogue's rules give them. */
function toBring(serviceId, channel, situations) {
  return service(serviceId).documents.filter((d) =>
    !d.info && d.channels.includes(channel) &&
    (!d.when?.length || d.when.some((x) => situations.includes(x))) &&
    !(d.unless ?? []).some((x) => situations.includes(x)));
}

pageTest('a passport starts with what to do for the reader\'s situation: where to go, what to bring, how long, the cost and the result, in one box before any act (English)', async ({ page }) => {
  await gotoApp(page, '/');
  await switchLanguage(page, 'en');
  await gotoApp(page, '/services/S2');
  const guide = page.locator('section.guide');
  await guide.getByRole('heading', { level: 2, name: msg('en', 'passport_guide_heading') }).waitFor();
  const bringList = () => guide.locator('dt:text-is("' + msg('en', 'passport_guide_bring') + '") + dd > ul.guide__list:first-child > li').allInnerTexts();
  const answer = (key) => guide.locator('.summary__row', { has: page.locator(`dt:text-is("${msg('en', key)}")`) }).locator('dd');

  // The reasons are the application's own (its "reason" field), one at a time.
  const reasons = service('S2').form_fields.find((f) => f.id === 'reason').options.map((o) => o.id);
  const what = guide.getByRole('group', { name: msg('en', 'passport_guide_what_happened') });
  assert.equal(await what.getByRole('radio').count(), reasons.length, 'one radio per reason the application offers');
  const ways = guide.getByRole('group', { name: msg('en', 'passport_guide_how') });
  assert.equal(await ways.getByRole('radio', { name: msg('en', 'passport_guide_way_online') }).isChecked(), true, 'online first, chosen');
  assert.equal(await answer('passport_guide_go').getByRole('link', { name: msg('en', 'passport_apply_online') }).getAttribute('href'), '/apply/S2');
  const online = toBring('S2', 'portal', []);
  assert.deepEqual((await bringList()).map((t) => t.split(' Qujat')[0].trim()), online.map((d) => d.text.en), 'online: the portal\'s documents');
  assert.equal((await answer('passport_cost').innerText()).trim().startsWith(service('S2').cost.text.en), true, 'the cost');
  await expectAxeClean(page, '/services/S2, what to do');

  // Damaged, at the State Corporation: the original comes too; 15 working days with "why this date?".
  await what.getByRole('radio', { name: msg('en', 'passport_guide_damage') }).check();
  await ways.getByRole('radio', { name: fmt('en', 'passport_guide_way_office', { place: msg('en', 'passport_channel_state_corporation') }) }).check();
  const counter = toBring('S2', 'state-corporation', ['damage']);
  assert.ok(counter.some((d) => d.id === 'original'));
  assert.deepEqual((await bringList()).map((t) => t.split(' Qujat')[0].trim()), counter.map((d) => d.text.en), 'damaged, at the State Corporation: its documents, the original among them');
  const long = answer('passport_guide_long');
  const sc = service('S2').terms.find((t) => t.channel === 'state-corporation');
  assert.match(await long.innerText(), new RegExp(`\\b${sc.amount}\\b`), 'the State Corporation\'s term');
  await long.locator('details.why > summary').first().click();
  assert.ok((await long.locator('details[open] ol > li').count()) > 2, '"why this date?" gives its steps');
  await expectAxeClean(page, '/services/S2, what to do when damaged, at the State Corporation');

  // Collecting the result through East Kazakhstan's queue brings the
  // issuance rule's identity document and the receipt, not the hand-in's
  // documents, and has no term of its own.
  await ways.getByRole('radio', { name: new RegExp('^' + escapeRegExp(fmt('en', 'passport_guide_way_book', { what: msg('en', 'book_purpose_collect') }))) }).check();
  const collectBring = (await bringList()).map((t) => t.split(' Qujat')[0].trim());
  const identity = service('S2').issuance.find((i) => i.id === 'identity-or-proxy');
  assert.ok(collectBring.includes(identity.text.en), `collecting: the identity document of the issuance rule (${collectBring})`);
  assert.ok(!collectBring.some((t) => counter.some((d) => d.text.en === t)), 'none of the hand-in documents');
  assert.equal(await answer('passport_guide_long').count(), 0, 'no term for collecting');

  // Half the length or better: the full passport is closed sections below.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const box = await guide.evaluate((g) => Math.round(g.getBoundingClientRect().height));
  console.log(`  passport S2 at 1280 px: ${height} px high, what to do ${box} px (20,770 px with a box after every item; 13,075 px before the sections closed)`);
  assert.ok(height <= 20_770 / 2, `the page is half as long or shorter (${height} px)`);

  // S3 is a certificate: no "what happened"; a hand-in is booked in the queue.
  await gotoApp(page, '/services/S3');
  await guide.waitFor();
  assert.equal(await guide.getByRole('group', { name: msg('en', 'passport_guide_what_happened') }).count(), 0, 'S3 has no reasons');
  const book = ways.getByRole('radio', { name: fmt('en', 'passport_guide_way_book', { what: msg('en', 'book_purpose_hand_in') }) });
  await book.check();
  assert.equal(await answer('passport_guide_go').getByRole('link', { name: msg('en', 'passport_guide_book_link') }).getAttribute('href'), '/cabinet/book');

  // S1 with a liquidated college: the archive is the only way, in the catalogue's words; at 320 px nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await gotoApp(page, '/services/S1');
  await guide.getByRole('checkbox', { name: msg('en', 'passport_guide_liquidated') }).check();
  assert.deepEqual(await ways.getByRole('radio').evaluateAll((r) => r.map((x) => x.labels[0].innerText.trim())), [msg('en', 'passport_guide_way_archive')], 'only the archive');
  const archive = service('S1').documents.find((d) => d.info && d.when?.includes('liquidated'));
  assert.ok((await answer('passport_guide_go').innerText()).includes(archive.text.en), 'the archive rule, word for word');
  assert.equal(await guide.locator('dt').count(), 1, 'no documents, terms, cost or result that the seeds do not give');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scroll at 320 px');
  await expectAxeClean(page, '/services/S1 at 320 px, liquidated college');
});

pageTest('what to do reads in Kazakh and Russian too, and reflows at 200 % zoom', async ({ page }) => {
  // 200 % zoom of a 1280 px window: a 640 px wide viewport.
  await page.setViewportSize({ width: 640, height: 800 });
  for (const code of ['kk', 'ru']) {
    await gotoApp(page, '/');
    await switchLanguage(page, code);
    await gotoApp(page, '/services/S2');
    const guide = page.locator('section.guide');
    await guide.getByRole('heading', { level: 2, name: msg(code, 'passport_guide_heading') }).waitFor();
    await guide.getByRole('radio', { name: msg(code, 'passport_guide_name_change') }).check();
    await guide.getByRole('radio', { name: fmt(code, 'passport_guide_way_office', { place: msg(code, 'passport_channel_provider') }) }).check();
    const bring = guide.locator('.summary__row', { has: page.locator(`dt:text-is("${msg(code, 'passport_guide_bring')}")`) }).locator('dd ul.guide__list:first-child > li');
    assert.equal(await bring.count(), toBring('S2', 'provider', ['name-change']).length, `${code}: the provider's documents after a change of name`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${code}: no horizontal scroll at 200 %`);
    await expectAxeClean(page, `/services/S2 what to do, ${code}, 200 %`);
  }
});

pageTest('the full passport is closed sections; each shows its legal bases by one switch, interpretations stay marked, the readings are one key away (English)', async ({ page }) => {
  await gotoApp(page, '/');
  await switchLanguage(page, 'en');
  await gotoApp(page, '/services/S2');
  await page.locator('.passport h1').waitFor();
  const visible = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
  const toggles = page.locator('.passport__toggle');
  assert.equal(await toggles.count(), 14, 'fourteen sections');
  assert.equal(await page.locator('.passport__toggle[aria-expanded="true"]').count(), 0, 'all closed');
  assert.equal(await visible('.passport__body'), 0, 'no body shows');

  // One section opens by its heading's button, and closes again.
  const documents = page.locator('section', { has: page.locator('h2#documents') });
  const toggle = documents.getByRole('button', { name: msg('en', 'passport_sec_documents') });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator(`#${await toggle.getAttribute('aria-controls')}`).isVisible(), true, 'the button controls the body it opens');

  // The documents section's switch shows all of its items' bases.
  const sources = documents.getByRole('button', { name: msg('en', 'passport_sources') });
  assert.equal(await sources.getAttribute('aria-pressed'), 'false');
  assert.equal(await visible('section:has(h2#documents) details.legal-basis'), 0, 'closed, no item shows a legal-basis box');
  await sources.click();
  assert.equal(await sources.getAttribute('aria-pressed'), 'true');
  const shown = await documents.locator('details.legal-basis').count();
  assert.ok(shown > 0 && (await visible('section:has(h2#documents) details.legal-basis')) === shown, 'every basis of the section shows');
  // The quotes arrive when a basis is first opened.
  await documents.locator('details.legal-basis summary').first().click();
  await documents.locator('details.legal-basis q.cite__quote').first().waitFor();
  assert.ok((await documents.locator('details.legal-basis q.cite__quote').first().innerText()).trim().length > 3, 'the quote in words');
  await expectAxeClean(page, '/services/S2, documents with their legal bases');
  await sources.click();
  assert.equal(await visible('section:has(h2#documents) details.legal-basis'), 0, 'and hides them again');

  // Show all: every item keeps its legal basis, closed.
  await page.getByRole('button', { name: msg('en', 'passport_show_all') }).click();
  assert.equal(await page.locator('.passport__toggle[aria-expanded="true"]').count(), 14, 'all open');
  const all = await page.locator('.passport__section details.legal-basis').count();
  assert.ok(all > 50, `the items keep their legal bases (${all})`);
  assert.equal(await visible('.passport__section details.legal-basis'), 0, 'no item shows a legal-basis box');
  assert.ok((await visible('.passport__section .legal-basis__reading')) > 0, 'interpretations are marked where they are used, switch or not');

  // Qujat's readings, all in one list, one key away.
  const readings = page.locator('section', { has: page.locator('h2#assumptions') }).locator('details').first();
  assert.equal(await readings.evaluate((d) => d.open), false, 'the list of readings is closed');
  await readings.locator(':scope > summary').click();
  assert.ok((await readings.locator('ul.assumptions > li').count()) > 5);
  await expectAxeClean(page, '/services/S2, readings open');
  await page.getByRole('button', { name: msg('en', 'passport_hide_all') }).click();
  assert.equal(await page.locator('.passport__toggle[aria-expanded="true"]').count(), 0, 'all closed again');

  // A link to a section opens it.
  await gotoApp(page, '/');
  await gotoApp(page, '/services/S2#terms');
  assert.equal(await page.locator('section:has(h2#terms) .passport__toggle').getAttribute('aria-expanded'), 'true', '#terms opens its section');
  await page.waitForFunction(() => document.activeElement?.id === 'terms');
  assert.ok(await page.evaluate(() => { const r = document.getElementById('terms').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'its heading has focus and is in view');
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

pageTest('every bundle\'s page asks for its wasm only after its static heading has painted', async ({ page }) => {
  const pages = [['/', 'home'], ['/services/S2', 'passport'], ['/apply/S2', 'application start'], ['/staff', 'back office']];
  for (const [path, what] of pages) {
    await gotoApp(page, path);
    // On the page's own clock: the first contentful paint, and when each
    // fetch of the wasm started (resource timing; from the network or the
    // service worker's cache alike).
    const { painted, asked } = await page.evaluate(() => ({
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      asked: performance.getEntriesByType('resource').filter((e) => /\.wasm$/.test(new URL(e.name).pathname)).map((e) => e.startTime),
    }));
    assert.ok(painted > 0, `${what}: a first contentful paint`);
    assert.ok(asked.length >= 1, `${what}: the wasm was asked for (${asked.length})`);
    for (const started of asked) {
      assert.ok(started >= painted, `${what}: the wasm was asked for ${Math.round(started - painted)} ms after the first contentful paint`);
    }
  }
  // The page's HTML has no preload of the wasm (it would compete with the paint).
  for (const [path] of pages) {
    const html = await (await page.request.get(path)).text();
    assert.doesNotMatch(html, /<link rel="preload"[^>]*_bg\.wasm/, `${path}: no wasm preload`);
  }
});

/**
 * Russian remembered and the wasm blocked, so the static shell stays:
 * returns a function giving the texts of the visible elements of a selector.
 */
async function staticPagesInRussian(page, context) {
  await context.addInitScript(() => localStorage.setItem('qujat.lang', '"ru"'));
  await context.route(/\.wasm$/, (route) => route.abort('failed'));
  return (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.innerText.trim()));
}

pageTest(
  'the application\'s start, checking a receipt and the back office paint their own heading before the app, in the remembered language: the texts the app then shows',
  async ({ page, context }) => {
    const shown = await staticPagesInRussian(page, context);
    const width = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => Math.round(e.getBoundingClientRect().width)));
    await page.goto('/apply/S2', { waitUntil: 'load' });
    assert.deepEqual(await shown('#static-shell h1'), [msg('ru', 'wizard_title')], 'the application\'s start: its heading, in Russian');
    const [applyWidth] = await width('#static-shell h1');
    await expectAxeClean(page, 'static application start, app not started');
    await page.goto('/staff/', { waitUntil: 'load' });
    assert.deepEqual(await shown('#static-shell h1'), [msg('ru', 'staff_title')], 'the back office: its heading');
    assert.deepEqual(await shown('#static-shell .static-page .notice--warning p'), [msg('ru', 'staff_banner')], 'and its demonstration banner');
    const [staffWidth] = await width('#static-shell h1');
    await expectAxeClean(page, 'static back office, app not started');
    await page.goto('/cabinet/verify', { waitUntil: 'load' });
    assert.deepEqual(await shown('#static-shell h1'), [msg('ru', 'verify_title')], 'checking a receipt: its heading');
    const [verifyWidth] = await width('#static-shell h1');
    // Another page of those bundles keeps the generic heading.
    await page.goto('/cabinet', { waitUntil: 'load' });
    assert.deepEqual(await shown('#static-shell h1'), ['Qujat'], 'another page: the generic heading');
    // The app, once it starts, shows the same texts first.
    await context.unroute(/\.wasm$/);
    await gotoApp(page, '/apply/S2');
    assert.equal(await h1Text(page), msg('ru', 'wizard_title'), 'the app\'s heading is the static one');
    assert.equal((await width('main#main h1'))[0], applyWidth, 'in a column as wide (so it wraps alike)');
    await gotoApp(page, '/cabinet/verify');
    assert.equal(await h1Text(page), msg('ru', 'verify_title'), 'checking a receipt\'s too');
    assert.equal((await width('main#main h1'))[0], verifyWidth, 'as wide');
    await gotoApp(page, '/staff');
    assert.equal(await h1Text(page), msg('ru', 'staff_title'), 'the back office\'s too');
    assert.equal((await width('main#main h1'))[0], staffWidth, 'as wide');
    assert.equal((await page.locator('main#main .notice--warning p').first().innerText()).trim(), msg('ru', 'staff_banner'), 'and its banner');
  },
  { allowPageErrors: true },
);

pageTest(
  'a passport\'s page paints its own heading and lead before the app, in the remembered language: the texts the app then shows',
  async ({ page, context }) => {
    const shown = await staticPagesInRussian(page, context);
    const s2 = service('S2');
    await page.goto('/services/S2', { waitUntil: 'load' });
    const [h1] = await shown('#static-shell h1');
    const [lead] = await shown('#static-shell p.lead');
    assert.deepEqual(await shown('#static-shell h1'), [h1], 'one heading shows');
    assert.ok(h1.startsWith(s2.name.text.ru), 'the passport\'s own heading, in Russian');
    assert.ok(lead.startsWith(s2.summary.text.ru), 'its lead');
    await expectAxeClean(page, 'static passport heading, app not started');
    // Another address keeps the generic heading.
    await page.goto('/services/S9', { waitUntil: 'load' });
    assert.deepEqual(await shown('#static-shell h1'), ['Qujat'], 'an unknown service: the generic heading');
    // The app, once it starts, shows the same heading and lead, word for word
    // (so the first paint is as large as what follows it).
    await context.unroute(/\.wasm$/);
    await gotoApp(page, '/services/S2');
    assert.equal(await h1Text(page), h1, 'the app\'s heading is the static one');
    assert.equal((await page.locator('main#main p.lead').innerText()).trim(), lead, 'and its lead');
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

// The services, apply and staff bundles carry no texts: each fetches its
// reader's language (dist/<bundle>/texts-<lang>-<hash>.txt, named by the
// page's <meta name="qujat-texts">; src/i18n/pack.rs, .ci/packs.mjs).

/** The language packs `page` asks for, each once, in order: `<bundle>/<lang>`. */
function recordPacks(page) {
  const packs = [];
  page.on('request', (request) => {
    const m = /^\/([a-z]+)\/texts-([a-z]{2})-[0-9a-f]{16}\.txt$/.exec(new URL(request.url()).pathname);
    if (m && !packs.includes(`${m[1]}/${m[2]}`)) packs.push(`${m[1]}/${m[2]}`);
  });
  return packs;
}

pageTest('a bundle that fetches its texts loads only its reader\'s language, another one when switched to, and each once', async ({ page }) => {
  const packs = recordPacks(page);
  await gotoApp(page, '/staff');
  await expectLanguage(page, 'kk', '/staff, first visit', 'staff_title');
  assert.deepEqual(packs, ['staff/kk'], 'only the Kazakh texts are fetched');
  await switchLanguage(page, 'ru');
  await expectLanguage(page, 'ru', '/staff, after choosing ru', 'staff_title');
  assert.deepEqual(packs, ['staff/kk', 'staff/ru'], 'the Russian texts when Russian is chosen');
  await expectAxeClean(page, '/staff, ru (fetched texts)');
  await switchLanguage(page, 'kk');
  await expectLanguage(page, 'kk', '/staff, back in kk', 'staff_title');
  assert.equal(packs.length, 2, `texts fetched once are not fetched again: ${packs}`);
  await switchLanguage(page, 'en');
  const onSwitch = [];
  page.on('request', (request) => onSwitch.push(new URL(request.url()).pathname));
  await reloadApp(page);
  assert.equal(onSwitch.filter((p) => /\/texts-/.test(p)).length >= 1, true, 'after a reload, the texts are asked for again');
  assert.ok(onSwitch.every((p) => !/\/texts-(kk|ru)-/.test(p)), `after a reload in en, only the English texts: ${onSwitch}`);
  await expectLanguage(page, 'en', '/staff, reloaded in the remembered en', 'staff_title');
  assert.deepEqual(packs, ['staff/kk', 'staff/ru', 'staff/en'], `each language's texts once: ${packs}`);
});

pageTest(
  'if another language\'s texts cannot be fetched, the page stays in its language and says so; the next try can work',
  async ({ page, errors }) => {
    const pattern = /\/services\/texts-en-[0-9a-f]{16}\.txt$/;
    await page.route(pattern, (route) => route.fulfill({ status: 503, body: '' }));
    await gotoApp(page, '/services/S2');
    const h1 = await h1Text(page);
    await langButton(page, 'en').click();
    const alert = page.getByRole('banner').getByRole('alert');
    await alert.waitFor();
    assert.equal((await alert.innerText()).trim(), msg('kk', 'shell_language_failed'), 'said in the page language');
    assert.equal(await htmlLang(page), 'kk', 'the page stays in Kazakh');
    assert.deepEqual(await pressedLanguages(page), pressedOnly('kk'));
    assert.equal(await h1Text(page), h1, 'the page is as it was');
    assert.ok(errors.some((e) => /texts: .*services\/texts-en-[0-9a-f]{16}\.txt: HTTP 503/.test(e)), `the console says why: ${errors}`);
    await expectAxeClean(page, '/services/S2, English texts unavailable');
    await page.unroute(pattern);
    await switchLanguage(page, 'en');
    assert.equal(await alert.count(), 0, 'the notice goes with the switch');
    assert.notEqual(await h1Text(page), h1, 'the page is in English now');
  },
  { allowPageErrors: true, contextOptions: { serviceWorkers: 'block' } },
);

pageTest(
  'a bundle whose texts are refused at start says the app stopped, in the page language, with Reload',
  async ({ page, errors }) => {
    const pattern = /\/staff\/texts-kk-[0-9a-f]{16}\.txt$/;
    // What a misconfigured server or an old cache might answer.
    await page.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not the texts</p>' }),
    );
    await page.goto('/staff', { waitUntil: 'load' });
    const crashed = page.locator('#app-crashed');
    await crashed.waitFor({ state: 'visible' });
    assert.equal(await crashed.locator('p[lang=kk]').isVisible(), true, 'said in Kazakh');
    assert.equal(await crashed.locator('p[lang=ru]').isVisible(), false, 'only in the page language');
    assert.equal(await page.locator('#static-shell').isVisible(), false, 'the loading shell is hidden');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert', 'focus on the notice');
    assert.ok(errors.some((e) => /not this build's texts/.test(e)), `the console says why: ${errors}`);
    await expectAxeClean(page, '/staff, texts refused');
    await page.unroute(pattern);
    await page.locator('#app-reload').click();
    await waitForApp(page);
    await expectLanguage(page, 'kk', '/staff, after Reload', 'staff_title');
  },
  { allowPageErrors: true, contextOptions: { serviceWorkers: 'block' } },
);
