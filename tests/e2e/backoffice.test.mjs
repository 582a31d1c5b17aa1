// An application's life cycle after submission (issue 5, §1–§2): a citizen
// submits S2 through the real wizard and signs it with an SMS code; the
// provider's back office (a clearly labelled demonstration with a role
// switch) takes one application through every step to issuance — register,
// the head's resolution, preparation, the head's signature, delivery to the
// State Corporation, issuance — using the demo clock (+1 hour, +1 working
// day, the next regulation step, automatic play), and another to a motivated
// refusal (a ground chosen from the catalogue plus free text). The citizen's
// tracker shows each status, the history with who acted, the steps' target
// times with late marks once the demo clock passes them, the overdue notice
// with the complaint link, and the in-app notifications with the unread
// badge. Nothing is lost on a reload; two open tabs follow each other
// through storage events, and an action from a tab with a stale view is
// refused with a clear message instead of overwriting the other tab's.
// Russian, English and Kazakh; axe-core on every page state.
//
// Complaints are tested in complaint.test.mjs.
//
// Time is Playwright's clock, installed at a working-day morning in
// Kazakhstan (Tuesday 24.11.2026 10:00, UTC+5); the demo clock moves the
// app's time ahead of it.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, expectH1, main, radio, button, link, switchLanguage } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { refusalGround } from './lib/facts.mjs';
import { HOSTILE, expectNothingExecuted } from './lib/hostile.mjs';
import { msg, fmt, escapeRegExp } from './lib/texts.mjs';
import { NOW, TIME, toMs } from './lib/time.mjs';
import { signIn } from './lib/flows/signin.mjs';
import { fillApplication } from './lib/flows/wizard.mjs';
import { signWithOtp } from './lib/flows/sign.mjs';
import {
  T,
  storedApp,
  statusTag,
  waitStatus,
  history,
  expectHistory,
  targets,
  appTime,
  waitTime,
  openDemoTools,
  waitBadge,
  openNotifications,
  openDesk,
  setRole,
  act,
  openTracker,
  allowDeafness,
  setDeaf,
} from './lib/flows/staff.mjs';

useBrowser();

/**
 * The real path (the wizard is tested in citizen.test.mjs; here it only
 * makes an application): sign in as a plain adult, a duplicate of a lost
 * certificate for myself, signed with an SMS code. Returns { reference, due, person }.
 */
async function submitApplication(page, lang, school, schoolId = null) {
  const person = await signIn(page, lang);
  await fillApplication(page, lang, { school, schoolId });
  await signWithOtp(page, lang);

  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  await expectH1(page, msg(lang, 'confirm_accepted_title'), 'receipt');
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  assert.match(reference, /^S2-261124-[0-9A-Z]{6}$/);
  const app = await storedApp(page, reference);
  assert.equal(app.applicant_iin, person.iin);
  assert.equal(app.signature.method, 'otp');
  assert.equal(app.lifecycle.state, 'delivered');
  const due = app.outcome.due; // "2026-12-15"
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/, 'an accepted application has a legal deadline');
  return { reference, due, person };
}

// ================================================================ tests

