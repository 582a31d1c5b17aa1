// Kiosk mode and the accessibility mode (issue 6 §2 and §4).
//
// Kiosk: asked for by ?kiosk=1 and started only when confirmed on the
// device (a link alone changes nothing); the on-screen keyboard types digits and
// Kazakh letters into the fields (and the app saves them like typing); after
// two idle minutes a timeout warning (a modal dialog) counts down, Continue
// extends, and at zero every trace of the visitor is wiped from
// localStorage, sessionStorage and IndexedDB and the kiosk starts again in
// Kazakh. The clock is Playwright's, so no test waits minutes.
//
// Accessibility mode: one switch, remembered; text at 150 %; axe-clean; no
// horizontal scrolling at 320 CSS px nor at 200 % zoom; the question read
// aloud in the page's language, or a clear message when the device has no
// voice for it.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, waitForApp, waitForBundle, waitForPath, h1Text, htmlLang, switchLanguage, button, storageState } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { msg } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { startApplication, atStep, submitStep } from './lib/flows/wizard.mjs';

useBrowser();

const IIN = '850314401018'; // Sultanova Aigerim, demo registry
const IDLE_MS = 120_000;
const WARN_MS = 60_000;

const keyboard = (page) => page.getByRole('group', { name: msg(page.__lang, 'kiosk_keyboard') });

/** Presses on-screen keys by their visible labels. */
async function press(page, labels) {
  const kb = keyboard(page);
  for (const l of labels) await kb.getByRole('button', { name: l, exact: true }).click();
}

pageTest('kiosk: a link alone never makes a kiosk; the screen says what the wipes delete, and "No" leaves the device and its data as they were', async ({ page }) => {
  await page.clock.install();
  await gotoApp(page, '/');
  await page.evaluate(() => localStorage.setItem('qujat.marker', JSON.stringify({ format: 'keep-me' })));
  await gotoApp(page, '/?kiosk=1');
  const screen = page.getByRole('region', { name: msg('kk', 'kiosk_confirm_title') });
  await screen.waitFor();
  assert.ok((await screen.innerText()).includes(msg('kk', 'kiosk_confirm_wipe')), 'says what every wipe deletes');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), false, 'not a kiosk yet');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.kiosk')), null, 'nothing remembered yet');
  await expectAxeClean(page, 'kiosk confirmation, kk');

  // Idle time passes on the screen: nothing is wiped.
  await page.clock.fastForward('04:00');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.marker')), JSON.stringify({ format: 'keep-me' }), 'data kept while asked');

  await button(page, msg('kk', 'kiosk_confirm_no')).click();
  await page.waitForFunction(() => location.search === '');
  await waitForApp(page);
  assert.equal(await screen.count(), 0, 'the screen is gone');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), false, 'still not a kiosk');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.marker')), JSON.stringify({ format: 'keep-me' }), 'the data stays');
});

