// The main journeys with the keyboard only (issue 14 §5): S2 on the portal
// signed with an SMS code (ru), booking a queue slot (kk), a complaint (kk)
// and the operator's home visit (en), done with Tab, Shift+Tab, Enter, Space, the
// arrow keys and typing into the focused field; nothing is clicked,
// checked or filled. Only each journey's first page is opened by address.
//
// After every step focus must be where a screen-reader user expects it:
// - a navigation inside a bundle, or a screen that replaces the page at the
//   same address (operator mode's PIN screens and visit list): the new
//   page's <h1>;
// - a step that replaces part of the page (the home visit's identity,
//   consent, package and receipt): the new step's heading;
// - a refused submit: the error summary, whose link (Tab, Enter) moves
//   focus to the field;
// - a page load (the journey's first page, signing in, which loads the
//   /cabinet bundle, a link into another bundle such as the cabinet's "new
//   application"): the top of the document, where the first Tab is the
//   skip link.
// Every focus stop on the way, and every focus target, must be on screen
// and show the focus indicator (style/main.css: outline or box-shadow).
//
// Time is Playwright's clock at NOW (lib/time.mjs), as in the booking,
// citizen and operator suites.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, expectH1, waitForBundle, waitForPath, stored } from './lib/app.mjs';
import { registryPerson } from './lib/facts.mjs';
import { focused, tab, describe, pressUntil, waitForFocus, expectFocus } from './lib/keyboard.mjs';
import { msg, fmt, LANGS, escapeRegExp } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { SPECIAL, findPerson } from './lib/flows/signin.mjs';
import { STEP_H1, atSignPage } from './lib/flows/wizard.mjs';
import { smsCode } from './lib/flows/sign.mjs';
import { PIN } from './lib/flows/operator.mjs';

useBrowser();

// ---------------------------------------------------------------- focus checks

/**
 * Tabs (Shift+Tab with `shift`) until `matches(focused)`; every stop on the
 * way, the target included, must be on screen and show a focus indicator.
 */
async function tabTo(page, matches, what, { shift = false, max = 80 } = {}) {
  const hidden = [];
  const f = await pressUntil(
    page,
    shift ? 'Shift+Tab' : 'Tab',
    (g) => {
      if (g.tag !== 'body' && (!g.onScreen || !g.ring)) {
        hidden.push(`${describe(g)}${g.onScreen ? '' : ' is off screen'}${g.ring ? '' : ' shows no focus indicator'}`);
      }
      return matches(g);
    },
    { max, what },
  );
  assert.deepEqual(hidden, [], `every Tab stop up to ${what} is on screen with a focus indicator`);
  return f;
}

const isButton = (text) => (f) => f.tag === 'button' && f.text === text;
const isLink = (text) => (f) => f.tag === 'a' && f.text === text;

/** Tabs to the button or link saying `text` and presses Enter. */
async function activate(page, match, what) {
  await tabTo(page, match, what);
  await page.keyboard.press('Enter');
}

/**
 * Focus is on the element matching `selector` (its text `text`: a string,
 * a RegExp, or null for any), on screen, with a focus indicator.
 */
async function expectFocusOn(page, selector, text, label) {
  const f = await expectFocus(page, selector, `${label}${text ? ` ("${text}")` : ''}`);
  if (typeof text === 'string') assert.equal(f.text, text, `${label}: the focused element's text`);
  if (text instanceof RegExp) assert.match(f.text, text, `${label}: the focused element's text`);
  assert.ok(f.onScreen, `${label}: the focused element is on screen`);
  assert.ok(f.ring, `${label}: the focused element shows a focus indicator`);
  return f;
}

/** A new page in this bundle: its <h1> says `text` and has focus. */
async function expectHeadingFocus(page, text, label) {
  await expectH1(page, text, label);
  return expectFocusOn(page, 'main#main h1', text, `${label}: the new page's heading`);
}

