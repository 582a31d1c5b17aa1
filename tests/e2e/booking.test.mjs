// Booking the State Corporation's electronic queue on the portal (issue 13
// §1): only where the law gives a booking (S3 handing in, F003 L34; S2
// collecting in East Kazakhstan, F002 L74), elsewhere the plain answer
// with the legal maximum wait; the office's days and free times for the
// service; the result date to expect (S3: 3 working days in the college's
// settlement, 8 elsewhere, C-24) equal to the ticket's; the ticket with its
// checklist, QR and history; moving and cancelling (kept in the cabinet);
// and two tabs taking the last place of a slot: one wins, the other is told.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, expectH1, button } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { msg, fmt } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { signIn } from './lib/flows/signin.mjs';

useBrowser();

const COLLEGE = 'almaty-college-service'; // Almaty
const OTHER = 'kaskelen-karasai'; // another settlement, one window
const SAME = 'almaty-medeu'; // the college's settlement

const pick = (page, name, value) => page.locator(`main input[name=${name}][value="${value}"]`).check();
const expected = async (page) => /\d{2}\.\d{2}\.\d{4}/.exec(await page.locator('main p.expected').innerText())?.[0];

/** The booking form up to the time question: S3 hand-in, the college, `office`, the `n`-th open day. */
async function upToTime(page, lang, office, n = 1) {
  await gotoApp(page, '/cabinet/book');
  await expectH1(page, msg(lang, 'book_title'), `booking form, ${lang}`);
  await pick(page, 'what', 'S3-hand-in');
  await pick(page, 'provider', COLLEGE);
  await pick(page, 'office', office);
  const days = page.locator('main input[name=date]');
  await days.first().waitFor();
  await days.nth(n).check();
  await page.locator('main input[name=time]').first().waitFor();
}