pageTest(
  'Russian: the back office takes an application through every step to issuance on the demo clock; tracker, late marks, overdue, notifications, reloads, two tabs',
  async ({ page, context }) => {
    const lang = 'ru';
    await context.clock.install({ time: NOW });
    const { reference, due } = await submitApplication(page, lang, null, 'oskemen-school-gymnasium-3');
    const [y, m, d] = due.split('-');
    const dueText = `${d}.${m}.${y}`;

    // The citizen's tracker: delivered, the legal deadline, the steps, no late mark.
    await gotoApp(page, '/cabinet');
    await link(page, reference).click();
    await page.waitForURL((u) => u.pathname === `/cabinet/applications/${reference}`);
    await expectH1(page, msg(lang, 'track_title'), 'tracker');
    await waitStatus(page, lang, 'life_status_delivered', 'tracker, delivered');
    assert.equal((await page.locator('main .deadline').innerText()).trim(), fmt(lang, 'track_deadline', { date: dueText }));
    await expectHistory(page, lang, ['accept'], 'tracker, delivered');
    let rows = await targets(page);
    assert.equal(rows.length, 6, 'five regulation steps (F002) and the legal deadline');
    assert.ok(
      (await page.locator('main p.regional-note').first().innerText()).startsWith(fmt(lang, 'life_regional_applies', { act: '@@' }).split('@@')[0]),
      'the steps are said to come from the regional regulation',
    );
    assert.ok((await page.locator('main p.regional-note').nth(1).innerText()).includes(msg(lang, 'life_regional_mapped')), 'applied to a portal application: an interpretation');
    assert.deepEqual(rows.map((r) => [r.done, r.late]), Array(6).fill([msg(lang, 'life_not_done'), false]), 'nothing done, nothing late');
    assert.equal(await page.locator('main .notice[role=alert]').count(), 0, 'not overdue');
    await waitBadge(page, lang, 1, 'after submitting');
    await expectAxeClean(page, 'tracker, ru, delivered');

    // The demo clock, one hour ahead: the 15-minute registration is late.
    await openDemoTools(page);
    const before = await appTime(page);
    await button(page, msg(lang, 'demo_plus_hour')).click();
    await page.waitForFunction(() => !!document.querySelector('main table.targets tbody tr .tag--late'));
    const after = await appTime(page);
    assert.ok(toMs(after) - toMs(before) >= 59 * 60_000, `an hour later: ${before} → ${after}`);
    assert.ok((await page.locator('.demo-clock').innerText()).includes(msg(lang, 'demo_ahead')), 'the demo time is labelled');
    rows = await targets(page);
    assert.deepEqual(rows.map((r) => r.late), [true, false, false, false, false, false], 'the registration step is late, in words');
    assert.ok(rows[0].lateClass);
    assert.equal(
      (await page.locator('main table.targets tbody tr').first().locator('.tag--late').innerText()).trim(),
      msg(lang, 'life_late'),
    );
    await expectAxeClean(page, 'tracker, ru, demo tools open, registration late');

    // The back office in a second tab: the list says the next step is late.
    const staff = await context.newPage();
    await gotoApp(staff, '/staff');
    await expectH1(staff, msg(lang, 'staff_title'), 'back office list');
    assert.ok((await staff.locator('main .notice--warning').innerText()).includes(msg(lang, 'staff_banner')), 'labelled a demonstration');
    const row = staff.locator('main table tbody tr').filter({ hasText: reference });
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('td').nth(2).innerText()).trim(), msg(lang, 'life_status_delivered'));
    assert.ok((await row.locator('td').nth(3).innerText()).includes(msg(lang, 'life_late')), 'the next step is late');
    await expectAxeClean(staff, 'back office list, ru');
    assert.ok(Math.abs(toMs(await appTime(staff)) - toMs(await appTime(page))) <= 60_000, 'both tabs live in the same demo time');

    await link(staff, reference).click();
    await staff.locator('main .caption').filter({ hasText: reference }).waitFor();
    await waitStatus(staff, lang, 'life_status_delivered', 'desk');
    assert.equal(await radio(staff, msg(lang, 'life_role_clerk')).isChecked(), true, 'the clerk by default');
    assert.equal(await staff.locator('#refuse-heading').count(), 0, 'only the head refuses');
    await expectAxeClean(staff, 'desk, ru, delivered, clerk');

    // The wrong role cannot act.
    await setRole(staff, lang, 'life_role_executor');
    assert.ok((await main(staff).innerText()).includes(msg(lang, 'staff_no_actions')));
    assert.equal(await button(staff, msg(lang, T.register[0])).count(), 0);

    // The clerk registers; the citizen's tab follows without a reload.
    await setRole(staff, lang, 'life_role_clerk');
    await act(staff, lang, 'register', 'life_status_registered', 'desk, registered');
    await expectAxeClean(staff, 'desk, ru, registered');
    await waitStatus(page, lang, 'life_status_registered', 'tracker follows the back office');
    await expectHistory(page, lang, ['accept', 'register'], 'tracker, registered');
    rows = await targets(page);
    assert.match(rows[0].done, TIME, 'registration done, with its time');
    assert.equal(rows[0].late, true, 'registered after its target: late');
    await waitBadge(page, lang, 2, 'after registration');

    // A reload keeps the record and the chosen role.
    await setRole(staff, lang, 'life_role_head');
    await reloadApp(staff);
    await waitStatus(staff, lang, 'life_status_registered', 'desk after reload');
    assert.equal(await radio(staff, msg(lang, 'life_role_head')).isChecked(), true, 'the role survives a reload');
    assert.equal(await staff.locator('#refuse-heading').count(), 1, 'the head may refuse a registered application');
    await expectAxeClean(staff, 'desk, ru, registered, head, after reload');

    await act(staff, lang, 'assign', 'life_status_in_progress', 'desk, assigned');
    await waitStatus(page, lang, 'life_status_in_progress', 'tracker, assigned');

    // The demo clock plays the next regulation step at its target time:
    // the executor's preparation, 12 working days later.
    const t0 = await appTime(staff);
    await button(staff, msg(lang, 'demo_next_step')).click();
    const played = escapeRegExp(fmt(lang, 'demo_played', { what: msg(lang, T.prepare[0]), reference, when: '@@' }))
      .replace('@@', '\\d{2}\\.\\d{2}\\.2026 \\d{2}:\\d{2}');
    await staff.getByRole('status').filter({ hasText: new RegExp(`^${played}$`) }).waitFor();
    await staff.waitForFunction((n) => document.querySelectorAll('main ol.events > li').length === n, 4);
    const t1 = await appTime(staff);
    assert.ok(toMs(t1) - toMs(t0) > 7 * 86_400_000, `the clock moved on by working days: ${t0} → ${t1}`);
    await expectHistory(staff, lang, ['accept', 'register', 'assign', 'prepare'], 'desk after the played step');
    const app = await storedApp(staff, reference);
    assert.equal(app.lifecycle.state, 'in-preparation');
    assert.equal(app.lifecycle.events[3].actor, 'executor');

    // The tracker: reloaded, it keeps everything, and preparation was on time.
    await reloadApp(page);
    await waitStatus(page, lang, 'life_status_in_progress', 'tracker after reload');
    await expectHistory(page, lang, ['accept', 'register', 'assign', 'prepare'], 'tracker after reload');
    rows = await targets(page);
    assert.match(rows[2].done, TIME);
    assert.equal(rows[2].late, false, 'prepared at its target: on time');
    assert.equal(rows[2].done, rows[2].due, 'played at its target time');
    await expectAxeClean(page, 'tracker, ru, in progress, after reload');

    await act(staff, lang, 'sign', 'life_status_in_progress', 'desk, signed');
    await expectHistory(page, lang, ['accept', 'register', 'assign', 'prepare', 'sign'], 'tracker, signed');

    // Working days pass on the demo clock until the legal deadline is over:
    // only then does the tracker say it is overdue and offer a complaint.
    await openDemoTools(page);
    const alert = page.locator('main .notice[role=alert]');
    let overdue = false;
    for (let i = 0; i < 25 && !overdue; i++) {
      const was = await appTime(page);
      await button(page, msg(lang, 'demo_plus_day')).click();
      await page.waitForFunction((w) => {
        const m = /(\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})/.exec(document.querySelector('.demo-clock').textContent);
        return m && m[1] !== w;
      }, was);
      const now = await appTime(page);
      const past = now.slice(6, 10) + now.slice(3, 5) + now.slice(0, 2) > `${y}${m}${d}`;
      await page.waitForTimeout(300);
      overdue = (await alert.count()) > 0;
      assert.equal(overdue, past, `overdue exactly when the app's date ${now} is after the deadline ${dueText}`);
    }
    assert.ok(overdue, 'the legal deadline passes');
    assert.equal((await alert.locator('p').first().innerText()).trim(), msg(lang, 'track_overdue'));
    assert.equal(
      await alert.getByRole('link', { name: msg(lang, 'track_complain') }).getAttribute('href'),
      `/cabinet/complaint?app=${reference}`,
      'the complaint path for this application',
    );
    rows = await targets(page);
    assert.equal(rows[5].late, true, 'the legal deadline is marked late');
    await expectAxeClean(page, 'tracker, ru, overdue');

    // The clerk hands the result to the State Corporation (late), which issues it.
    await waitTime(staff, await appTime(page));
    await setRole(staff, lang, 'life_role_clerk');
    await act(staff, lang, 'deliver', 'life_status_ready', 'desk, ready');
    await waitStatus(page, lang, 'life_status_ready', 'tracker, ready');
    assert.equal(await alert.count(), 0, 'ready: no longer overdue');
    rows = await targets(page);
    assert.match(rows[5].done, TIME, 'the legal deadline is met by the delivery');
    assert.equal(rows[5].late, true, '… late');
    assert.ok((await main(page).innerText()).includes(fmt(lang, 'track_ready_until', { date: '@@' }).split('@@')[0]), 'where and until when to collect it');
    await expectAxeClean(page, 'tracker, ru, ready');

    // The portal and the passports count from a glance at the stored
    // applications (no decoder of whole ones in their wasm): the same
    // count, and an open passport follows the desk's next change in
    // another tab.
    const portal = await context.newPage();
    await gotoApp(portal, '/services/S2');
    await waitBadge(portal, lang, 6, 'the count on a passport');

    await setRole(staff, lang, 'life_role_state_corporation');
    await act(staff, lang, 'issue', 'life_status_issued', 'desk, issued');
    await waitBadge(portal, lang, 7, 'the open passport follows the desk');
    assert.equal(await staff.locator('main h2').filter({ hasText: fmt(lang, 'staff_actions_heading', { role: '' }).trim() }).count(), 0, 'no actions on a closed record');
    await expectAxeClean(staff, 'desk, ru, issued');

    await waitStatus(page, lang, 'life_status_issued', 'tracker, issued');
    const all = ['accept', 'register', 'assign', 'prepare', 'sign', 'deliver', 'issue'];
    await expectHistory(page, lang, all, 'tracker, issued');
    rows = await targets(page);
    assert.ok(rows.every((r) => TIME.test(r.done)), 'every step done');
    await waitBadge(page, lang, 7, 'every change is a notification');
    // An open portal tab follows another tab marking them read.
    await gotoApp(portal, '/');
    await waitBadge(portal, lang, 7, 'the count on the home page');
    await reloadApp(page);
    await waitStatus(page, lang, 'life_status_issued', 'tracker, issued, after reload');
    await expectHistory(page, lang, all, 'tracker, issued, after reload');
    await expectAxeClean(page, 'tracker, ru, issued');

    // The notifications: one per change, newest first, unread until read.
    await openNotifications(page, lang);
    const items = page.locator('main .notes__item');
    assert.equal(await items.count(), 7);
    const texts = (await items.locator('a').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(
      texts,
      [...all].reverse().map((s) => fmt(lang, 'notify_item', { reference, what: msg(lang, T[s][0]) })),
      'newest first, in Russian',
    );
    assert.equal(await page.locator('main .notes__item--unread').count(), 7);
    await expectAxeClean(page, 'notifications, ru, unread');
    await button(page, msg(lang, 'notify_mark_read')).click();
    await waitBadge(page, lang, 0, 'all read');
    await waitBadge(portal, lang, 0, 'all read, in the open portal tab');
    await portal.close();
    assert.equal(await page.locator('main .notes__item--unread').count(), 0);
    await reloadApp(page);
    await waitBadge(page, lang, 0, 'read, after reload');
    assert.equal(await items.count(), 7);
    await expectAxeClean(page, 'notifications, ru, read');

    // The back office list: issued, nothing due.
    await gotoApp(staff, '/staff');
    const done = staff.locator('main table tbody tr').filter({ hasText: reference });
    assert.equal((await done.locator('td').nth(2).innerText()).trim(), msg(lang, 'life_status_issued'));
    assert.equal((await done.locator('td').nth(3).innerText()).trim(), '');
    await expectAxeClean(staff, 'back office list, ru, issued');
    await staff.close();
  },
);