/** A page load: focus at the top, the first Tab is the skip link (shown); Enter on it focuses <main>. */
async function expectPageStart(page, lang, label) {
  const top = await focused(page);
  assert.equal(top.tag, 'body', `${label}: a page load starts at the top of the document, got ${describe(top)}`);
  const skip = await tab(page);
  assert.match(skip.className, /\bskip-link\b/, `${label}: the first Tab is the skip link, got ${describe(skip)}`);
  assert.equal(skip.text, msg(lang, 'shell_skip_link'), `${label}: the skip link in ${lang}`);
  assert.ok(skip.onScreen && skip.ring, `${label}: the focused skip link shows`);
  await page.keyboard.press('Enter');
  const main = await waitForFocus(page, 'main#main');
  assert.equal(main.id, 'main', `${label}: Enter on the skip link focuses <main>`);
}

/** A refused submit: the error summary has focus and lists `messages` as links. */
async function expectSummaryFocus(page, lang, messages, label) {
  const summary = page.locator('.error-summary');
  await summary.first().waitFor();
  await expectFocusOn(page, '.error-summary', null, `${label}: the error summary`);
  assert.equal((await summary.locator('h2').innerText()).trim(), msg(lang, 'common_there_is_a_problem'), `${label}: the summary's title`);
  assert.deepEqual(await summary.locator('a').allInnerTexts(), messages, `${label}: the summary's links`);
}

/** From the focused error summary: Tab reaches its link to `field`, Enter focuses the field. */
async function followSummaryLink(page, field, label) {
  const link = await tab(page);
  assert.equal(link.href, `#${field}`, `${label}: Tab from the summary reaches its link to #${field}, got ${describe(link)}`);
  assert.ok(link.onScreen && link.ring, `${label}: the focused link shows`);
  await page.keyboard.press('Enter');
  return expectFocusOn(page, `#${field}`, null, `${label}: the summary's link moves focus to the field`);
}

/**
 * With focus in a radio group: the arrow keys (which check as they move)
 * until the radio `matches`, or Space when focus is already on it.
 */
async function chooseRadio(page, matches, what) {
  let f = await focused(page);
  assert.equal(f.type, 'radio', `${what}: focus is in a radio group, got ${describe(f)}`);
  if (!matches(f)) f = await pressUntil(page, 'ArrowDown', matches, { max: 40, what });
  if (!f.checked) {
    await page.keyboard.press('Space');
    f = await focused(page);
  }
  assert.ok(f.checked, `${what}: checked from the keyboard`);
  assert.ok(f.onScreen && f.ring, `${what}: the focused radio shows`);
  return f;
}

/** Tabs into the radio group `name`, then chooses the radio that `matches`. */
const tabToRadio = async (page, name, matches, what) => {
  await tabTo(page, (f) => f.type === 'radio' && f.name === name, `the "${name}" radios`);
  return chooseRadio(page, matches, what);
};

/** Tabs to the text field `id` and types `text`. */
async function typeInto(page, id, text) {
  await tabTo(page, (f) => f.id === id, `#${id}`);
  await page.keyboard.type(text);
}

/** Selects the focused field's text and types `text` over it. */
async function retype(page, text) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

// ---------------------------------------------------------------- journeys' parts

/**
 * Switches the language with the header's button (Tab, or Shift+Tab from
 * <main> with `back`, then Enter); focus stays on the button.
 */
async function switchLanguageByKeyboard(page, lang, { back = false } = {}) {
  await tabTo(page, isButton(LANGS[lang].button), `the ${lang} language button`, { shift: back });
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => document.documentElement.lang === c, lang);
  // `<html lang>` changes at once; the app is then rebuilt in the new
  // language and focus put back on the button in the frame after.
  const f = await waitForFocus(page, `.lang-switch button[lang=${lang}]`);
  assert.equal(f.text, LANGS[lang].button, `focus stays on the ${lang} button`);
}

/**
 * The sign-in page (the journey's first page) at the demo's NOW (the clock
 * installed first), its language, the IIN of a plain adult typed and
 * Enter: the cabinet loads (the /cabinet bundle), and the skip link leads
 * into it. Focus is on <main> at the end.
 */
