// Operator mode (issue 6 §3): a State Corporation employee on a home visit
// with a tablet, in the staff bundle. The PIN lock (set, wrong PIN, lock
// now, locked after a reload), the visit list seeded from the demo
// registry, the citizen's identification, consent by SMS code or by a
// signature drawn on the tablet, the package check against the catalogue,
// the acceptance receipt (Appendix 2 for S1) and the refusal receipt
// (Appendix 4 for S2), the offline queue and sync, and — the point of the
// encryption — no personal data in clear in localStorage. Every page state
// is checked with axe-core (WCAG 2.2 AA), in kk, ru and en.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest, baseURL } from './lib/browser.mjs';
import { gotoApp, reloadApp, expectH1, h1Text, switchLanguage, waitForWorker, link } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { expectFocus } from './lib/keyboard.mjs';
import { registryPerson } from './lib/facts.mjs';
import { msg, fmt, escapeRegExp } from './lib/texts.mjs';
import { NOW, kzClock } from './lib/time.mjs';
import {
  acceptWholePackage,
  openOperatorMode,
  setPin,
  unlock,
  openVisit,
  confirmIdentity,
  consentByOtp,
  consentByNotice,
  issueReceipt,
  tickDocuments,
  receiptNumber,
  expectNoPlaintext,
} from './lib/flows/operator.mjs';
import { signInByIin } from './lib/flows/signin.mjs';
import { waitStatus, setRole, act, openTracker } from './lib/flows/staff.mjs';

useBrowser();

// The seeded visits (src/engine/visit.rs REQUESTS, matched in registry
// order; the engine's unit tests pin the matching rules).
const S2_DAMAGE = registryPerson('850314401018'); // V1: S2, damage -> 3 documents
const S1_LOSS = registryPerson('781123301754'); // V2: S1, loss
const S3 = registryPerson('690228302494'); // V3: S3