pageTest('English: the receipt\'s QR code is signed and checks as genuine offline, one changed character does not; an application changed after it was signed is flagged on the receipt, the tracker and the desk, and the desk offers no action on it', async ({ page }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  const { reference, person } = await submitApplication(page, lang, null, 'oskemen-school-gymnasium-3');
  const flag = page.locator('main .integrity-failed');
  assert.equal(await flag.count(), 0, 'a genuine application is not flagged');

  // The receipt prints on one A4 page in each language.
  for (const code of ['en', 'ru', 'kk']) {
    await switchLanguage(page, code);
    await expectH1(page, msg(code, 'confirm_accepted_title'), `receipt, ${code}`);
    const pdfBuf = await page.pdf({ format: 'A4', printBackground: true });
    const pdf = pdfBuf.toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) || []).length;
    assert.equal(pages, 1, `the receipt prints on one A4 page in ${code} (${pages})`);
  }
  await switchLanguage(page, lang);

  // The receipt's QR code is its statement signed by the portal's key: the
  // verify page checks it offline and shows what was signed.
  const code = (await page.locator('.receipt__code').textContent()).trim();
  assert.match(code, /^QJ1\.[A-Z2-7]+$/, 'a signed receipt code');
  assert.equal(await page.locator('.qr__image').getAttribute('aria-label'), fmt(lang, 'confirm_qr_label', { reference }));
  // A picture of the QR code, as a phone's screenshot of the receipt would be,
  // and a picture with no code in it.
  // (The demo's simulated phone floats over the page: out of the picture.)
  await page.evaluate(() => document.querySelector('aside.phone')?.style.setProperty('visibility', 'hidden'));
  const qrPicture = await page.locator('.qr__image').screenshot();
  await page.evaluate(() => document.querySelector('aside.phone')?.style.removeProperty('visibility'));
  const noCode = await page.locator('main h1').screenshot();
  await page.getByRole('link', { name: msg(lang, 'verify_this_receipt') }).click();
  await expectH1(page, msg(lang, 'verify_title'), 'verify page');
  const answer = page.locator('.verify__answer');
  await answer.getByRole('heading', { name: msg(lang, 'verify_genuine') }).waitFor();
  const said = await answer.innerText();
  for (const part of [reference, msg(lang, 'verify_kind_acceptance')]) assert.ok(said.includes(part), `the verify page shows ${part}`);
  assert.ok(!said.includes(person.iin), 'only the last four IIN digits are shown');
  assert.ok(said.includes(person.iin.slice(-4)), 'the last four IIN digits are');
  await expectAxeClean(page, 'verify, en, genuine');
  // One character changed: not genuine, and why; then not a code at all.
  const i = 40;
  const altered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
  const field = page.getByLabel(msg(lang, 'verify_code_label'));
  for (const [text, why] of [[altered, 'verify_error_altered'], ['https://example.com/receipt', 'verify_error_not_a_receipt'], [code.slice(0, 60), 'verify_error_damaged']]) {
    await field.fill(text);
    await page.getByRole('button', { name: msg(lang, 'verify_check'), exact: true }).click();
    await answer.getByRole('heading', { name: msg(lang, 'verify_not_genuine') }).waitFor();
    await answer.getByText(msg(lang, why)).waitFor();
  }
  await expectAxeClean(page, 'verify, en, not genuine');
  // From a picture: the code is read on the device, put in the field and checked.
  const picture = page.getByLabel(msg(lang, 'verify_picture_label'));
  const readIt = page.getByRole('button', { name: msg(lang, 'verify_picture_read'), exact: true });
  await readIt.click();
  await page.locator('.error-summary', { hasText: msg(lang, 'verify_error_no_picture') }).waitFor();
  await picture.setInputFiles({ name: 'heading.png', mimeType: 'image/png', buffer: noCode });
  await readIt.click();
  await page.locator('.error-summary', { hasText: msg(lang, 'verify_error_no_code') }).waitFor();
  await picture.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await readIt.click();
  await page.locator('.error-summary', { hasText: msg(lang, 'verify_error_bad_picture') }).waitFor();
  await expectAxeClean(page, 'verify, en, picture errors');
  await picture.setInputFiles({ name: 'receipt-qr.png', mimeType: 'image/png', buffer: qrPicture });
  await readIt.click();
  await answer.getByRole('heading', { name: msg(lang, 'verify_genuine') }).waitFor();
  assert.equal(await field.inputValue(), code, 'the code read from the picture is the receipt\'s');
  assert.ok((await answer.innerText()).includes(reference), 'and what it states is shown');
  await field.fill('');
  await page.getByRole('button', { name: msg(lang, 'verify_check'), exact: true }).click();
  await page.locator('.error-summary', { hasText: msg(lang, 'verify_error_empty') }).waitFor();
  await gotoApp(page, `/sign/receipt/${reference}`);

  // The stored record's graduation year is changed behind the signature's back.
  const year = await page.evaluate((ref) => {
    const env = JSON.parse(localStorage.getItem('qujat.apps'));
    const a = env.data[ref];
    a.answers.year = String(Number(a.answers.year) + 1);
    localStorage.setItem('qujat.apps', JSON.stringify(env));
    return a.answers.year;
  }, reference);
  assert.match(year, /^\d{4}$/);

  for (const where of [`/sign/receipt/${reference}`, `/cabinet/applications/${reference}`]) {
    await gotoApp(page, where);
    await flag.waitFor();
    assert.equal((await flag.innerText()).trim(), msg(lang, 'track_integrity_failed'), `${where}: flagged, in English`);
    await expectAxeClean(page, `${where}, en, flagged`);
  }
  await openDesk(page, lang, reference);
  await flag.waitFor();
  await page.getByText(msg(lang, 'staff_no_actions')).waitFor();
  for (const [step, [label]] of Object.entries(T)) {
    assert.equal(await page.getByRole('button', { name: msg(lang, label), exact: true }).count(), 0, `no "${step}" offered`);
  }
  // Not for any role.
  await setRole(page, lang, 'life_role_head');
  await page.getByText(msg(lang, 'staff_no_actions')).waitFor();
  assert.equal(await page.locator('section.refusal').count(), 0, 'no refusal form');
  await expectAxeClean(page, 'desk, en, flagged');
});