async function signInByKeyboard(page, lang) {
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/signin');
  if (lang !== 'kk') await switchLanguageByKeyboard(page, lang);
  await expectH1(page, msg(lang, 'signin_title'), 'sign-in');
  const person = await findPerson(page, lang, { avoid: SPECIAL });
  await typeInto(page, 'iin', person.iin);
  await page.keyboard.press('Enter');
  await waitForBundle(page, '/cabinet');
  await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet');
  await expectPageStart(page, lang, 'cabinet after signing in');
  return person;
}

/**
 * A cabinet link (the text `linkKey`) followed by the keyboard to a page of
 * the same bundle: its address, and focus on its question (`headingKey`).
 */
async function fromCabinet(page, lang, linkKey, path, headingKey) {
  await activate(page, isLink(msg(lang, linkKey)), `the cabinet's link ${linkKey}`);
  await waitForPath(page, path);
  await expectHeadingFocus(page, msg(lang, headingKey), path);
}

/** A wizard step: the address, and focus on its question (the page's <h1>). */
async function atStep(page, lang, slug) {
  await page.waitForURL(new RegExp(`/apply/S2/[0-9a-f]+/${slug}(\\?.*)?$`));
  await expectHeadingFocus(page, msg(lang, STEP_H1[slug]), `step ${slug}`);
}

/** Continue (Tab to it, Enter). */
const next = (page, lang) => activate(page, isButton(msg(lang, 'common_continue')), 'Continue');

// ================================================================ journeys

pageTest('ru: S2 on the portal with the keyboard — sign in, the wizard (a question left unanswered first), signing with an SMS code, the receipt, the cabinet', async ({ page }) => {
  const lang = 'ru';
  await signInByKeyboard(page, lang);

  // The applying bundle is another page load: it starts at the top.
  await activate(page, isLink(msg(lang, 'cabinet_new_application')), 'the new application link');
  await waitForBundle(page, '/apply/S2');
  await expectH1(page, msg(lang, 'wizard_title'), 'apply start');
  await expectPageStart(page, lang, 'apply start after the cabinet\'s link');
  await activate(page, isButton(msg(lang, 'wizard_start')), 'Start');
  await atStep(page, lang, 'who');

  // Continue with nothing chosen: the summary, its link, then the answer.
  await next(page, lang);
  await expectSummaryFocus(page, lang, [msg(lang, 'wizard_who_error_missing')], 'who, nothing chosen');
  assert.match(page.url(), /\/who$/, 'the error keeps the user on the question');
  await followSummaryLink(page, 'who', 'who');
  await chooseRadio(page, (f) => f.label === msg(lang, 'wizard_who_myself'), 'who: myself');
  await next(page, lang);

  for (const [slug, key] of [['reason', 'wizard_reason_lost'], ['document', 'wizard_document_general']]) {
    await atStep(page, lang, slug);
    await tabToRadio(page, slug, (f) => f.label === msg(lang, key), `${slug}: ${key}`);
    await next(page, lang);
  }

  const school = 'Школа-лицей № 54, Астана';
  await atStep(page, lang, 'school');
  await typeInto(page, 'school', school);
  await next(page, lang); // past the registry's schools: one Tab stop for the group

  // Enter in a text field submits its step.
  await atStep(page, lang, 'year');
  await typeInto(page, 'year', '2012');
  await page.keyboard.press('Enter');

  await atStep(page, lang, 'office');
  await tabToRadio(page, 'office', (f) => f.id === 'office', 'the first office');
  await next(page, lang);

  await atStep(page, lang, 'documents');
  await next(page, lang);

  await atStep(page, lang, 'check');
  // The page shows dates and the app's clock ticks every second: a tick
  // does not rebuild the page and drop the focus on its heading.
  await page.waitForTimeout(1_500);
  await expectFocusOn(page, 'main#main h1', msg(lang, 'wizard_check_title'), 'check, after the clock ticked');
  const values = await page.locator('.summary__value').allTextContents();
  assert.ok(values.includes(school) && values.includes('2012'), 'Check your answers shows what was typed');
  await activate(page, isButton(msg(lang, 'wizard_sign_continue')), 'Continue to signing');

  // Signing with an SMS code: the signing bundle is another page load,
  // so it starts at the top.
  await atSignPage(page, lang);
  await expectPageStart(page, lang, 'sign after "Check your answers"');
  await tabTo(page, (f) => f.type === 'radio', 'the signing methods');
  await chooseRadio(page, (f) => f.label === msg(lang, 'sign_method_otp'), 'SMS signing');
  await activate(page, isButton(msg(lang, 'otp_send')), 'Send the code');
  await page.locator('aside.phone .phone__sms').waitFor();
  // The button that was pressed is gone: focus goes to the field to fill.
  await expectFocusOn(page, '#otp-code', null, 'code sent');
  const code = await smsCode(page);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');

  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  await expectHeadingFocus(page, msg(lang, 'confirm_accepted_title'), 'receipt');
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  assert.equal((await stored(page, 'qujat.apps'))[reference]?.signature.method, 'otp', 'signed with the SMS code');

  await activate(page, isLink(msg(lang, 'confirm_cabinet_link')), 'the cabinet link');
  await waitForBundle(page, '/cabinet');
  await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet after submitting');
  await expectPageStart(page, lang, 'cabinet after submitting');
  await page.locator('main table tbody tr', { hasText: reference }).waitFor();
});