pageTest('ru: PIN, unlock, S1 visit where the provider obtains the consent (told, not taken), complete package → acceptance receipt; reload locks; sync', async ({ page }) => {
  const lang = 'ru';
  await gotoApp(page, '/staff');
  await switchLanguage(page, lang);
  await page.getByRole('link', { name: msg(lang, 'operator_start_link') }).click();
  await setPin(page, lang);
  await expectAxeClean(page, `visit list, ${lang}`);
  assert.equal(await page.locator('tbody tr').count(), 5, 'five seeded visits');
  for (const who of [S2_DAMAGE, S1_LOSS, S3]) {
    await page.getByRole('link', { name: new RegExp(`^${who.ru.surname}`) }).waitFor();
  }

  await openVisit(page, lang, S1_LOSS);
  assert.match(await page.locator('main#main .caption').innerText(), /^S1 — /);
  await expectAxeClean(page, `visit, identification, ${lang}`);
  await confirmIdentity(page, lang);
  await expectAxeClean(page, `visit, consent, ${lang}`);
  await consentByNotice(page, lang);
  await expectAxeClean(page, `visit, package, ${lang}`);
  await expectNoPlaintext(page, S1_LOSS, 'after consent');

  // S1 at the State Corporation: the application to the head and the ID.
  assert.equal(await tickDocuments(page, 2), 2, 'S1 lists two documents for the State Corporation');
  const receipt = await issueReceipt(page, lang, 'acceptance');
  const text = await receipt.innerText();
  assert.ok(text.includes(fmt(lang, 'operator_form_standard', { n: 2 })), 'Appendix 2 to the standard');
  assert.ok(text.includes(S1_LOSS.iin), 'the receipt names the citizen');
  assert.ok(text.includes(msg(lang, 'operator_deadline')), 'the deadline');
  assert.equal(await receipt.locator('ul.operator__docs > li').count(), 2, 'both documents accepted');
  assert.match(text, /\d{2}\.\d{2}\.\d{4}/);
  await receipt.getByText(msg('ru', 'common_why_this_date')).click();
  await page.getByText(msg(lang, 'operator_to_deliver_note')).waitFor();
  const fontSize = await receipt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 20, `large type (${fontSize}px)`);
  await expectAxeClean(page, `acceptance receipt, ${lang}`);
  const number = await receiptNumber(page);
  await expectNoPlaintext(page, S1_LOSS, 'after the receipt');

  // A reload (or a flat battery) locks: a wrong PIN loses nothing.
  await reloadApp(page);
  await expectH1(page, msg(lang, 'operator_unlock_title'), 'locked after reload');
  await expectAxeClean(page, `locked, ${lang}`);
  const sealedNow = () => page.evaluate(() => JSON.parse(localStorage.getItem('qujat.operator')).data);
  const before = await sealedNow();
  await unlock(page, lang, '999999');
  await page.locator('.error-summary', { hasText: msg(lang, 'operator_wrong_pin') }).waitFor();
  await expectAxeClean(page, `wrong PIN, ${lang}`);
  const after = await sealedNow();
  assert.deepEqual(after.sealed, before.sealed, 'a wrong PIN changes nothing of the data');
  assert.equal(after.guard.failures, 1, 'it is counted');
  await unlock(page, lang);
  await page.getByRole('heading', { name: msg(lang, 'operator_acceptance_title'), exact: true }).waitFor();
  assert.equal(await receiptNumber(page), number, 'the same receipt after the reload');

  // The queue: one package to deliver; sync while online delivers it.
  await page.getByRole('link', { name: msg(lang, 'operator_back_to_list') }).first().click();
  await expectH1(page, msg(lang, 'operator_visits_title'), 'back to the list');
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 1 })).waitFor();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_to_deliver') }).waitFor();
  await page.getByRole('button', { name: msg(lang, 'operator_sync') }).click();
  await page.getByRole('status').filter({ hasText: fmt(lang, 'operator_synced', { n: 1 }) }).waitFor();
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 0 })).waitFor();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_delivered') }).waitFor();
  await expectAxeClean(page, `list after sync, ${lang}`);

  // Lock now drops the key.
  await page.getByRole('button', { name: msg(lang, 'operator_lock') }).click();
  await expectH1(page, msg(lang, 'operator_unlock_title'), 'locked by the button');
});