pageTest('English: a browser notification tells a citizen who allowed them of each change, and a kiosk never shows one nor offers them', async ({ page, context }) => {
  const lang = 'en';
  await context.clock.install({ time: NOW });
  // A browser where notifications are allowed; what it shows is recorded.
  await context.addInitScript(() => {
    window.__shown = [];
    window.Notification = class {
      constructor(title, options) {
        window.__shown.push(`${title}: ${options?.body}`);
      }
      static get permission() {
        return 'granted';
      }
      static requestPermission() {
        window.__asked = true;
        return Promise.resolve('granted');
      }
    };
  });
  const shown = () => page.evaluate(() => window.__shown);
  const { reference } = await submitApplication(page, lang, null, 'oskemen-school-gymnasium-3');
  await openTracker(page, lang, reference);
  const staff = await context.newPage();
  await openDesk(staff, lang, reference);

  // A citizen's browser: the registration is notified, in English.
  await act(staff, lang, 'register', 'life_status_registered', 'desk, registered');
  await waitStatus(page, lang, 'life_status_registered', 'tracker, registered');
  await page.waitForFunction(() => window.__shown.length === 1);
  assert.deepEqual(await shown(), [`${msg(lang, 'app_name')}: ${fmt(lang, 'notify_item', { reference, what: msg(lang, T.register[0]) })}`]);

  // The same browser as a kiosk: the next change is shown on the page only.
  await page.evaluate(() => localStorage.setItem('qujat.kiosk', 'true'));
  await reloadApp(page);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-kiosk'));
  await waitStatus(page, lang, 'life_status_registered', 'kiosk tracker, registered');
  await setRole(staff, lang, 'life_role_head');
  await act(staff, lang, 'assign', 'life_status_in_progress', 'desk, assigned');
  await waitStatus(page, lang, 'life_status_in_progress', 'kiosk tracker follows the desk');
  await waitBadge(page, lang, 3, 'the in-page notifications still count');
  await openNotifications(page, lang);
  assert.equal(await button(page, msg(lang, 'notify_allow')).count(), 0, 'a kiosk does not offer browser notifications');
  assert.deepEqual(await shown(), [], 'a kiosk shows no browser notification');
  assert.equal(await page.evaluate(() => window.__asked ?? false), false, 'nor asks for them');
  await expectAxeClean(page, 'notifications, en, kiosk');
});

