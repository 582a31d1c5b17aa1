// The State Corporation's counter (issue 13 §2, §3): the same steps as a
// home visit, at an office. S3 booked on the portal, served at the counter
// (the receipt's deadline is the date the booking promised), filed as an
// application and moved by the provider to issuance, which the citizen's
// tracker follows; S3 booked at an office in another settlement (8 working
// days), the college's delivery played on the demo clock by the working day
// before the deadline, then collected; S2 at the counter, an incomplete
// package refused with the Appendix 4 receipt and no application filed; S1
// walked in, 20 calendar days passed unanswered on the demo clock, a
// complaint on the late answer (F000 its own law), then issued late.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, expectH1, button, link, switchLanguage } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { registryPerson } from './lib/facts.mjs';
import { msg, fmt } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { expectFocus } from './lib/keyboard.mjs';
import { signIn } from './lib/flows/signin.mjs';
import { acceptWholePackage, confirmIdentity, consentByNotice, issueReceipt, tickDocuments } from './lib/flows/operator.mjs';
import { waitStatus, toIssuance, openTracker, openDesk, setRole, act, targets, history, openDemoTools, expectHistory, appTime } from './lib/flows/staff.mjs';
import { signInByIin } from './lib/flows/signin.mjs';
import { signWithOtp } from './lib/flows/sign.mjs';
import { atQuestion, fillForm, filed } from './lib/flows/complaint.mjs';

useBrowser();

const OFFICE = 'almaty-medeu';
const pick = (page, name, value) => page.locator(`main input[name=${name}][value="${value}"]`).check();

async function openCounter(page, lang, office = OFFICE) {
  await gotoApp(page, '/corporation/counter');
  await expectH1(page, msg(lang, 'counter_title'), `counter, ${lang}`);
  await pick(page, 'office', office);
}

/** Starts serving the booking `ticket` at the open counter. */
async function startTicket(page, lang, ticket) {
  await page.getByLabel(msg(lang, 'counter_ticket_label')).fill(ticket);
  await button(page, msg(lang, 'counter_start')).click();
}

/**
 * Books an S3 hand-in for the college's citizen at `office`, on the first
 * free day and time; returns the ticket's reference and its promised date.
 */
async function bookHandIn(page, lang, office) {
  await gotoApp(page, '/cabinet/book');
  await pick(page, 'what', 'S3-hand-in');
  await pick(page, 'provider', 'almaty-college-service');
  await pick(page, 'office', office);
  await page.locator('main input[name=date]').first().check();
  await page.locator('main input[name=time]').first().check();
  await button(page, msg(lang, 'book_submit')).click();
  await expectH1(page, msg(lang, 'ticket_title'), 'the ticket');
  const ticket = (await page.locator('main .panel__ref').innerText()).trim();
  const promised = /\d{2}\.\d{2}\.\d{4}/.exec(await page.locator('main .deadline').innerText())[0];
  return { ticket, promised };
}