pageTest('kk: S1 has no booking (the legal wait instead); S3 booked at an office in another settlement, 8 working days, moved, cancelled and kept', async ({ page, context }) => {
  const lang = 'kk';
  await context.clock.install({ time: NOW });
  await signIn(page, lang);
  await gotoApp(page, '/cabinet/book');
  await expectH1(page, msg(lang, 'book_title'), 'booking form');
  await expectAxeClean(page, `booking form, ${lang}`);

  // Nothing chosen: the error summary takes focus and links to the question.
  await button(page, msg(lang, 'book_submit')).click();
  await page.locator('.error-summary', { hasText: msg(lang, 'book_error_what') }).waitFor();
  await expectAxeClean(page, `booking form, nothing chosen, ${lang}`);

  // S1: the seeds give no booking; the answer says so with the legal 15 minutes.
  await pick(page, 'what', 'S1-hand-in');
  await page.getByRole('heading', { name: msg(lang, 'book_no_booking_heading') }).waitFor();
  await page.getByText(fmt(lang, 'book_max_wait', { minutes: 15 })).waitFor();
  assert.equal(await page.locator('main input[name=office]').count(), 0, 'no office to choose: nothing to book');
  assert.equal(await button(page, msg(lang, 'book_submit')).count(), 0, 'no booking button');
  await expectAxeClean(page, `no booking for S1, ${lang}`);

  // S3 asks for the college first: with none chosen, the summary names only
  // that question (the offices are not asked yet), and its link has a field.
  await pick(page, 'what', 'S3-hand-in');
  await button(page, msg(lang, 'book_submit')).click();
  const summary = page.locator('.error-summary', { hasText: msg(lang, 'book_error_provider') });
  await summary.waitFor();
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#provider'], 'one error, about the question on the page');
  assert.equal(await page.locator('main #provider').count(), 1, 'the link lands on a field');

  // S3 in the college's settlement, then elsewhere: 3 against 8 working days.
  await upToTime(page, lang, SAME);
  await page.locator('main input[name=time]').first().check();
  const sameDue = await expected(page);
  await pick(page, 'office', OTHER);
  await page.locator('main input[name=date]').nth(1).check();
  await page.locator('main input[name=time]').first().check();
  const otherDue = await expected(page);
  assert.ok(sameDue && otherDue, `the result date to expect is shown (${sameDue}, ${otherDue})`);
  const asDate = (t) => t.split('.').reverse().join('-');
  assert.ok(asDate(otherDue) > asDate(sameDue), `8 working days elsewhere (${otherDue}) is later than 3 in the college's settlement (${sameDue})`);
  await expectAxeClean(page, `booking form, time chosen, ${lang}`);

  await button(page, msg(lang, 'book_submit')).click();
  await expectH1(page, msg(lang, 'ticket_title'), 'the ticket');
  const reference = (await page.locator('main .panel__ref').innerText()).trim();
  assert.match(reference, /^Q-\d{8}-\d{4}$/);
  await page.getByRole('img', { name: fmt(lang, 'ticket_qr_label', { reference }) }).waitFor();
  assert.equal((await page.locator('main .deadline').innerText()).trim(), fmt(lang, 'book_expected', { date: otherDue }), 'the ticket promises the date the form showed');
  assert.ok((await page.locator('main ul.checklist > li').count()) >= 2, 'the personal checklist lists the documents');
  assert.equal(await page.locator('main ul.checklist details.legal-basis').count(), await page.locator('main ul.checklist > li').count(), 'each item with its legal basis');
  await expectAxeClean(page, `ticket, ${lang}`);

  // The cabinet lists it with a reminder.
  await gotoApp(page, '/cabinet');
  await page.getByRole('link', { name: reference, exact: true }).waitFor();
  await page.getByText(msg(lang, 'ticket_status_upcoming'), { exact: true }).waitFor();
  await expectAxeClean(page, `cabinet with a booking, ${lang}`);

  // Move it to a later time the same day.
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('link', { name: msg(lang, 'ticket_move') }).click();
  await expectH1(page, fmt(lang, 'book_move_title', { reference }), 'moving');
  await page.locator('main input[name=date]').nth(1).check();
  await page.locator('main input[name=time]').nth(2).check();
  await expectAxeClean(page, `moving, ${lang}`);
  await button(page, msg(lang, 'book_move_submit')).click();
  await expectH1(page, msg(lang, 'ticket_title'), 'the moved ticket');
  assert.equal(await page.locator('main ol.events > li').count(), 2, 'booked, then moved');

  // Cancel: kept, marked cancelled, no more actions.
  await page.getByRole('button', { name: msg(lang, 'ticket_cancel') }).click();
  await page.getByText(msg(lang, 'ticket_cancelled')).first().waitFor();
  await page.getByText(msg(lang, 'ticket_status_cancelled'), { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: msg(lang, 'ticket_cancel') }).count(), 0, 'a cancelled booking cannot be cancelled again');
  assert.equal(await page.locator('main ol.events > li').count(), 3);
  await expectAxeClean(page, `cancelled ticket, ${lang}`);
  await gotoApp(page, '/cabinet');
  await page.getByRole('link', { name: reference, exact: true }).waitFor();
  await page.getByText(msg(lang, 'ticket_status_cancelled'), { exact: true }).waitFor();
});

pageTest('ru: two tabs take the last place of a slot: one is booked, the other is told and the time is no longer offered', async ({ page, context }) => {
  const lang = 'ru';
  await context.clock.install({ time: NOW });
  await signIn(page, lang);
  const other = await context.newPage();
  // Both tabs at the same office (one window: one place a slot), day and time.
  for (const tab of [page, other]) {
    await upToTime(tab, lang, OTHER);
  }
  const first = await page.locator('main input[name=time]').first().getAttribute('value');
  for (const tab of [page, other]) await tab.locator(`main input[name=time][value="${first}"]`).check();

  await button(page, msg(lang, 'book_submit')).click();
  await expectH1(page, msg(lang, 'ticket_title'), 'the first tab is booked');

  await button(other, msg(lang, 'book_submit')).click();
  const summary = other.locator('.error-summary');
  await summary.waitFor();
  const said = await summary.innerText();
  assert.ok(
    said.includes(msg(lang, 'book_error_full')) || said.includes(msg(lang, 'book_error_stale')),
    `the second tab is told: ${said}`,
  );
  assert.equal(await other.locator(`main input[name=time][value="${first}"]`).count(), 0, 'the full time is no longer offered');
  assert.equal(await other.locator('main .panel__ref').count(), 0, 'no second ticket');
  await expectAxeClean(other, `the second tab told, ${lang}`);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.tickets')).data.tickets);
  assert.equal(stored.length, 1, 'one booking for the one place');
  await other.close();
});