pageTest('English: a motivated refusal (a ground and free text), its errors, the tracker and the notification', async ({ page }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  const { reference } = await submitApplication(page, lang, null, 'oskemen-school-gymnasium-3');

  await openDesk(page, lang, reference);
  await expectAxeClean(page, 'desk, en, delivered');
  await act(page, lang, 'register', 'life_status_registered', 'desk, en, registered');
  await setRole(page, lang, 'life_role_head');
  const form = page.locator('section.refusal');
  assert.equal((await form.locator('h3').innerText()).trim(), msg(lang, 'staff_refuse_heading'));
  await expectAxeClean(page, 'desk, en, head, refusal form');

  // Nothing chosen, nothing written: both are required.
  await button(page, msg(lang, 'staff_refuse_submit')).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.innerText.trim()]));
  assert.deepEqual(links, [
    ['#ground', msg(lang, 'staff_refuse_error_ground')],
    ['#motivation', msg(lang, 'staff_refuse_error_text')],
  ]);
  assert.equal(
    (await page.locator('#motivation-error').textContent()).replace(/\s+/g, ' ').trim(),
    `${msg(lang, 'common_error_prefix')} ${msg(lang, 'staff_refuse_error_text')}`,
  );
  await expectAxeClean(page, 'desk, en, refusal errors');
  assert.equal((await storedApp(page, reference)).lifecycle.state, 'registered', 'nothing recorded');

  // Only spaces are no motivation.
  const ground = refusalGround(lang, 'decision-grounds-not-listed');
  await radio(page, ground).check();
  await page.locator('#motivation').fill('   ');
  await button(page, msg(lang, 'staff_refuse_submit')).click();
  await page.waitForFunction(() => document.querySelectorAll('.error-summary a').length === 1);
  assert.equal((await summary.locator('a').innerText()).trim(), msg(lang, 'staff_refuse_error_text'));

  const motivation = `The school has no record of a pupil of that name in 2012.\n${HOSTILE}`;
  await page.locator('#motivation').fill(motivation);
  await button(page, msg(lang, 'staff_refuse_submit')).click();
  await waitStatus(page, lang, 'life_status_refused', 'desk, refused');
  await page
    .getByRole('status')
    .filter({ hasText: fmt(lang, 'staff_done', { what: msg(lang, T.refuse[0]) }) })
    .waitFor({ timeout: 5_000 });
  assert.equal(await form.count(), 0, 'a refused application takes no more actions');
  assert.equal(await page.locator('.error-summary').count(), 0);
  const app = await storedApp(page, reference);
  assert.equal(app.lifecycle.state, 'refused');
  const last = app.lifecycle.events.at(-1);
  assert.deepEqual([last.transition, last.actor, last.reason_id, last.note], ['refuse', 'head', 'decision-grounds-not-listed', motivation]);
  await expectHistory(page, lang, ['accept', 'register', 'refuse'], 'desk, refused');
  await expectNothingExecuted(page, 'desk, refused');
  await reloadApp(page);
  await waitStatus(page, lang, 'life_status_refused', 'desk, refused, after reload');
  await expectAxeClean(page, 'desk, en, refused');

  // The citizen sees the refusal, its ground and its motivation, exactly.
  await openTracker(page, lang, reference);
  await waitStatus(page, lang, 'life_status_refused', 'tracker, refused');
  await expectHistory(page, lang, ['accept', 'register', 'refuse'], 'tracker, refused');
  const [, , note] = (await history(page)).at(-1);
  assert.ok(note.startsWith(`${msg(lang, 'life_reason')}: `), 'the motivation is labelled');
  const refusal = page.locator('main ol.events > li').last();
  assert.equal((await refusal.locator('.events__note').textContent()).includes(motivation), true, 'the motivation, as written');
  assert.ok((await refusal.innerText()).includes(ground), 'the chosen ground');
  await expectNothingExecuted(page, 'tracker, refused');
  const rows = await targets(page);
  assert.equal(rows.length, 2, 'after a refusal only the steps done and the legal deadline remain');
  assert.match(rows[1].done, TIME, 'the refusal answers within the legal deadline');
  assert.equal(rows[1].late, false);
  assert.equal(await page.locator('main .notice[role=alert]').count(), 0);
  await waitBadge(page, lang, 3, 'accepted, registered, refused');
  await expectAxeClean(page, 'tracker, en, refused');

  await openNotifications(page, lang);
  assert.equal(
    (await page.locator('main .notes__item a').first().innerText()).trim(),
    fmt(lang, 'notify_item', { reference, what: msg(lang, T.refuse[0]) }),
    'the refusal is the newest notification',
  );
  await page.locator('main .notes__item a').first().click();
  await page.waitForURL((u) => u.pathname === `/cabinet/applications/${reference}`);
  await waitStatus(page, lang, 'life_status_refused', 'from the notification to the tracker');
  await expectAxeClean(page, 'tracker, en, from a notification');
});

