// Complaints (issue 5, §3; F000 «Порядок обжалования»): a citizen fills in
// the complaint form (errors in an error summary that takes focus and links
// to the fields; the draft survives a reload), signs it with an SMS code or
// an EDS key, and gets a confirmation with the due date and "why this
// date?"; the staff desk registers, executes and answers it; the citizen's
// tracker shows exactly delivered → registered → executed → answered with
// times, an overdue note when the answer is late, and after the answer the
// escalation to the quality-control authority (15 working days) and the
// right to go to court. Two tabs of the desk: one tab's action is never
// silently overwritten by the other's. Russian, English and Kazakh; axe-core
// on every page state.
//
// Time is Playwright's clock, installed at a working-day morning in
// Kazakhstan, so the due dates are known: registered on Tuesday 24.11.2026,
// 5 working days give Tuesday 01.12.2026; an escalation on 02.12.2026 is
// due 15 working days later, 24.12.2026 (16 December, Independence Day, is
// not counted).

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, waitForBundle, expectH1, main, radio, button, link, stored } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { expectErrors } from './lib/forms.mjs';
import { HOSTILE, expectNothingExecuted } from './lib/hostile.mjs';
import { msg, fmt } from './lib/texts.mjs';
import { NOW, TIME } from './lib/time.mjs';
import { signIn } from './lib/flows/signin.mjs';
import { createKeyOk, chooseMethod, signWithOtp } from './lib/flows/sign.mjs';
import { allowDeafness, setDeaf } from './lib/flows/staff.mjs';
import {
  atQuestion,
  next,
  openForm,
  fillForm,
  continueToSign,
  filed,
  marks,
  expectMarks,
  openTracker,
  openDesk,
  deskStatus,
  waitDeskStatus,
  register,
  execute,
  answer,
} from './lib/flows/complaint.mjs';

useBrowser();

const DUE_5 = '01.12.2026';
const DUE_15 = '24.12.2026';

/** The demo people these tests may sign in as: an adult with a phone and a valid ID. */
const COMPLAINANT = { avoid: ['no_phone', 'id_expired', 'minor'] };

/** At NOW, signed in (in `lang`) as a complainant; returns { iin, name }. */
async function signInAtNow(page, lang) {
  await page.clock.install({ time: NOW });
  return signIn(page, lang, COMPLAINANT);
}

/** Signs with an SMS code; lands on the confirmation. Returns { id, reference }. */
async function signComplaintWithOtp(page, lang) {
  await signWithOtp(page, lang);
  return filed(page, lang);
}

// ================================================================ tests