pageTest('kk: booking a queue slot with the keyboard — from the cabinet, booking with nothing chosen first, S3 hand-in by the arrow keys, the ticket', async ({ page }) => {
  const lang = 'kk';
  await signInByKeyboard(page, lang);

  await fromCabinet(page, lang, 'cabinet_book_link', '/cabinet/book', 'book_title');

  // Booking with nothing chosen: the summary, its link to the first question.
  const submit = isButton(msg(lang, 'book_submit'));
  await activate(page, submit, 'Book this time');
  await expectSummaryFocus(page, lang, [msg(lang, 'book_error_what')], 'booking, nothing chosen');
  await followSummaryLink(page, 'what', 'booking');

  // S3 hand-in, the college in Almaty, an office in the same settlement,
  // the second open day, its first free time (as booking.test.mjs).
  await chooseRadio(page, (f) => f.value === 'S3-hand-in', 'what: S3 hand-in');
  await tabToRadio(page, 'provider', (f) => f.value === 'almaty-college-service', 'the college');
  await tabToRadio(page, 'office', (f) => f.value === 'almaty-medeu', 'the office');
  await page.locator('main input[name=date]').nth(1).waitFor();
  const day = await page.locator('main input[name=date]').nth(1).getAttribute('value');
  await tabToRadio(page, 'date', (f) => f.value === day, 'the second open day');
  await tabToRadio(page, 'time', () => true, 'the first free time');
  const expected = /\d{2}\.\d{2}\.\d{4}/.exec(await page.locator('main p.expected').innerText())?.[0];
  assert.ok(expected, 'the result date to expect is shown');

  await activate(page, submit, 'Book this time');
  await page.waitForURL(/\/cabinet\/tickets\//);
  await expectHeadingFocus(page, msg(lang, 'ticket_title'), 'the ticket');
  assert.match((await page.locator('main .panel__ref').innerText()).trim(), /^Q-\d{8}-\d{4}$/, 'a ticket number');
  assert.equal(
    (await page.locator('main .deadline').innerText()).trim(),
    fmt(lang, 'book_expected', { date: expected }),
    'the ticket promises the date the form showed',
  );
  const tickets = await page.evaluate(() => JSON.parse(localStorage.getItem('qujat.tickets')).data.tickets);
  assert.equal(tickets.length, 1, 'one booking');
  assert.deepEqual([tickets[0].office, tickets[0].slot.date], ['almaty-medeu', day], 'at the office and on the day chosen with the arrow keys');
});

// The seeded S3 visit (src/engine/visit.rs REQUESTS; operator.test.mjs).
const S3 = registryPerson('690228302494');

pageTest('kk: a complaint with the keyboard — one question per page (the service left unanswered first), Check your answers and a Change link, signing with an SMS code, the confirmation', async ({ page }) => {
  const lang = 'kk';
  await signInByKeyboard(page, lang);

  await fromCabinet(page, lang, 'complaint_cabinet_new', '/cabinet/complaint/about', 'complaint_form_about_question');
  await next(page, lang);
  await expectSummaryFocus(page, lang, [msg(lang, 'complaint_error_service')], 'complaint, no service');
  await followSummaryLink(page, 'service', 'complaint: service');
  await chooseRadio(page, (f) => f.value === 'S2', 'the service: S2');
  await next(page, lang);

  for (const [slug, name, key] of [
    ['addressee', 'addressee', 'complaint_addressee_provider_head'],
    ['subject', 'subject', 'complaint_subject_inaction'],
  ]) {
    await waitForPath(page, `/cabinet/complaint/${slug}`);
    await expectHeadingFocus(page, msg(lang, `complaint_form_${slug}_question`), `complaint: ${slug}`);
    await tabToRadio(page, name, (f) => f.label === msg(lang, key), `${slug}: ${key}`);
    await next(page, lang);
  }
  await waitForPath(page, '/cabinet/complaint/text');
  await expectHeadingFocus(page, msg(lang, 'complaint_form_text_question'), 'complaint: text');
  await typeInto(page, 'text', 'Өтінішке жауап жоқ.');
  await next(page, lang);
  await waitForPath(page, '/cabinet/complaint/contact');
  await expectHeadingFocus(page, msg(lang, 'complaint_form_you_heading'), 'complaint: contact');
  await next(page, lang);

  // Check your answers; a Change link there and back.
  await waitForPath(page, '/cabinet/complaint/sign');
  await expectHeadingFocus(page, msg(lang, 'complaint_sign_title'), 'complaint: check and sign');
  await activate(page, (f) => f.tag === 'a' && f.href === '/cabinet/complaint/text?change=1', 'Change the text');
  await waitForPath(page, '/cabinet/complaint/text');
  await expectHeadingFocus(page, msg(lang, 'complaint_form_text_question'), 'complaint: changing the text');
  await tabTo(page, (f) => f.id === 'text', '#text');
  await retype(page, 'Өтінішке 15 жұмыс күнінде жауап берілмеді.');
  await next(page, lang);
  await waitForPath(page, '/cabinet/complaint/sign');
  await expectHeadingFocus(page, msg(lang, 'complaint_sign_title'), 'complaint: back to checking');
  assert.ok((await page.locator('.complaint-summary').innerText()).includes('15 жұмыс күнінде'), 'the changed text');

  await tabTo(page, (f) => f.type === 'radio', 'the signing methods');
  await chooseRadio(page, (f) => f.label === msg(lang, 'sign_method_otp'), 'SMS signing');
  await activate(page, isButton(msg(lang, 'otp_send')), 'Send the code');
  await page.locator('aside.phone .phone__sms').waitFor();
  await expectFocusOn(page, '#otp-code', null, 'complaint: code sent');
  await page.keyboard.type(await smsCode(page));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/cabinet\/complaint\/filed\//, { timeout: 60_000 });
  await expectHeadingFocus(page, msg(lang, 'complaint_filed_title'), 'complaint filed');
});

pageTest('en: the operator\'s home visit with the keyboard — PIN (a mismatch first), the visit from the list, identity, consent by SMS code (a wrong code first), the package, the receipt, back to the list, Lock now and unlock', async ({ page }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/corporation/operator');
  await expectPageStart(page, 'kk', 'operator mode');
  await switchLanguageByKeyboard(page, lang, { back: true });
  await expectH1(page, msg(lang, 'operator_setup_title'), 'PIN set-up');

  // Two PINs that differ: the summary, its link to the second field.
  await typeInto(page, 'pin', PIN);
  await typeInto(page, 'pin-confirm', '246811');
  await page.keyboard.press('Enter');
  await expectSummaryFocus(page, lang, [msg(lang, 'operator_pin_mismatch')], 'PIN mismatch');
  await followSummaryLink(page, 'pin-confirm', 'PIN mismatch');
  await retype(page, PIN);
  await page.keyboard.press('Enter');
  // The visit list replaces the PIN form at the same address.
  await expectHeadingFocus(page, msg(lang, 'operator_visits_title'), 'visit list after the PIN');

  const name = `${S3.en.surname} ${S3.en.given}`;
  await activate(page, (f) => f.tag === 'a' && f.text.startsWith(name), `the visit of ${name}`);
  await page.waitForURL(/\/corporation\/operator\/visits\//);
  const title = new RegExp(`^${escapeRegExp(fmt(lang, 'operator_visit_title', { name }))}`);
  await expectFocusOn(page, 'main#main h1', title, 'the visit: its heading');

  // Each step replaces the one before: focus goes to the new step's heading.
  await activate(page, isButton(msg(lang, 'operator_identity_confirmed')), 'Identity confirmed');
  await expectFocusOn(page, '#step-heading', msg(lang, 'operator_consent_heading'), 'consent step');

  await activate(page, isButton(msg(lang, 'operator_send_code')), 'Send the code');
  const sms = page.locator('.phone--inline .phone__sms');
  await sms.waitFor();
  await expectFocusOn(page, 'button', msg(lang, 'operator_send_code'), 'code sent: focus stays on the button');
  const code = /(\d{3}) (\d{3})/.exec(await sms.innerText());
  assert.ok(code, 'the simulated phone shows a code');
  const right = code[1] + code[2];
  await typeInto(page, 'consent-code', right === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await expectSummaryFocus(page, lang, [fmt(lang, 'otp_error_otp_wrong_code', { tries: 2 })], 'wrong consent code');
  await followSummaryLink(page, 'consent-code', 'wrong consent code');
  await retype(page, right);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, '#step-heading', msg(lang, 'operator_package_heading'), 'package step');

  // Every document ticked with Space.
  const boxes = await page.locator('main input[type=checkbox]').count();
  assert.ok(boxes >= 2, 'S3 lists its documents');
  for (let i = 0; i < boxes; i++) {
    await tabTo(page, (f) => f.type === 'checkbox' && !f.checked, `document ${i + 1}`);
    await page.keyboard.press('Space');
    assert.ok((await focused(page)).checked, `document ${i + 1} ticked with Space`);
  }
  assert.equal(await page.locator('main input[type=checkbox]:checked').count(), boxes, 'the whole package');
  await activate(page, isButton(msg(lang, 'operator_issue_receipt')), 'Issue the receipt');
  await expectFocusOn(page, '#receipt-heading', msg(lang, 'operator_acceptance_title'), 'the receipt');
  await page.getByText(msg(lang, 'operator_to_deliver_note')).waitFor();

  await activate(page, isLink(msg(lang, 'operator_back_to_list')), 'Back to the visit list');
  await waitForPath(page, '/corporation/operator');
  await expectHeadingFocus(page, msg(lang, 'operator_visits_title'), 'back to the list');
  await page.getByText(fmt(lang, 'operator_queue_count', { n: 1 })).waitFor();
  await page.getByRole('cell', { name: msg(lang, 'operator_status_to_deliver') }).waitFor();

  // Lock now between visits, and the PIN again: each screen's heading.
  await activate(page, isButton(msg(lang, 'operator_lock')), 'Lock now');
  await expectHeadingFocus(page, msg(lang, 'operator_unlock_title'), 'locked');
  await typeInto(page, 'pin', PIN);
  await page.keyboard.press('Enter');
  await expectHeadingFocus(page, msg(lang, 'operator_visits_title'), 'unlocked');
});