pageTest('kk: S3 booked on the portal, served at the counter on the promised terms, filed, and tracked to issuance', async ({ page, context }) => {
  const lang = 'kk';
  await context.clock.install({ time: NOW });
  const me = await signIn(page, lang);

  // The booking: S3 hand-in today at the college's settlement's office.
  const { ticket, promised } = await bookHandIn(page, lang, OFFICE);

  // The hall: the booked citizen checks in (once) and is called to a window.
  await gotoApp(page, '/corporation/hall');
  await expectH1(page, msg(lang, 'hall_title'), 'hall');
  await pick(page, 'office', OFFICE);
  await page.getByLabel(msg(lang, 'hall_checkin_label')).fill(ticket);
  await button(page, msg(lang, 'hall_checkin')).click();
  await page.locator('.hall__status', { hasText: fmt(lang, 'hall_taken', { ticket: 'B001' }) }).waitFor();
  await button(page, msg(lang, 'hall_checkin')).click();
  await page.locator('.hall__status', { hasText: fmt(lang, 'hall_checkin_already', { ticket: 'B001' }) }).waitFor();
  await page.getByLabel(msg(lang, 'hall_checkin_label')).fill('Q-20990101-0001');
  await button(page, msg(lang, 'hall_checkin')).click();
  await page.locator('.error-message', { hasText: msg(lang, 'hall_checkin_unknown') }).waitFor();
  await button(page, msg(lang, 'hall_call')).click();
  await page.locator('.hall__status', { hasText: fmt(lang, 'hall_called', { ticket: 'B001', window: 1 }) }).waitFor();
  await expectAxeClean(page, `hall, the booked citizen called, ${lang}`);

  // The counter: a wrong reference is refused with a message.
  await openCounter(page, lang);
  await expectAxeClean(page, `counter, ${lang}`);
  await startTicket(page, lang, 'Q-20990101-0001');
  await page.locator('.error-summary', { hasText: msg(lang, 'counter_error_ticket') }).waitFor();
  await expectAxeClean(page, `counter, unknown booking, ${lang}`);

  // The booked citizen: everything as booked.
  await startTicket(page, lang, ticket);
  await page.locator('.operator__identity', { hasText: me.iin }).waitFor();
  assert.match(await page.locator('main#main .caption').innerText(), /^S3 — /);
  assert.equal(await page.getByRole('button', { name: msg(lang, 'operator_lock') }).count(), 0, 'no PIN lock at a counter');
  await expectAxeClean(page, `counter visit, identification, ${lang}`);
  const { receipt, number } = await acceptWholePackage(page, lang);
  assert.match(number, /^SC-\d{8}-\d{6}-C1$/, 'a counter receipt number');
  const due = /\d{2}\.\d{2}\.\d{4}/.exec(await receipt.locator('p.deadline').innerText())?.[0];
  assert.equal(due, promised, 'the receipt gives the date the booking promised');
  await expectAxeClean(page, `counter, acceptance receipt, ${lang}`);

  // Filed at once: the counter's list, then the back office.
  assert.ok((await receipt.innerText()).includes(fmt(lang, 'counter_accepted_by_value', { office: '' }).split('«')[0]), 'accepted at the office');
  await page.getByRole('link', { name: msg(lang, 'counter_back') }).first().click();
  await expectH1(page, msg(lang, 'counter_title'), 'back to the counter');
  await pick(page, 'office', OFFICE);
  await page.getByRole('link', { name: 'C1', exact: true }).waitFor();
  await gotoApp(page, '/staff');
  await link(page, number).click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/staff/applications/${number}`);
  await waitStatus(page, lang, 'life_status_delivered', 'desk, from the counter');
  await toIssuance(page, lang);
  await expectAxeClean(page, `desk, issued, ${lang}`);

  // The citizen follows it to issuance.
  await openTracker(page, lang, number);
  await waitStatus(page, lang, 'life_status_issued', 'tracker, issued');
  await expectAxeClean(page, `tracker, S3 from the counter, ${lang}`);
});

pageTest('ru: S3 booked at an office in another settlement: 8 working days kept, the college delivers on the demo clock by the working day before, then the result is collected', async ({ page, context }) => {
  const lang = 'ru';
  const other = 'kaskelen-karasai'; // not the college's settlement (Almaty)
  await context.clock.install({ time: NOW });
  await signIn(page, lang);
  const { ticket, promised } = await bookHandIn(page, lang, other);

  await openCounter(page, lang, other);
  await startTicket(page, lang, ticket);
  const { receipt, number } = await acceptWholePackage(page, lang);
  assert.equal(/\d{2}\.\d{2}\.\d{4}/.exec(await receipt.locator('p.deadline').innerText())?.[0], promised, 'the receipt keeps the booked promise');
  const deliverBy = /\d{2}\.\d{2}\.\d{4}/.exec(await receipt.locator('p.receipt__delivery-by').innerText())?.[0];
  assert.ok(deliverBy && deliverBy !== promised, `the receipt gives the provider's delivery date (${deliverBy})`);

  // The tracker: the college's delivery is a target of its own, before the deadline.
  await openTracker(page, lang, number);
  await waitStatus(page, lang, 'life_status_delivered', 'tracker, handed in');
  const day = (t) => t.slice(0, 10);
  const ymd = (t) => t.slice(6, 10) + t.slice(3, 5) + t.slice(0, 2);
  let rows = await targets(page);
  const deadline = rows.find((r) => day(r.due) === promised);
  const delivery = rows.find((r) => ymd(r.due) < ymd(promised));
  assert.equal(day(delivery.due), deliverBy, 'the tracker keeps the receipt\'s delivery date');
  assert.ok(deadline, 'the legal deadline is the promised date');
  assert.ok(delivery, 'the delivery to the State Corporation is due before the deadline');
  await expectAxeClean(page, `tracker, S3 in another settlement, ${lang}`);

  // The demo clock plays the provider's steps; the delivery at its milestone.
  await openDemoTools(page);
  for (let i = 0; i < 5; i++) {
    const before = (await history(page)).length;
    await button(page, msg(lang, 'demo_next_step')).click();
    await page.waitForFunction((n) => document.querySelectorAll('main ol.events > li').length > n, before, { timeout: 10_000 });
  }
  await waitStatus(page, lang, 'life_status_ready', 'tracker, at the State Corporation');
  await expectHistory(page, lang, ['accept', 'register', 'assign', 'prepare', 'sign', 'deliver'], 'tracker, delivered by the college');
  rows = await targets(page);
  const done = rows.find((r) => r.due === delivery.due);
  assert.ok(done && done.done && !done.late, 'the delivery is done, not late');
  assert.ok(ymd(done.done) < ymd(promised), 'the result reached the State Corporation before the deadline day');

  // Collected at the State Corporation.
  await openDesk(page, lang, number);
  await setRole(page, lang, 'life_role_state_corporation');
  await act(page, lang, 'issue', 'life_status_issued', 'issued at the office');
  await openTracker(page, lang, number);
  await waitStatus(page, lang, 'life_status_issued', 'tracker, collected');
  rows = await targets(page);
  assert.ok(rows.every((r) => !r.late), 'nothing late');
  await expectAxeClean(page, `tracker, S3 collected, ${lang}`);
});