pageTest('kiosk: on-screen keyboard, idle warning, Continue, then a wipe of everything the visitor left', async ({ page }) => {
  await page.clock.install();
  page.__lang = 'ru';
  await gotoApp(page, '/?kiosk=1');
  await button(page, msg('kk', 'kiosk_confirm_yes')).click();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-kiosk') && location.search === '');
  await switchLanguage(page, 'ru');
  assert.equal(await page.getByRole('heading', { name: msg('ru', 'kiosk_story_title') }).count(), 1, 'the demonstration story is on the start screen');
  await expectAxeClean(page, 'kiosk home, ru');
  // One path per service and channel, each with its pages one touch away.
  const story = page.locator('.kiosk-story');
  assert.deepEqual(
    await story.locator('h3').allInnerTexts(),
    ['kiosk_story_s2_title', 'kiosk_story_s3_title', 'kiosk_story_s1_title', 'kiosk_story_s2sc_title'].map((k) => msg('ru', k)),
    'a story for S2 on the portal, S3 booked, S1 walked in, S2 refused at the counter',
  );
  const hrefs = await story.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const want of ['/cabinet/book', '/corporation/hall', '/corporation/counter', '/cabinet', '/staff']) {
    assert.ok(hrefs.includes(want), `the stories link ${want}`);
  }

  // Sign in by typing the IIN on the digit pad.
  await gotoApp(page, '/signin');
  await page.locator('#iin').focus();
  await keyboard(page).waitFor();
  assert.equal(
    await keyboard(page).getByRole('button', { name: msg('ru', 'kiosk_layout_digits') }).getAttribute('aria-pressed'),
    'true',
    'a numeric field opens the digit pad',
  );
  await press(page, [...IIN.slice(0, 5), '9', msg('ru', 'kiosk_key_backspace'), ...IIN.slice(5)]);
  assert.equal(await page.locator('#iin').inputValue(), IIN, 'digits and backspace typed into the field');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'iin', 'the field keeps focus while keys are pressed');
  await expectAxeClean(page, 'kiosk sign-in with the keyboard, ru');
  await button(page, msg('ru', 'signin_submit')).click();
  await waitForBundle(page, '/cabinet');

  // Into the wizard; the school's name in Kazakh letters, with capitals.
  await startApplication(page, 'ru', { axe: false });
  for (const [slug, label, next] of [
    ['who', 'wizard_who_myself', 'reason'],
    ['reason', 'wizard_reason_lost', 'document'],
    ['document', 'wizard_document_general', 'school'],
  ]) {
    await page.getByRole('main').getByRole('radio', { name: msg('ru', label), exact: true }).check();
    await submitStep(page, 'ru', slug);
    await atStep(page, 'ru', next, { axe: false });
  }
  // A touch on the field (the page first puts focus on its heading).
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.locator('#school').click();
  assert.equal(await page.locator('#school').getAttribute('autocomplete'), 'off', 'a kiosk field is kept out of autofill');
  await keyboard(page).getByRole('button', { name: msg('ru', 'kiosk_layout_kk') }).click();
  await press(page, [msg('ru', 'kiosk_key_shift'), 'Ә', msg('ru', 'kiosk_key_shift'), 'л', '-', msg('ru', 'kiosk_key_shift'), 'Ф', msg('ru', 'kiosk_key_shift'), 'а', 'р', 'а', 'б', 'и']);
  assert.equal(await page.locator('#school').inputValue(), 'Әл-Фараби');
  await page.waitForFunction(() => (localStorage.getItem('qujat.drafts') || '').includes('Әл-Фараби'));
  await reloadApp(page);
  assert.equal(await page.locator('#school').inputValue(), 'Әл-Фараби', 'typed on the screen, saved like typing');
  await page.locator('#school').click();
  await keyboard(page).getByRole('button', { name: msg('ru', 'kiosk_keyboard_hide') }).click();
  assert.equal(await keyboard(page).count(), 0, 'the keyboard can be hidden');

  // Something in sessionStorage and IndexedDB too: the wipe must take it.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        sessionStorage.setItem('visitor', 'x');
        const r = indexedDB.open('visitor-db');
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
        r.onerror = () => reject(r.error);
      }),
  );
  const before = await storageState(page);
  assert.ok(before.local.includes('qujat.drafts') && before.local.includes('qujat.session'), `a visitor's data is stored: ${before.local}`);
  assert.deepEqual(before.session, ['visitor']);
  assert.ok(before.idb.includes('visitor-db'));

  // Two idle minutes: the warning, as a modal dialog, with a countdown.
  await page.clock.runFor(IDLE_MS + 1_000);
  const dialog = page.getByRole('dialog', { name: msg('ru', 'kiosk_timeout_title') });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /\d+/, 'a countdown in seconds');
  assert.equal(
    await page.evaluate(() => document.activeElement?.closest('dialog') !== null),
    true,
    'focus is inside the warning',
  );
  await expectAxeClean(page, 'kiosk timeout warning, ru');
  await dialog.getByRole('button', { name: msg('ru', 'kiosk_timeout_continue') }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('#school').inputValue(), 'Әл-Фараби', 'Continue keeps everything');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'school', 'Continue gives focus back to the field the visitor was in');

  // Idle again, the warning, and nobody answers: the wipe.
  await page.clock.runFor(IDLE_MS + 1_000);
  await dialog.waitFor();
  await page.clock.runFor(WARN_MS + 2_000);
  // The wipe leaves for the start page; a navigation that supersedes
  // another aborts the first, so wait on where the page ends up.
  await waitForPath(page, '/');
  await waitForApp(page);
  const after = await storageState(page);
  assert.deepEqual(after.local, ['qujat.kiosk'], 'only the kiosk switch is left in localStorage');
  assert.deepEqual(after.session, [], 'sessionStorage is empty');
  assert.deepEqual(after.idb, [], 'no IndexedDB database is left');
  assert.equal(await htmlLang(page), 'kk', 'back to the default language');
  assert.equal(await h1Text(page), msg('kk', 'home_title'), 'back to the start screen');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), true, 'still a kiosk');
});