pageTest('kk: S3 consent by a drawn signature kept across a reload; S2 visit with no consent step, incomplete package → refusal receipt (Appendix 4)', async ({ page }) => {
  const lang = 'kk';
  await openOperatorMode(page, lang);
  await expectAxeClean(page, `visit list, ${lang}`);
  // S3: the State Corporation employee obtains the consent (F003 L46), and
  // the source does not say how, so a drawn signature is offered.
  await openVisit(page, lang, S3);
  await expectAxeClean(page, `visit, identification, ${lang}`);
  await confirmIdentity(page, lang);
  assert.equal(await page.locator('section[aria-labelledby=step-heading] details.legal-basis').count(), 1, 'the consent step shows its legal basis');

  // An empty box is not a signature.
  await page.getByRole('button', { name: msg(lang, 'operator_accept_signature') }).click();
  await page.locator('.error-message', { hasText: msg(lang, 'operator_no_signature') }).waitFor();
  await expectAxeClean(page, `consent, no signature, ${lang}`);

  const canvas = page.getByRole('img', { name: msg(lang, 'operator_signature_area') });
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 25, box.y + 40 + (i % 2) * 40);
  await page.mouse.up();
  const inked = () =>
    canvas.evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
  assert.ok((await inked()) > 100, 'the stroke is drawn');
  await expectNoPlaintext(page, S3, 'after drawing');

  // The strokes are saved (sealed): after a reload and the PIN they are back.
  await reloadApp(page);
  await unlock(page, lang);
  await page.getByRole('heading', { name: msg(lang, 'operator_consent_heading') }).waitFor();
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas.operator__signature');
    if (!c) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
    return false;
  });
  await page.getByRole('button', { name: msg(lang, 'operator_accept_signature') }).click();
  await page.getByRole('heading', { name: msg(lang, 'operator_package_heading') }).waitFor();
  await expectAxeClean(page, `package, ${lang}`);
  await page.getByRole('link', { name: msg(lang, 'operator_back_to_list') }).first().click();

  // S2 without a digital document: F001 sets no consent step (only the
  // digital-documents consent by code when that document is used, L26).
  await openVisit(page, lang, S2_DAMAGE);
  await confirmIdentity(page, lang, { consent: false });
  assert.equal(await page.getByRole('heading', { name: msg(lang, 'operator_consent_heading') }).count(), 0, 'no consent step for S2 here');
  await expectAxeClean(page, `package, S2, ${lang}`);

  // S2 for a damaged document: application, ID and the original; tick two.
  assert.equal(await tickDocuments(page, 2), 3, 'S2 with damage lists three documents');
  const receipt = await issueReceipt(page, lang, 'refusal');
  const text = await receipt.innerText();
  assert.ok(text.includes(fmt(lang, 'operator_form_rules', { n: 4 })), 'Appendix 4 to the Rules');
  assert.ok(text.includes(msg(lang, 'operator_documents_missing')));
  assert.equal(await receipt.locator('ul.operator__docs > li').count(), 1, 'one missing document');
  assert.ok(!text.includes(msg(lang, 'operator_deadline')), 'no deadline on a refusal');
  await expectAxeClean(page, `refusal receipt, ${lang}`);
  await expectNoPlaintext(page, S2_DAMAGE, 'after the refusal');

  await page.getByRole('link', { name: msg(lang, 'operator_back_to_list') }).first().click();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_refused') }).waitFor();
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 0 })).waitFor();
});

pageTest('en: offline home visit — S3 accepted while offline, "to deliver", sync refused offline, delivered once online', async ({ page, context }) => {
  const swResponse = await fetch(`${baseURL()}/sw.js`).catch(() => null);
  assert.ok(swResponse?.ok, 'the build serves a service worker (build with .ci/build)');
  const lang = 'en';
  await gotoApp(page, '/corporation/operator');
  await switchLanguage(page, lang);
  await waitForWorker(page);
  await setPin(page, lang);

  await context.setOffline(true);
  await page.getByRole('status').filter({ hasText: msg(lang, 'offline_banner') }).waitFor();
  await expectAxeClean(page, `visit list offline, ${lang}`);
  await openVisit(page, lang, S3);
  await confirmIdentity(page, lang);
  await consentByOtp(page, lang);
  assert.ok((await tickDocuments(page)) >= 2, 'S3 lists its documents');
  const receipt = await issueReceipt(page, lang, 'acceptance');
  const number = await receiptNumber(page);
  // S3 names no form for the receipt: none is invented.
  const formPrefix = fmt(lang, 'operator_form_rules', { n: '' }).split('Appendix')[0];
  assert.ok(formPrefix.length > 0 && !(await receipt.innerText()).includes(formPrefix), 'no invented receipt form for S3');
  await page.getByText(msg(lang, 'operator_to_deliver_note')).waitFor();
  await expectAxeClean(page, `acceptance receipt offline, ${lang}`);

  await page.getByRole('link', { name: msg(lang, 'operator_back_to_list') }).first().click();
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 1 })).waitFor();
  await page.getByRole('button', { name: msg(lang, 'operator_sync') }).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'operator_sync_offline') }).waitFor();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_to_deliver') }).waitFor();
  await expectAxeClean(page, `sync refused offline, ${lang}`);

  // Offline, a reload still starts the app (service worker) and keeps the queue.
  await reloadApp(page);
  await unlock(page, lang);
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 1 })).waitFor();

  await context.setOffline(false);
  await page.getByRole('button', { name: msg(lang, 'operator_sync') }).click();
  await page.getByRole('status').filter({ hasText: fmt(lang, 'operator_synced', { n: 1 }) }).waitFor();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_delivered') }).waitFor();
  await page.locator('main#main li', { hasText: /^HV-/ }).filter({ hasText: fmt(lang, 'operator_delivered_at', { time: '' }).trim() }).waitFor();
  await expectAxeClean(page, `delivered, ${lang}`);
  await expectNoPlaintext(page, S3, 'after sync', { delivered: [number] });
});