pageTest('en: S2 at the counter without a booking, an incomplete package refused with the Appendix 4 receipt, and nothing filed', async ({ page }) => {
  const lang = 'en';
  const who = registryPerson('850314401018');
  await gotoApp(page, '/corporation/counter');
  await switchLanguage(page, lang);
  await expectH1(page, msg(lang, 'counter_title'), 'counter');
  // Nothing chosen: the office first.
  await button(page, msg(lang, 'counter_start')).click();
  await page.locator('.error-summary', { hasText: msg(lang, 'book_error_office') }).waitFor();
  await pick(page, 'office', OFFICE);
  // A wrong IIN, no service: both said.
  await page.getByLabel(msg(lang, 'counter_iin_label')).fill('123');
  await button(page, msg(lang, 'counter_start')).click();
  const summary = page.locator('.error-summary');
  await summary.filter({ hasText: msg(lang, 'counter_error_service') }).waitFor();
  assert.equal(await summary.locator('li').count(), 2, 'the IIN and the service');
  await expectAxeClean(page, `counter, errors, ${lang}`);
  // A booking reference hides those questions: their summary goes too,
  // and comes back when the reference is cleared and the form sent again.
  await page.getByLabel(msg(lang, 'counter_ticket_label')).fill('Q');
  await summary.waitFor({ state: 'detached' });
  await page.getByLabel(msg(lang, 'counter_ticket_label')).fill('');
  await button(page, msg(lang, 'counter_start')).click();
  await summary.filter({ hasText: msg(lang, 'counter_error_service') }).waitFor();
  assert.equal(await summary.locator('li').count(), 2, 'the IIN and the service, again');

  await page.getByLabel(msg(lang, 'counter_iin_label')).fill(who.iin);
  await pick(page, 'service', 'S2');
  // S2 without its reason: said. S3 asks none, so choosing it takes the
  // reason's question away, and the summary that linked to it goes too.
  await button(page, msg(lang, 'counter_start')).click();
  await summary.filter({ hasText: msg(lang, 'counter_error_reason') }).waitFor();
  assert.equal(await summary.locator('li').count(), 1, 'the reason alone');
  await pick(page, 'service', 'S3');
  await summary.waitFor({ state: 'detached' });
  assert.equal(await page.locator('main input[name=reason]').count(), 0, 'S3 asks no reason');
  await expectFocus(page, 'main input[name=service][value="S3"]', 'the service just chosen');
  await pick(page, 'service', 'S2');
  await page.locator('main input[name=reason]').first().waitFor();
  await page.locator('main input[name=reason]').nth(1).check();
  await button(page, msg(lang, 'counter_start')).click();
  await page.locator('.operator__identity', { hasText: who.iin }).waitFor();
  await confirmIdentity(page, lang, { consent: false });
  assert.ok((await tickDocuments(page, (listed) => listed - 1)) >= 2, 'S2 lists its documents');
  const receipt = await issueReceipt(page, lang, 'refusal');
  assert.ok((await receipt.innerText()).includes(fmt(lang, 'operator_form_rules', { n: 4 })), 'Appendix 4 to the Rules');
  await expectAxeClean(page, `counter, refusal receipt, ${lang}`);
  // The refusal is signed by the office: the verify page lists what is missing.
  const code = (await receipt.locator('.receipt__code').textContent()).trim();
  assert.match(code, /^QJ1\./, 'a signed refusal code');
  await gotoApp(page, `/cabinet/verify?code=${code}`);
  const answer = page.locator('.verify__answer');
  await answer.getByRole('heading', { name: msg(lang, 'verify_genuine') }).waitFor();
  assert.ok((await answer.innerText()).includes(msg(lang, 'verify_kind_refusal')), 'a refusal');
  assert.ok((await answer.locator('ul.list > li').count()) >= 1, 'with what was missing');
  await expectAxeClean(page, `verify, ${lang}, counter refusal`);
  await gotoApp(page, '/corporation/counter');
  const apps = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.apps') ?? '{"data":{}}').data);
  assert.deepEqual(Object.keys(apps), [], 'a refused package is no application');
});