pageTest('kiosk: the wipe leaves even when IndexedDB never answers, and a page restored from the back/forward cache is reloaded', async ({ page, context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('qujat.kiosk', 'true');
    // A browser whose IndexedDB never answers.
    // (window.name survives the wipe's navigation: it says it was asked.)
    if (window.indexedDB) {
      indexedDB.databases = () => {
        window.name = 'indexeddb-asked';
        return new Promise(() => {});
      };
    }
  });
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/services/S2');
  await page.evaluate(() => localStorage.setItem('qujat.session', '{"v":1,"rev":1,"data":"850314401018"}'));
  await page.clock.runFor(IDLE_MS + 1_000);
  await page.getByRole('dialog', { name: msg('kk', 'kiosk_timeout_title') }).waitFor();
  // The countdown ends, IndexedDB never answers: the wait's bound (2 s)
  // still leaves for the start page, with the visitor's data gone.
  await page.clock.runFor(WARN_MS + 3_000);
  await waitForPath(page, '/');
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.name), 'indexeddb-asked', 'the wipe asked IndexedDB, which never answered');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.session')), null, 'wiped');
  assert.equal(await h1Text(page), msg('kk', 'home_title'), 'back to the start screen');

  // Shown again from the back/forward cache: reloaded, never as it was.
  await page.evaluate(() => { window.__before = true; });
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))),
  ]);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.__before), undefined, 'the page was reloaded');
});

pageTest('accessibility mode: remembered, text at 150 %, axe-clean, no horizontal scrolling at 320 px and at 200 % zoom', async ({ page }) => {
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await gotoApp(page, '/');
  const normal = await rootSize();
  const toggle = page.getByRole('button', { name: msg('kk', 'access_switch') });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.ok((await rootSize()) >= normal * 1.5, `text at least 150 %: ${normal} → ${await rootSize()}`);
  // The mode keeps to what matters: the header's tagline and the footer's
  // notes (all but the contact centre) are not shown.
  assert.equal(await page.locator('.site-header__tagline').isVisible(), false, 'no tagline in accessibility mode');
  assert.equal(await page.locator('.site-footer p:not(.site-footer__contact)').evaluateAll((ps) => ps.filter((p) => p.getClientRects().length > 0).length), 0, 'only the contact centre in the footer');
  await reloadApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-access')), true, 'remembered across a reload');
  assert.equal(await page.getByRole('button', { name: msg('kk', 'access_switch') }).getAttribute('aria-pressed'), 'true');

  const pages = ['/', '/services/S2', '/services/S1', '/signin', '/apply/S2', '/cabinet/complaint', '/staff', '/corporation/operator', '/no/such/page'];
  for (const [width, label] of [
    [320, '320 CSS px'],
    [640, '200 % zoom of a 1280 px window'],
  ]) {
    await page.setViewportSize({ width, height: 800 });
    for (const p of pages) {
      await gotoApp(page, p);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${p} at ${label}: no horizontal scrolling (${scroll} > ${client})`);
      await expectAxeClean(page, `${p}, accessibility mode, ${label}`);
    }
  }
  // Off again, and that is remembered too.
  await gotoApp(page, '/');
  await page.getByRole('button', { name: msg('kk', 'access_switch') }).click();
  await reloadApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-access')), false);
});

pageTest('accessibility mode: the question is read aloud in the page language, or the page says there is no voice', async ({ page, context }) => {
  // A recording speechSynthesis: a Russian voice only.
  await context.addInitScript(() => {
    window.__spoken = [];
    // Real SpeechSynthesisVoice objects as far as instanceof can tell.
    const voice = (lang) =>
      Object.create(SpeechSynthesisVoice.prototype, {
        lang: { value: lang },
        name: { value: lang },
        default: { value: true },
        localService: { value: true },
        voiceURI: { value: lang },
      });
    const voices = [voice('ru-RU')];
    const synth = {
      getVoices: () => voices,
      speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }),
      cancel: () => {},
      speaking: false,
      pending: false,
      paused: false,
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    // The real constructor rejects a plain object as voice: accept it.
    const Real = window.SpeechSynthesisUtterance;
    window.SpeechSynthesisUtterance = class {
      constructor(text) {
        this.text = text;
        this.lang = '';
        this.voice = null;
      }
    };
    window.SpeechSynthesisUtterance.Real = Real;
    localStorage.setItem('qujat.access', 'true');
  });
  await gotoApp(page, '/signin');
  await switchLanguage(page, 'ru');
  const read = page.getByRole('button', { name: msg('ru', 'access_read_aloud') });
  await read.click();
  await page.getByRole('status').filter({ hasText: msg('ru', 'access_reading') }).waitFor();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'ru');
  assert.equal(spoken[0].voice, 'ru-RU', 'the Russian voice');
  assert.ok(spoken[0].text.startsWith(await h1Text(page)), `the heading is read first: ${spoken[0].text}`);

  // Kazakh: no Kazakh voice on this "device": said, and nothing is read.
  await switchLanguage(page, 'kk');
  await page.getByRole('button', { name: msg('kk', 'access_read_aloud') }).click();
  await page.getByRole('status').filter({ hasText: msg('kk', 'access_no_voice') }).waitFor();
  assert.equal((await page.evaluate(() => window.__spoken)).length, 1, 'no foreign voice reads Kazakh');
  await expectAxeClean(page, 'sign-in, accessibility mode, no voice, kk');
});
