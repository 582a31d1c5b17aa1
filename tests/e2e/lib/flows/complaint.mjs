// Complaints: the citizen's form (/cabinet/complaint, one question per page),
// its checking and signing and the
// confirmation, the tracker's four marks (/cabinet/complaints/<id>), and the
// staff's complaint desk (/staff/complaints) that registers, executes and
// answers.

import { assert } from '../assert.mjs';
import { expectAxeClean } from '../axe.mjs';
import { gotoApp, expectH1, main, radio, button, link, waitForBundle, waitForStatus } from '../app.mjs';
import { msg } from '../texts.mjs';
import { TIME } from '../time.mjs';

/** The heading of each question of the complaint form, by its path's last segment. */
export const QUESTION = {
  about: 'complaint_form_about_question',
  addressee: 'complaint_form_addressee_question',
  subject: 'complaint_form_subject_question',
  text: 'complaint_form_text_question',
  contact: 'complaint_form_you_heading',
};

/** Waits for question `slug` of the complaint form (one question per page). */
export async function atQuestion(page, lang, slug, { axe = false } = {}) {
  await page.waitForURL((u) => u.pathname === `/cabinet/complaint/${slug}`);
  await expectH1(page, msg(lang, QUESTION[slug]), `complaint question ${slug}`);
  if (axe) await expectAxeClean(page, `complaint question ${slug}, ${lang}`);
}

/** Continue on a question page. */
export const next = (page, lang) => button(page, msg(lang, 'common_continue')).click();

/** From the cabinet (no complaint yet) to the complaint form's first question. */
export async function openForm(page, lang) {
  assert.match(await main(page).innerText(), new RegExp(msg(lang, 'complaint_cabinet_none')));
  await link(page, msg(lang, 'complaint_cabinet_new')).click();
  await waitForBundle(page, '/cabinet/complaint/about');
  await atQuestion(page, lang, 'about', { axe: true });
}

/**
 * Answers the questions from `from` on (default: the first, the service)
 * with a valid complaint about S2 to the provider's head, keeping the
 * prefilled details; ends on "Check your answers".
 */
export async function fillForm(page, lang, text, subject = 'complaint_subject_inaction', { from = 'about', addressee = 'complaint_addressee_provider_head' } = {}) {
  const steps = ['about', 'addressee', 'subject', 'text', 'contact'];
  for (const slug of steps.slice(steps.indexOf(from))) {
    await atQuestion(page, lang, slug);
    if (slug === 'about') await page.locator('input[name=service][value=S2]').check();
    if (slug === 'addressee') await radio(page, msg(lang, addressee)).check();
    if (slug === 'subject') await radio(page, msg(lang, subject)).check();
    if (slug === 'text') await page.locator('#text').fill(text);
    await next(page, lang);
  }
  await continueToSign(page, lang);
}

/** Waits for "Check your answers" and signing. */
export async function continueToSign(page, lang) {
  await page.waitForURL((u) => u.pathname === '/cabinet/complaint/sign');
  await expectH1(page, msg(lang, 'complaint_sign_title'), 'sign complaint');
}

/** The confirmation after signing: its heading and the portal number. Returns { id, reference }. */
export async function filed(page, lang) {
  await page.waitForURL(/\/cabinet\/complaint\/filed\/complaint-[0-9a-f]{16}$/, { timeout: 60_000 });
  await expectH1(page, msg(lang, 'complaint_filed_title'), 'complaint filed');
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  assert.match(reference, /^Ж-2026-\d{6}$/, 'the portal number');
  return { id: new URL(page.url()).pathname.split('/').pop(), reference };
}

/** The marks as shown: [[mark, done, time text]]. */
export async function marks(page) {
  return page.locator('.marks__item').evaluateAll((items) =>
    items.map((li) => [li.dataset.mark, li.classList.contains('marks__item--done'), li.querySelector('.marks__time').textContent.trim()]),
  );
}

/** Exactly the four marks; the first `doneCount` done, with their times. */
export async function expectMarks(page, lang, doneCount, label) {
  const got = await marks(page);
  assert.deepEqual(got.map((m) => m[0]), ['delivered', 'registered', 'executed', 'answered'], `${label}: exactly the four marks`);
  for (const [i, [mark, done, time]] of got.entries()) {
    assert.equal(done, i < doneCount, `${label}: ${mark} done?`);
    if (done) assert.match(time, TIME, `${label}: ${mark} has its time`);
    else assert.equal(time, msg(lang, 'complaint_track_not_yet'), `${label}: ${mark} not yet`);
  }
}

/** The citizen's tracker of complaint `id`. */
export async function openTracker(page, lang, id) {
  await gotoApp(page, `/cabinet/complaints/${id}`);
  await expectH1(page, msg(lang, 'complaint_track_title'), 'complaint tracker');
}

// ---------------------------------------------------------------- the complaint desk

/** The status tag on the desk. */
export async function deskStatus(page) {
  return (await page.locator('main p .tag').first().innerText()).trim();
}

/** Waits until the desk's status is `text`. */
export async function waitDeskStatus(page, text) {
  await page.waitForFunction((t) => document.querySelector('main p .tag')?.innerText.trim() === t, text);
}

/** The staff desk: the list (axe-clean), then the complaint `reference`. */
export async function openDesk(page, lang, reference) {
  await gotoApp(page, '/staff/complaints');
  await expectH1(page, msg(lang, 'complaint_desk_title'), 'desk list');
  await expectAxeClean(page, `desk list, ${lang}`);
  await link(page, reference).click();
  await page.waitForURL(/\/staff\/complaints\/complaint-/);
  await page.locator('main .caption').filter({ hasText: reference }).waitFor();
}

export async function register(page, lang, { by = 'Ахметова А. Б.', place = 'Астана, ЦОН № 1' } = {}) {
  await page.locator('#registered-by').fill(by);
  await page.locator('#place').fill(place);
  await button(page, msg(lang, 'complaint_desk_register_button')).click();
  await waitForStatus(page, msg(lang, 'complaint_desk_registered'));
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_registered'));
}

export async function execute(page, lang) {
  await button(page, msg(lang, 'complaint_desk_execute_button')).click();
  await waitForStatus(page, msg(lang, 'complaint_desk_executed'));
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_executed'));
}

export async function answer(page, lang, kindKey, text) {
  await radio(page, msg(lang, kindKey)).check();
  await page.locator('#answer-text').fill(text);
  await button(page, msg(lang, 'complaint_desk_answer_button')).click();
  await waitForStatus(page, msg(lang, 'complaint_desk_answered'));
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_answered'));
}