pageTest('ru: S1 walk-in at the counter (the provider obtains the consent), 20 calendar days pass unanswered on the demo clock, a complaint on the late answer under the S1 standard itself, then issued late', async ({ page, context }) => {
  const lang = 'ru';
  await context.clock.install({ time: NOW });
  const who = registryPerson('781123301754');
  await gotoApp(page, '/corporation/counter');
  await switchLanguage(page, lang);
  await pick(page, 'office', OFFICE);
  await page.getByLabel(msg(lang, 'counter_iin_label')).fill(who.iin);
  await pick(page, 'service', 'S1');
  await page.locator('main input[name=reason]').first().check();
  await button(page, msg(lang, 'counter_start')).click();
  await page.locator('.operator__identity', { hasText: who.iin }).waitFor();
  const { receipt, number } = await acceptWholePackage(page, lang, consentByNotice);
  const due = /(\d{2})\.(\d{2})\.(\d{4})/.exec(await receipt.locator('p.deadline').innerText());
  const days = (Date.parse(`${due[3]}-${due[2]}-${due[1]}`) - Date.parse('2026-11-24')) / 86_400_000;
  // Day 20 is the date even when it is a day off (RULES.md §5.2: it is not moved).
  assert.equal(days, 20, `S1: 20 calendar days from the hand-in (${due[0]})`);
  await expectAxeClean(page, `counter, S1 accepted, ${lang}`);

  // The citizen: the tracker; the demo clock passes the 20 days with no
  // answer, and the late application offers a complaint under F000 itself.
  await signInByIin(page, lang, who.iin);
  await openTracker(page, lang, number);
  await waitStatus(page, lang, 'life_status_delivered', 'tracker, S1 handed in');
  await openDemoTools(page);
  const alert = page.locator('main .notice[role=alert]');
  for (let i = 0; i < 25 && !(await alert.count()); i++) {
    const was = await appTime(page);
    await button(page, msg(lang, 'demo_plus_day')).click();
    await page.waitForFunction((w) => !document.querySelector('.demo-clock').textContent.includes(w), was);
    await page.waitForTimeout(200);
  }
  const late = await appTime(page);
  assert.ok(late.slice(6, 10) + late.slice(3, 5) + late.slice(0, 2) > due[3] + due[2] + due[1], `overdue only after the deadline (${late})`);
  assert.equal((await alert.locator('p').first().innerText()).trim(), msg(lang, 'track_overdue'));
  await expectAxeClean(page, `tracker, S1 overdue, ${lang}`);
  await alert.getByRole('link', { name: msg(lang, 'track_complain') }).click();
  // The application fixes the service and its number: the addressee comes first.
  await atQuestion(page, lang, 'addressee');
  await page.getByText(msg(lang, 'complaint_form_basis_own')).waitFor();
  const hints = await page.getByRole('main').locator('.choice .hint').allInnerTexts();
  assert.ok(hints.includes(fmt(lang, 'complaint_form_addressee_term', { days: 5 })), 'S1: its own standard\'s 5 working days');
  assert.ok(hints.includes(fmt(lang, 'complaint_form_addressee_term', { days: 15 })), 'S1: 15 working days at quality control');
  assert.equal(await page.getByText(msg(lang, 'complaint_form_basis_analogy')).count(), 0, 'S1: no analogy');
  await expectAxeClean(page, `complaint form, S1, ${lang}`);
  await fillForm(page, lang, 'Прошло 20 календарных дней, дубликата нет.', 'complaint_subject_inaction', { from: 'addressee' });
  await signWithOtp(page, lang);
  const { reference } = await filed(page, lang);
  assert.ok(reference, 'the complaint is filed');
  await expectAxeClean(page, `complaint filed, S1, ${lang}`);

  // The college answers late: issued, and the deadline stays marked late.
  await gotoApp(page, '/staff');
  await link(page, number).click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/staff/applications/${number}`);
  await toIssuance(page, lang);
  await openTracker(page, lang, number);
  await waitStatus(page, lang, 'life_status_issued', 'tracker, S1 issued late');
  assert.ok((await targets(page)).some((r) => r.late), 'the legal deadline is marked late');
});