pageTest('en: operator mode locks itself after 5 minutes without input, not before', async ({ page }) => {
  const lang = 'en';
  // Playwright's clock drives Date.now and the timers, so no test waits 5 minutes.
  await page.clock.install({ time: NOW });
  await openOperatorMode(page, lang);
  await page.clock.fastForward('04:00');
  assert.equal(await h1Text(page), msg(lang, 'operator_visits_title'), 'still open after 4 minutes');
  // Input resets the timer.
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:00');
  assert.equal(await h1Text(page), msg(lang, 'operator_visits_title'), 'still open 4 minutes after the last input');
  await page.clock.fastForward('01:30');
  await expectH1(page, msg(lang, 'operator_unlock_title'), 'locked after 5 minutes without input');
  await expectAxeClean(page, `locked by inactivity, ${lang}`);
  await unlock(page, lang);
  await expectH1(page, msg(lang, 'operator_visits_title'), 'unlocked again');
});

pageTest('en: wrong PINs are counted on the real clock — tries left, then growing waits, and the tenth deletes the data; "Forgot the PIN?" deletes only after its confirmation; an unreadable store is set aside, never a dead end', async ({ page }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  await openOperatorMode(page, lang);
  await page.getByRole('button', { name: msg(lang, 'operator_lock') }).click();
  await expectH1(page, msg(lang, 'operator_unlock_title'), 'locked');
  await page.getByText(fmt(lang, 'operator_pin_wipe_rule', { n: 10 })).waitFor();
  const summary = page.locator('.error-summary');
  const guard = () => page.evaluate(() => JSON.parse(localStorage.getItem('qujat.operator')).data.guard);
  const sealed = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.operator')).data.sealed);

  // Two wrong PINs: tries left, no wait.
  for (const left of [9, 8]) {
    await unlock(page, lang, '583920');
    await summary.filter({ hasText: fmt(lang, 'operator_wrong_pin_left', { n: left }) }).waitFor();
    assert.ok(!(await summary.innerText()).includes(fmt(lang, 'operator_pin_wait', { time: '' }).trim()), `no wait after ${10 - left} wrong PINs`);
  }
  // The third: a 30-second wait, said on screen; even the right PIN waits.
  await unlock(page, lang, '583920');
  await summary.filter({ hasText: fmt(lang, 'operator_wrong_pin_left', { n: 7 }) }).waitFor();
  // The wait ends 30 s after the third wrong PIN; said to the minute, rounded up.
  const until = Date.parse((await guard()).wait_until);
  assert.ok(until - NOW.getTime() >= 30_000 && until - NOW.getTime() < 5 * 60_000, `a 30-second wait from about now (${new Date(until).toISOString()})`);
  const shown = kzClock(until + 59_000);
  assert.match(await summary.innerText(), new RegExp(escapeRegExp(fmt(lang, 'operator_pin_wait', { time: shown }))), `the next try from ${shown}`);
  await expectAxeClean(page, `wrong PIN with a wait, ${lang}`);
  await unlock(page, lang);
  // Answered when the summary holds the wait alone (no "wrong PIN" line).
  await summary.filter({ hasText: fmt(lang, 'operator_wrong_pin_left', { n: 7 }) }).waitFor({ state: 'detached' });
  assert.match(await summary.innerText(), new RegExp(escapeRegExp(fmt(lang, 'operator_pin_wait', { time: shown }))), 'the wait is said again');
  assert.equal(await h1Text(page), msg(lang, 'operator_unlock_title'), 'the right PIN does not open during the wait');
  assert.equal((await guard()).failures, 3, 'a refused try during the wait is not counted');
  await page.clock.fastForward('00:31');
  await unlock(page, lang);
  await expectH1(page, msg(lang, 'operator_visits_title'), 'the right PIN after the wait');
  assert.equal((await guard()).failures, 0, 'the right PIN starts the count again');
  assert.equal((await guard()).wait_until, undefined, 'with no wait');

  // Ten wrong PINs in a row, each after its wait: the data is deleted.
  await page.getByRole('button', { name: msg(lang, 'operator_lock') }).click();
  for (let wrong = 1; wrong <= 10; wrong++) {
    await unlock(page, lang, '583920');
    if (wrong < 10) {
      await summary.filter({ hasText: fmt(lang, 'operator_wrong_pin_left', { n: 10 - wrong }) }).waitFor();
      // 30 s after the third, doubling: up to 32 minutes before the tenth.
      if (wrong >= 3) await page.clock.fastForward(30_000 * 2 ** (wrong - 3) + 1_000);
    }
  }
  await expectH1(page, msg(lang, 'operator_setup_title'), 'the tenth wrong PIN deletes the data');
  await summary.filter({ hasText: msg(lang, 'operator_pin_wiped') }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.operator')), null, 'nothing of operator mode is left');
  await expectAxeClean(page, `data deleted after wrong PINs, ${lang}`);

  // "Forgot the PIN?": Cancel keeps everything; the confirmation deletes.
  await setPin(page, lang);
  await page.getByRole('button', { name: msg(lang, 'operator_lock') }).click();
  const kept = await page.evaluate(() => localStorage.getItem('qujat.operator'));
  await page.getByRole('button', { name: msg(lang, 'operator_forgot') }).click();
  await expectH1(page, msg(lang, 'operator_forgot_title'), 'forgot the PIN: what is lost');
  await expectFocus(page, 'main#main h1', 'forgot the PIN: its heading');
  await page.getByText(msg(lang, 'operator_forgot_body')).waitFor();
  await expectAxeClean(page, `forgot the PIN, ${lang}`);
  await page.getByRole('button', { name: msg(lang, 'common_cancel') }).click();
  await expectH1(page, msg(lang, 'operator_unlock_title'), 'Cancel goes back');
  await expectFocus(page, 'main#main h1', 'Cancel: the unlock heading');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.operator')), kept, 'Cancel deletes nothing');
  await page.getByRole('button', { name: msg(lang, 'operator_forgot') }).click();
  await page.getByRole('button', { name: msg(lang, 'operator_forgot_confirm') }).click();
  await expectH1(page, msg(lang, 'operator_setup_title'), 'deleted: a new PIN can be set');
  await expectFocus(page, 'main#main h1', 'deleted: the set-up heading');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.operator')), null);

  // A store whose sealed blob cannot be opened (an iteration count out of
  // bounds): set aside for support, and a new PIN can be set.
  const broken = JSON.stringify({ v: 2, rev: 4, data: { sealed: { ...sealed, iterations: 0 }, guard: {} } });
  await page.evaluate((b) => localStorage.setItem('qujat.operator', b), broken);
  await reloadApp(page);
  await unlock(page, lang);
  await summary.filter({ hasText: msg(lang, 'operator_pin_set_aside') }).waitFor();
  await expectH1(page, msg(lang, 'operator_setup_title'), 'set aside: a new PIN can be set');
  assert.deepEqual(
    await page.evaluate(() => [localStorage.getItem('qujat.operator'), localStorage.getItem('qujat.quarantine.qujat.operator')]),
    [null, broken],
    'the unreadable store is kept aside, verbatim',
  );
  await expectAxeClean(page, `unreadable store set aside, ${lang}`);
  await setPin(page, lang);
});

pageTest('ru: S1 and S3 packages accepted on home visits become applications: the back office registers them, the citizen follows them in the cabinet', async ({ page }) => {
  const lang = 'ru';
  await openOperatorMode(page, lang);

  // S1: the provider obtains the consent (told); S3: consent by SMS code.
  const numbers = {};
  for (const [who, consent] of [[S1_LOSS, consentByNotice], [S3, consentByOtp]]) {
    await openVisit(page, lang, who);
    numbers[who.iin] = (await acceptWholePackage(page, lang, consent)).number;
    await page.getByRole('link', { name: msg(lang, 'operator_back_to_list') }).first().click();
    await expectH1(page, msg(lang, 'operator_visits_title'), 'back to the list');
  }
  // Before sync nothing has left the tablet.
  await expectNoPlaintext(page, S1_LOSS, 'before sync');
  await page.getByRole('button', { name: msg(lang, 'operator_sync') }).click();
  await page.getByRole('status').filter({ hasText: fmt(lang, 'operator_synced', { n: 2 }) }).waitFor();
  await expectNoPlaintext(page, S1_LOSS, 'after sync', { delivered: [numbers[S1_LOSS.iin]] });
  await expectNoPlaintext(page, S3, 'after sync', { delivered: [numbers[S3.iin]] });
  await expectAxeClean(page, `delivered packages link to the back office, ${lang}`);

  // A second sync files nothing twice.
  await page.getByRole('button', { name: msg(lang, 'operator_sync') }).click();
  await page.getByRole('status').filter({ hasText: fmt(lang, 'operator_synced', { n: 0 }) }).waitFor();
  const apps = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.apps')).data);
  assert.deepEqual(Object.keys(apps).sort(), Object.values(numbers).sort(), 'one application per delivered package');
  for (const [iin, number] of Object.entries(numbers)) {
    assert.equal(apps[number].channel, 'state-corporation', `${number}: handed in at the State Corporation`);
    assert.equal(apps[number].applicant_iin, iin);
    assert.equal(apps[number].signature.method, 'receipt', `${number}: bound to its receipt`);
  }

  // The back office: the S3 package, registered by the clerk.
  await link(page, numbers[S3.iin]).click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/staff/applications/${numbers[S3.iin]}`);
  await waitStatus(page, lang, 'life_status_delivered', 'desk, S3 from a home visit');
  await setRole(page, lang, 'life_role_clerk');
  await act(page, lang, 'register', 'life_status_registered', 'desk, S3 registered');
  await expectAxeClean(page, `desk, S3 from a home visit, ${lang}`);
  await gotoApp(page, '/staff');
  for (const number of Object.values(numbers)) await link(page, number).waitFor();

  // The citizens: each finds their own application, and only theirs.
  for (const [who, service, status] of [
    [S1_LOSS, 'S1', 'life_status_delivered'],
    [S3, 'S3', 'life_status_registered'],
  ]) {
    const number = numbers[who.iin];
    await signInByIin(page, lang, who.iin);
    const row = page.locator('main tbody tr', { hasText: number });
    await row.waitFor();
    assert.equal(await page.locator('main tbody tr', { hasText: /^HV-/ }).count(), 1, `${service}: only the citizen's own`);
    await openTracker(page, lang, number);
    await waitStatus(page, lang, status, `tracker, ${service} from a home visit`);
    await page.getByText(msg(lang, 'common_why_this_date')).first().waitFor();
    await expectAxeClean(page, `tracker, ${service} from a home visit, ${lang}`);
    await gotoApp(page, `/sign/receipt/${number}`);
    await page.getByText(fmt(lang, 'confirm_receipt_signed_receipt', { number })).waitFor();
    await page.getByText(msg(lang, 'confirm_receipt_accepted_by_state_corporation')).waitFor();
    await page.getByText(msg(lang, 'confirm_next_provider')).waitFor();
    await expectAxeClean(page, `record, ${service} from a home visit, ${lang}`);
  }
});