pageTest('Kazakh, two tabs of the desk: both follow each other, a stale tab cannot overwrite the other, and the demo plays the rest', async ({ page, context }) => {
  const lang = 'kk';
  await context.clock.install({ time: NOW });
  const { reference } = await submitApplication(page, lang, null, 'oskemen-school-lyceum-38');

  await openDesk(page, lang, reference);
  await expectAxeClean(page, 'desk, kk, delivered');
  // Tab B can be made deaf to other tabs' writes (window.__deaf), as a tab that missed them.
  const other = await context.newPage();
  await allowDeafness(other);
  await gotoApp(other, `/staff/applications/${reference}`);
  await waitStatus(other, lang, 'life_status_delivered', 'tab B');

  // Tab A registers: tab B follows without a reload.
  await act(page, lang, 'register', 'life_status_registered', 'tab A, registered');
  await waitStatus(other, lang, 'life_status_registered', 'tab B follows');
  await expectHistory(other, lang, ['accept', 'register'], 'tab B follows');
  // The role and the demo clock are shared too.
  await setRole(other, lang, 'life_role_head');
  await page.waitForFunction((l) => document.querySelector(`input[name=role][value=head]`)?.checked, null);
  await button(other, msg(lang, 'demo_plus_hour')).click();
  const bTime = await appTime(other);
  await waitTime(page, bTime);
  await expectAxeClean(other, 'desk, kk, tab B, head');

  // Tab B stops hearing tab A; tab A assigns. Tab B, still showing
  // "registered", refuses: legal in the new state too, but it was decided
  // on a stale view, so it is refused and nothing is overwritten.
  await setDeaf(other, true);
  await act(page, lang, 'assign', 'life_status_in_progress', 'tab A, assigned');
  await other.waitForTimeout(500);
  assert.equal(await statusTag(other), msg(lang, 'life_status_registered'), 'tab B is stale');
  await radio(other, refusalGround(lang, 'decision-grounds-not-listed')).check();
  await other.locator('#motivation').fill('Ескі көрініс бойынша бас тарту.');
  await button(other, msg(lang, 'staff_refuse_submit')).click();
  await other.getByRole('status').filter({ hasText: msg(lang, 'staff_error_changed') }).waitFor({ timeout: 5_000 });
  let app = await storedApp(page, reference);
  assert.equal(app.lifecycle.state, 'assigned', "tab A's resolution is kept");
  assert.deepEqual(app.lifecycle.events.map((e) => e.transition), ['accept', 'register', 'assign'], 'no refusal was recorded');
  assert.equal(app.lifecycle.rev, 2);
  await waitStatus(other, lang, 'life_status_in_progress', 'tab B now shows the latest state');
  await expectHistory(other, lang, ['accept', 'register', 'assign'], 'tab B, latest');
  await expectAxeClean(other, 'desk, kk, stale action refused');

  // The same with a plain action button: tab A prepares, stale tab B tries too.
  await setRole(page, lang, 'life_role_executor');
  await setDeaf(other, false);
  await reloadApp(other);
  await setRole(other, lang, 'life_role_executor');
  await setDeaf(other, true);
  await act(page, lang, 'prepare', 'life_status_in_progress', 'tab A, prepared');
  await page.waitForFunction(() => document.querySelectorAll('main ol.events > li').length === 4);
  assert.equal(await button(other, msg(lang, T.prepare[0])).count(), 1, 'tab B still offers the preparation');
  await button(other, msg(lang, T.prepare[0])).click();
  await other.getByRole('status').filter({ hasText: msg(lang, 'staff_error_changed') }).waitFor({ timeout: 5_000 });
  app = await storedApp(page, reference);
  assert.deepEqual(app.lifecycle.events.map((e) => e.transition), ['accept', 'register', 'assign', 'prepare'], 'prepared once, not twice');
  await other.close();

  // The demo plays the remaining steps at their target times, up to the
  // month of storage at the State Corporation and the handover to the school.
  await button(page, msg(lang, 'demo_play')).click();
  assert.equal(await button(page, msg(lang, 'demo_stop')).getAttribute('aria-pressed'), 'true');
  await page.getByRole('status').filter({ hasText: msg(lang, 'demo_nothing') }).waitFor({ timeout: 30_000 });
  await button(page, msg(lang, 'demo_play')).waitFor();
  await waitStatus(page, lang, 'life_status_held_by_provider', 'desk after playing');
  await expectHistory(page, lang, ['accept', 'register', 'assign', 'prepare', 'sign', 'deliver', 'hand'], 'desk after playing');
  assert.equal(await button(page, msg(lang, 'demo_reset')).getAttribute('aria-disabled'), 'true', 'the clock cannot go back past recorded events');
  await expectAxeClean(page, 'desk, kk, held by the school');

  // The citizen's tracker: held by the school, and the result can be asked back.
  await openTracker(page, lang, reference);
  await waitStatus(page, lang, 'life_status_held_by_provider', 'tracker, held');
  assert.ok((await main(page).innerText()).includes(msg(lang, 'track_held')));
  await expectAxeClean(page, 'tracker, kk, held');
  await button(page, msg(lang, 'track_request_return')).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'track_returned') }).waitFor({ timeout: 5_000 });
  app = await storedApp(page, reference);
  assert.equal(app.lifecycle.state, 'return-requested');
  assert.equal(app.lifecycle.events.at(-1).actor, 'citizen');
  await reloadApp(page);
  await waitStatus(page, lang, 'life_status_held_by_provider', 'tracker, return requested');
  assert.equal(await button(page, msg(lang, 'track_request_return')).count(), 0, 'asked once');
  assert.ok(
    (await main(page).innerText()).includes(fmt(lang, 'track_return_due', { date: '@@' }).split('@@')[0]),
    'says by when it is brought back',
  );
  await expectAxeClean(page, 'tracker, kk, return requested');
});