pageTest('Russian, SMS code: one question per page with its own errors, reload, check your answers and Change, filing, the desk, delivered → registered → executed → answered, overdue, escalation', async ({ page }) => {
  const lang = 'ru';
  const person = await signInAtNow(page, lang);
  await openForm(page, lang);
  const caption = async () => (await page.locator('main p.caption').innerText()).trim();
  assert.equal(await caption(), `${msg(lang, 'complaint_form_title')} · ${fmt(lang, 'common_step_of', { n: 1, total: 5 })}`, 'question 1 of 5');

  // The service: required; it opens the addressees the catalogue lists.
  await next(page, lang);
  await expectErrors(page, lang, [['service', msg(lang, 'complaint_error_service')]], 'complaint, ru, no service');
  await page.locator('input[name=service][value=S2]').check();
  await page.locator('#application-ref').fill('S2-'.repeat(40));
  await next(page, lang);
  await expectErrors(page, lang, [['application-ref', fmt(lang, 'complaint_error_application_too_long', { max: 100 })]], 'complaint, ru, number too long');
  await page.locator('#application-ref').fill('');
  await next(page, lang);

  // The addressee, each with its review term.
  await atQuestion(page, lang, 'addressee', { axe: true });
  assert.equal(await caption(), `${msg(lang, 'complaint_form_title')} · ${fmt(lang, 'common_step_of', { n: 2, total: 5 })}`);
  assert.equal(
    await radio(page, msg(lang, 'complaint_addressee_quality_control')).count(),
    1,
    'quality control may be the first addressee (F000 L49; S2 by the C-36 analogy)',
  );
  const hints = await main(page).locator('.choice .hint').allInnerTexts();
  // S2 has no complaint procedure of its own: S1's terms, said to apply by analogy (C-36).
  assert.ok(hints.includes(fmt(lang, 'complaint_form_addressee_term_analogy', { days: 15 })), 'quality control: 15 working days, by analogy');
  assert.ok(hints.includes(fmt(lang, 'complaint_form_addressee_term_analogy', { days: 5 })), 'the provider\'s head: 5 working days, by analogy');
  assert.ok(!hints.some((h) => h === fmt(lang, 'complaint_form_addressee_term', { days: 5 })), 'never as if S2\'s own law said so');
  await next(page, lang);
  await expectErrors(page, lang, [['addressee', msg(lang, 'complaint_error_addressee')]], 'complaint, ru, no addressee');
  await radio(page, msg(lang, 'complaint_addressee_provider_head')).check();
  await next(page, lang);

  await atQuestion(page, lang, 'subject', { axe: true });
  await next(page, lang);
  await expectErrors(page, lang, [['subject', msg(lang, 'complaint_error_subject')]], 'complaint, ru, no subject');
  await radio(page, msg(lang, 'complaint_subject_action')).check();
  await next(page, lang);

  // What happened: required, at most 5000 characters; a reload loses nothing.
  await atQuestion(page, lang, 'text', { axe: true });
  await next(page, lang);
  await expectErrors(page, lang, [['text', msg(lang, 'complaint_error_text_required')]], 'complaint, ru, no text');
  await page.locator('#text').fill('ы'.repeat(5001));
  await next(page, lang);
  await expectErrors(page, lang, [['text', fmt(lang, 'complaint_error_text_too_long', { max: 5000 })]], 'complaint, ru, text too long');
  const text = `Заявление не рассмотрено в срок.\n${HOSTILE}`;
  await page.locator('#text').fill(text);
  await page.waitForFunction((t) => (localStorage.getItem('qujat.complaint-drafts') || '').includes(JSON.stringify(t).slice(1, 30)), text);
  await reloadApp(page);
  await atQuestion(page, lang, 'text');
  assert.equal(await page.locator('#text').inputValue(), text, 'the text survives a reload exactly');
  await next(page, lang);

  // Who writes: filled in from the sign-in; no surname and a wrong phone are refused.
  await atQuestion(page, lang, 'contact', { axe: true });
  assert.ok((await page.locator('#surname').inputValue()).length > 0, 'surname prefilled');
  assert.ok((await page.locator('#given-name').inputValue()).length > 0, 'name prefilled');
  assert.ok((await page.locator('#phone').inputValue()).length > 0, 'phone prefilled');
  await page.locator('#surname').fill('  ');
  const phone = await page.locator('#phone').inputValue();
  await page.locator('#phone').fill('12345');
  await next(page, lang);
  await expectErrors(page, lang, [
    ['surname', msg(lang, 'complaint_error_surname_required')],
    ['phone', msg(lang, 'complaint_error_phone_format')],
  ], 'complaint, ru, bad details');
  await page.locator('#surname').fill('Иванова');
  await page.locator('#phone').fill(phone);
  await next(page, lang);

  // Check your answers: a Change link on each; a change returns here.
  await continueToSign(page, lang);
  const changes = await main(page).locator('.complaint-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(
    changes,
    ['about', 'addressee', 'subject', 'text', 'contact', 'contact', 'contact'].map((q) => `/cabinet/complaint/${q}?change=1`),
    'each answer links to its question',
  );
  await main(page).getByRole('link', { name: `${msg(lang, 'common_change')} ${msg(lang, 'complaint_track_subject')}` }).click();
  await atQuestion(page, lang, 'subject');
  assert.equal(await radio(page, msg(lang, 'complaint_subject_action')).isChecked(), true, 'the answer given');
  await radio(page, msg(lang, 'complaint_subject_inaction')).check();
  await next(page, lang);
  await continueToSign(page, lang);
  assert.ok((await page.locator('.complaint-summary').innerText()).includes('Заявление не рассмотрено в срок.'));
  await expectNothingExecuted(page, 'sign complaint');
  await expectAxeClean(page, 'sign complaint, ru');
  const { id, reference } = await signComplaintWithOtp(page, lang);
  assert.equal(await stored(page, 'qujat.complaint-drafts').then((d) => Object.keys(d || {}).length), 0, 'the draft is gone');
  const c = (await stored(page, 'qujat.complaints'))[id];
  assert.equal(c.draft.text, text, 'stored exactly as typed');
  assert.equal(c.signature.method, 'otp');
  assert.equal(c.signature.signer_iin, person.iin);
  // Before registration: waiting, and the date it would be due if registered today.
  const body = await main(page).innerText();
  assert.ok(body.includes(msg(lang, 'complaint_filed_waiting')));
  assert.ok(body.includes(fmt(lang, 'complaint_filed_due_if_today', { date: DUE_5 })), `due ${DUE_5} if registered today`);
  await page.locator('details.why summary').first().click();
  assert.ok((await page.locator('details.why').first().innerText()).includes(DUE_5), 'why this date? explains it');
  await expectAxeClean(page, 'complaint filed, ru');

  // The tracker (portal): delivered only.
  await link(page, msg(lang, 'complaint_filed_track_link')).click();
  await waitForBundle(page, `/cabinet/complaints/${id}`);
  await expectH1(page, msg(lang, 'complaint_track_title'), 'tracker');
  await expectMarks(page, lang, 1, 'tracker, delivered');
  await expectNothingExecuted(page, 'tracker');
  await expectAxeClean(page, 'complaint tracker, ru, delivered');
  await gotoApp(page, '/cabinet');
  const row = main(page).locator('table.complaints tbody tr').filter({ hasText: reference });
  assert.equal(await row.count(), 1, 'the complaint is in the cabinet');
  assert.equal((await row.locator('.tag').innerText()).trim(), msg(lang, 'complaint_track_mark_delivered'));
  await expectAxeClean(page, 'cabinet with a complaint, ru');

  // The desk registers: its fields are checked first.
  await openDesk(page, lang, reference);
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_delivered'));
  await expectAxeClean(page, 'desk, ru, delivered');
  await page.locator('#incoming-number').fill('');
  await button(page, msg(lang, 'complaint_desk_register_button')).click();
  await expectErrors(page, lang, [
    ['incoming-number', msg(lang, 'complaint_desk_error_incoming_number')],
    ['registered-by', msg(lang, 'complaint_desk_error_registered_by')],
    ['place', msg(lang, 'complaint_desk_error_place')],
  ], 'desk, ru, empty registration');
  await page.locator('#incoming-number').fill('2026/0042');
  await register(page, lang);
  await reloadApp(page);
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_registered'), 'registration survives a reload');
  await expectAxeClean(page, 'desk, ru, registered');

  await openTracker(page, lang, id);
  await expectMarks(page, lang, 2, 'tracker, registered');
  const reg = await page.locator('.registration').innerText();
  for (const v of ['2026/0042', 'Ахметова А. Б.', 'Астана, ЦОН № 1']) assert.ok(reg.includes(v), `the registration stamp shows ${v}`);
  assert.equal((await page.locator('.deadline').innerText()).trim(), fmt(lang, 'complaint_filed_due', { date: DUE_5 }));
  await expectAxeClean(page, 'complaint tracker, ru, registered');
  // The registration is a receipt too: signed by the portal, checked offline.
  const registration = (await page.locator('.receipt__code').textContent()).trim();
  assert.match(registration, /^QJ1\./, 'the registration carries a signed code');
  await gotoApp(page, `/cabinet/verify?code=${registration}`);
  await page.locator('.verify__answer').getByRole('heading', { name: msg(lang, 'verify_genuine') }).waitFor();
  const verified = await page.locator('.verify__answer').innerText();
  for (const v of [msg(lang, 'verify_kind_complaint_registration'), DUE_5]) assert.ok(verified.includes(v), `verified: ${v}`);
  await expectAxeClean(page, 'verify, ru, complaint registration');

  await openDesk(page, lang, reference);
  await execute(page, lang);

  // The answer is late: the tracker says so and offers the complaint path.
  await page.clock.setSystemTime(new Date('2026-12-02T10:00:00+05:00'));
  await openTracker(page, lang, id);
  await expectMarks(page, lang, 3, 'tracker, executed');
  const alert = page.locator('main .notice[role=alert]');
  assert.equal((await alert.locator('p').first().innerText()).trim(), fmt(lang, 'complaint_track_overdue', { date: DUE_5 }));
  assert.equal(await alert.getByRole('link', { name: msg(lang, 'complaint_track_overdue_action') }).count(), 1);
  assert.equal(await link(page, msg(lang, 'complaint_track_escalate')).count(), 0, 'no escalation before the answer');
  await expectAxeClean(page, 'complaint tracker, ru, overdue');

  await openDesk(page, lang, reference);
  await button(page, msg(lang, 'complaint_desk_answer_button')).click();
  await expectErrors(page, lang, [
    ['answer-kind', msg(lang, 'complaint_desk_error_kind')],
    ['answer-text', msg(lang, 'complaint_desk_error_text')],
  ], 'desk, ru, empty answer');
  await answer(page, lang, 'complaint_track_answer_merits', 'Срок нарушен, заявление рассмотрено 01.12.2026.');
  await expectAxeClean(page, 'desk, ru, answered');

  await openTracker(page, lang, id);
  await expectMarks(page, lang, 4, 'tracker, answered');
  assert.ok((await page.locator('.complaint-answer').innerText()).includes('Срок нарушен, заявление рассмотрено 01.12.2026.'));
  assert.equal(await page.locator('main .notice[role=alert]').count(), 0, 'answered: no longer overdue');
  assert.ok((await page.locator('.court').innerText()).includes(msg(lang, 'complaint_track_court')), 'the right to go to court');
  await reloadApp(page);
  await expectMarks(page, lang, 4, 'tracker, answered, after reload');
  await expectAxeClean(page, 'complaint tracker, ru, answered');

  // Escalation: the same person and application, to quality control, 15 days.
  await link(page, msg(lang, 'complaint_track_escalate')).click();
  // The history entry of the link is replaced by the first question.
  await waitForBundle(page, '/cabinet/complaint/subject');
  await atQuestion(page, lang, 'subject');
  assert.equal(
    (await page.locator('main p.caption').innerText()).trim(),
    `${msg(lang, 'complaint_form_escalate_title')} · ${fmt(lang, 'common_step_of', { n: 1, total: 3 })}`,
    'an escalation asks three questions: its service and addressee are fixed',
  );
  assert.ok((await main(page).innerText()).includes(msg(lang, 'complaint_addressee_quality_control')), 'addressed to quality control');
  assert.equal(await radio(page, msg(lang, 'complaint_subject_inaction')).isChecked(), true, 'the subject of the complaint it escalates');
  await expectAxeClean(page, 'escalation form, ru');
  await next(page, lang);
  await atQuestion(page, lang, 'text');
  assert.equal(await page.locator('#text').inputValue(), '', 'a new text');
  await next(page, lang);
  await expectErrors(page, lang, [['text', msg(lang, 'complaint_error_text_required')]], 'escalation, ru, no text');
  await page.locator('#text').fill('Ответ не устраивает.');
  await next(page, lang);
  await atQuestion(page, lang, 'contact');
  await next(page, lang);
  await continueToSign(page, lang);
  assert.deepEqual(
    await main(page).locator('.complaint-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['subject', 'text', 'contact', 'contact', 'contact'].map((q) => `/cabinet/complaint/${q}?change=1`),
    'the fixed service and addressee have no Change link',
  );
  await continueToSign(page, lang);
  const second = await signComplaintWithOtp(page, lang);
  assert.notEqual(second.id, id);
  const body2 = await main(page).innerText();
  assert.ok(body2.includes(msg(lang, 'complaint_addressee_quality_control')));
  assert.ok(body2.includes(fmt(lang, 'complaint_filed_due_if_today', { date: DUE_15 })), `quality control: 15 working days, ${DUE_15}`);
  await expectAxeClean(page, 'escalation filed, ru');
  const all = await stored(page, 'qujat.complaints');
  assert.equal(all[second.id].escalated_from, id);
  assert.equal(all[second.id].draft.addressee, 'quality-control');

  await openTracker(page, lang, id);
  assert.equal(await link(page, msg(lang, 'complaint_track_escalate')).count(), 0, 'escalated once');
  assert.equal(await link(page, fmt(lang, 'complaint_track_escalated', { reference: second.reference })).count(), 1);
  await openTracker(page, lang, second.id);
  assert.equal(await link(page, fmt(lang, 'complaint_track_escalated_from', { reference })).count(), 1);
  await expectMarks(page, lang, 1, 'escalation tracker');
  await expectAxeClean(page, 'escalation tracker, ru');
});

pageTest('English, EDS key: a complaint from an S2 application number, a refusal to consider, the court notice', async ({ page }) => {
  const lang = 'en';
  await signInAtNow(page, lang);
  // As the link from an application's tracker opens it.
  await gotoApp(page, '/cabinet/complaint?app=S2-261120-ABCDEF');
  await atQuestion(page, lang, 'about');
  assert.equal(await page.locator('#application-ref').inputValue(), 'S2-261120-ABCDEF', 'the application number is filled in');
  await expectAxeClean(page, 'complaint form, en, from an application');
  await fillForm(page, lang, 'The office refused to take my papers.', 'complaint_subject_action');
  // A change from "Check your answers" comes back to it.
  await main(page).getByRole('link', { name: `${msg(lang, 'common_change')} ${msg(lang, 'complaint_form_you_heading')}` }).click();
  await atQuestion(page, lang, 'contact');
  await page.locator('#patronymic').fill('');
  await next(page, lang);
  await continueToSign(page, lang);
  await expectAxeClean(page, 'sign complaint, en');
  await chooseMethod(page, lang, 'sign_method_eds');
  await createKeyOk(page, lang, 'complaint key 1');
  await page.locator('#key').waitFor({ timeout: 60_000 });
  await page.locator('#key').check();
  await page.locator('#password').fill('wrong password');
  await button(page, msg(lang, 'sign_sign_button')).click();
  await expectErrors(page, lang, [['password', msg(lang, 'sign_error_sign_wrong_password')]], 'sign complaint, en, wrong password');
  assert.equal(await stored(page, 'qujat.complaints'), null, 'nothing filed with a wrong password');
  await page.locator('#password').fill('complaint key 1');
  await button(page, msg(lang, 'sign_sign_button')).click();
  const { id, reference } = await filed(page, lang);
  const c = (await stored(page, 'qujat.complaints'))[id];
  assert.equal(c.signature.method, 'eds');
  assert.equal(c.draft.application_ref, 'S2-261120-ABCDEF');
  assert.equal(c.draft.patronymic, undefined, 'an empty patronymic is left out');
  assert.ok((await main(page).innerText()).includes(msg(lang, 'complaint_filed_signed_eds')));
  await expectAxeClean(page, 'complaint filed, en');

  await openDesk(page, lang, reference);
  await register(page, lang, { by: 'Smith J.', place: 'Astana, PSC 1' });
  await execute(page, lang);
  await answer(page, lang, 'complaint_track_answer_refusal', 'Filed twice; see the first complaint.');

  await openTracker(page, lang, id);
  await expectMarks(page, lang, 4, 'tracker, en');
  const answered = (await marks(page))[3][2];
  assert.match(answered, TIME);
  assert.ok((await page.locator('.marks').innerText()).includes(msg(lang, 'complaint_track_answer_refusal')), 'a refusal to consider');
  assert.ok((await page.locator('.court').innerText()).includes(msg(lang, 'complaint_track_court')));
  assert.equal(await link(page, msg(lang, 'complaint_track_escalate')).count(), 1, 'a refusal can be escalated too');
  await expectAxeClean(page, 'complaint tracker, en, refused to consider');
});

/** Sets the page's clock to `hhmm` on NOW's day, Kazakhstan time; the app reads it on its next tick. */
async function at(page, hhmm) {
  await page.clock.setFixedTime(new Date(`2026-11-24T${hhmm}:00+05:00`));
  await page.waitForTimeout(1500);
}

/** A delivered complaint written straight into storage (the filing is tested above). */
function seedComplaint(iin) {
  const at = NOW.toISOString();
  const complaint = {
    id: 'complaint-00112233aabbccdd',
    reference: 'Ж-2026-004242',
    draft: {
      service: 'S2',
      addressee: 'provider-head',
      subject: 'inaction',
      text: 'Жауап жоқ.',
      surname: 'Серікова',
      name: 'Айгүл',
      postal_address: 'Астана',
      phone: '+77011234567',
    },
    filed_at: at,
    signature: { method: 'otp', phone: '+77011234567', verified_at: at, digest_hex: '00', signer_iin: iin },
    marks: [{ at, kind: { mark: 'delivered' } }],
    rev: 0,
  };
  return JSON.stringify({ v: 1, rev: 1, data: { [complaint.id]: complaint } });
}

pageTest('Kazakh, two tabs of the desk: both follow each other, and a stale tab cannot overwrite the other', async ({ page, context }) => {
  const lang = 'kk';
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/staff/complaints');
  await page.evaluate((v) => localStorage.setItem('qujat.complaints', v), seedComplaint('900515300018'));
  const id = 'complaint-00112233aabbccdd';
  await gotoApp(page, `/staff/complaints/${id}`);
  await expectH1(page, msg(lang, 'complaint_desk_title'), 'desk, tab A');
  await expectAxeClean(page, 'desk, kk, delivered');

  // Each tab's clock is set before it acts, so that the actions are in order.
  const other = await context.newPage();
  // Lets the test make this tab deaf to other tabs' writes.
  await allowDeafness(other);
  await other.clock.install({ time: NOW });
  await gotoApp(other, `/staff/complaints/${id}`);
  assert.equal(await deskStatus(other), msg(lang, 'complaint_track_mark_delivered'));

  // Tab A registers: tab B follows without a reload.
  await at(page, '10:01');
  await register(page, lang);
  await waitDeskStatus(other, msg(lang, 'complaint_track_mark_registered'));
  await at(other, '10:02');
  await execute(other, lang);
  await waitDeskStatus(page, msg(lang, 'complaint_track_mark_executed'));
  await expectAxeClean(other, 'desk, kk, executed, tab B');

  // Tab B stops hearing about tab A (as a tab that missed the change) and
  // writes an answer while tab A answers first.
  await setDeaf(other, true);
  await at(page, '10:03');
  await answer(page, lang, 'complaint_track_answer_merits', 'Бірінші қойындының жауабы.');
  await at(other, '10:04');
  assert.equal(await deskStatus(other), msg(lang, 'complaint_track_mark_executed'), 'tab B is stale');
  await radio(other, msg(lang, 'complaint_track_answer_refusal')).check();
  await other.locator('#answer-text').fill('Екінші қойындының жауабы.');
  await button(other, msg(lang, 'complaint_desk_answer_button')).click();
  await other.getByRole('status').filter({ hasText: msg(lang, 'complaint_desk_changed') }).waitFor();
  const c = (await stored(page, 'qujat.complaints'))[id];
  assert.equal(c.answer.text, 'Бірінші қойындының жауабы.', "tab A's answer is kept");
  assert.equal(c.answer.kind, 'on-merits');
  assert.equal(c.marks.length, 4, 'one answer, not two');
  assert.equal(c.rev, 3);
  // Tab B now shows the latest state, with the message still on screen.
  assert.equal(await deskStatus(other), msg(lang, 'complaint_track_mark_answered'), 'tab B shows the latest state');
  await expectAxeClean(other, 'desk, kk, stale action refused');
  await reloadApp(other);
  assert.equal(await deskStatus(other), msg(lang, 'complaint_track_mark_answered'));
  await other.close();
});
