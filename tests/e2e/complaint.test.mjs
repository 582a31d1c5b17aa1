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

import {
  assert,
  useBrowser,
  pageTest,
  gotoApp,
  reloadApp,
  waitForApp,
  expectAxeClean,
  switchLanguage,
  h1Text,
  msg,
} from './support.mjs';

useBrowser();

/** Tuesday 24 November 2026, 10:00 in Kazakhstan (UTC+5). */
const NOW = new Date('2026-11-24T10:00:00+05:00');
const DUE_5 = '01.12.2026';
const DUE_15 = '24.12.2026';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold?</b> & "quotes"';

function fmt(lang, key, values = {}) {
  return msg(lang, key).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

const stored = (page, key) =>
  page.evaluate((k) => {
    const raw = localStorage.getItem(k);
    return raw === null ? null : JSON.parse(raw).data;
  }, key);

async function expectH1(page, text, label) {
  await page
    .waitForFunction((t) => document.querySelector('main#main h1')?.innerText.trim() === t, text, { timeout: 10_000 })
    .catch(() => {});
  assert.equal(await h1Text(page), text, `${label}: the h1`);
}

const main = (page) => page.getByRole('main');
const radio = (page, label) => main(page).getByRole('radio', { name: label, exact: true });
const button = (page, label) => main(page).getByRole('button', { name: label, exact: true });
const link = (page, label) => main(page).getByRole('link', { name: label, exact: true });

/** The error summary lists exactly `expected` ([field id, message]), has focus, and each field shows its message. */
async function expectErrors(page, lang, expected, label) {
  const summary = page.locator('.error-summary');
  await summary.first().waitFor({ state: 'visible' });
  await page
    .waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 5_000 })
    .catch(() => {});
  assert.match(
    String(await page.evaluate(() => document.activeElement?.className)),
    /\berror-summary\b/,
    `${label}: the error summary takes focus`,
  );
  assert.equal((await summary.locator('h2').innerText()).trim(), msg(lang, 'common_there_is_a_problem'));
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.innerText.trim()]));
  assert.deepEqual(links, expected.map(([f, t]) => [`#${f}`, t]), `${label}: the summary's links`);
  for (const [field, text] of expected) {
    assert.equal(
      (await page.locator(`#${field}-error`).textContent()).replace(/\s+/g, ' ').trim(),
      `${msg(lang, 'common_error_prefix')} ${text}`,
      `${label}: the inline message of #${field}`,
    );
  }
  await expectAxeClean(page, `${label}: error summary`);
  for (const [field] of expected) {
    await summary.locator(`a[href="#${field}"]`).click();
    await page.waitForFunction((f) => document.activeElement?.id === f, field, { timeout: 5_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.id), field, `${label}: the link focuses #${field}`);
  }
}

async function expectNothingExecuted(page, label) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll('main img[src="x"]').length,
    bold: [...document.querySelectorAll('main b')].filter((b) => b.textContent === 'bold?').length,
  }));
  assert.deepEqual(found, { pwned: null, img: 0, bold: 0 }, `${label}: the complaint text stays text`);
}

/** Signs in (in `lang`) as an adult demo person with a phone; returns { iin, name }. */
async function signIn(page, lang) {
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/signin');
  if (lang !== 'kk') await switchLanguage(page, lang);
  const cards = page.locator('main .card');
  const n = await cards.count();
  const avoid = ['no_phone', 'id_expired', 'minor'].map((k) => msg(lang, `signin_${k}`));
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const parts = (await card.locator('p.small').innerText()).split('·').map((s) => s.trim());
    const iin = /\d{12}/.exec(parts[1] || '')?.[0];
    if (iin && !parts.slice(2).some((p) => avoid.includes(p))) {
      const name = (await card.locator('h3').innerText()).trim();
      await card.getByRole('button', { name: fmt(lang, 'signin_sign_in_as', { name }) }).click();
      await page.waitForURL((u) => u.pathname === '/apply/cabinet');
      await waitForApp(page); // another bundle: a new page load
      await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet');
      return { iin, name };
    }
  }
  assert.fail('no adult demo person with a phone');
}

/** From the cabinet to the complaint form (the apply bundle). */
async function openForm(page, lang) {
  assert.match(await main(page).innerText(), new RegExp(msg(lang, 'complaint_cabinet_none')));
  await link(page, msg(lang, 'complaint_cabinet_new')).click();
  await page.waitForURL((u) => u.pathname === '/apply/complaint');
  await waitForApp(page);
  await expectH1(page, msg(lang, 'complaint_form_title'), 'complaint form');
  await expectAxeClean(page, `complaint form, ${lang}`);
}

/** Fills a valid complaint about S2 to the provider's head. */
async function fillForm(page, lang, text, subject = 'complaint_subject_inaction') {
  await page.locator('input[name=service][value=S2]').check();
  await radio(page, msg(lang, 'complaint_addressee_provider_head')).check();
  await radio(page, msg(lang, subject)).check();
  await page.locator('#text').fill(text);
}

async function continueToSign(page, lang) {
  await button(page, msg(lang, 'complaint_form_continue')).click();
  await page.waitForURL((u) => u.pathname === '/apply/complaint/sign');
  await expectH1(page, msg(lang, 'complaint_sign_title'), 'sign complaint');
}

/** Signs with an SMS code from the simulated phone; lands on the confirmation. */
async function signWithOtp(page, lang) {
  await radio(page, msg(lang, 'sign_method_otp')).check();
  await button(page, msg(lang, 'otp_send')).click();
  await page.locator('#otp-code').waitFor();
  const sms = await stored(page, 'qujat.sms');
  await page.locator('#otp-code').fill(sms[sms.length - 1].code);
  await button(page, msg(lang, 'otp_confirm')).click();
  return filed(page, lang);
}

async function filed(page, lang) {
  await page.waitForURL(/\/apply\/complaint\/filed\/complaint-[0-9a-f]{16}$/, { timeout: 60_000 });
  await expectH1(page, msg(lang, 'complaint_filed_title'), 'complaint filed');
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  assert.match(reference, /^Ж-2026-\d{6}$/, 'the portal number');
  return { id: new URL(page.url()).pathname.split('/').pop(), reference };
}

/** The marks as shown: [[mark, done, time text]]. */
async function marks(page) {
  return page.locator('.marks__item').evaluateAll((items) =>
    items.map((li) => [li.dataset.mark, li.classList.contains('marks__item--done'), li.querySelector('.marks__time').textContent.trim()]),
  );
}

async function expectMarks(page, lang, doneCount, label) {
  const got = await marks(page);
  assert.deepEqual(got.map((m) => m[0]), ['delivered', 'registered', 'executed', 'answered'], `${label}: exactly the four marks`);
  got.forEach(([mark, done, time], i) => {
    assert.equal(done, i < doneCount, `${label}: ${mark} done?`);
    if (done) assert.match(time, /^\d{2}\.\d{2}\.2026 \d{2}:\d{2}$/, `${label}: ${mark} has its time`);
    else assert.equal(time, msg(lang, 'complaint_track_not_yet'), `${label}: ${mark} not yet`);
  });
}

async function deskStatus(page) {
  return (await page.locator('main p .tag').first().innerText()).trim();
}

/** The staff desk: open the complaint from the list. */
async function openDesk(page, lang, reference) {
  await gotoApp(page, '/staff/complaints');
  await expectH1(page, msg(lang, 'complaint_desk_title'), 'desk list');
  await expectAxeClean(page, `desk list, ${lang}`);
  await main(page).getByRole('link', { name: reference, exact: true }).click();
  await page.waitForURL(/\/staff\/complaints\/complaint-/);
  await page.locator('main .caption').filter({ hasText: reference }).waitFor();
}

async function register(page, lang, { by = 'Ахметова А. Б.', place = 'Астана, ЦОН № 1' } = {}) {
  await page.locator('#registered-by').fill(by);
  await page.locator('#place').fill(place);
  await button(page, msg(lang, 'complaint_desk_register_button')).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'complaint_desk_registered') }).waitFor();
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_registered'));
}

async function execute(page, lang) {
  await button(page, msg(lang, 'complaint_desk_execute_button')).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'complaint_desk_executed') }).waitFor();
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_executed'));
}

async function answer(page, lang, kindKey, text) {
  await radio(page, msg(lang, kindKey)).check();
  await page.locator('#answer-text').fill(text);
  await button(page, msg(lang, 'complaint_desk_answer_button')).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'complaint_desk_answered') }).waitFor();
  assert.equal(await deskStatus(page), msg(lang, 'complaint_track_mark_answered'));
}

async function openTracker(page, lang, id) {
  await gotoApp(page, `/apply/complaints/${id}`);
  await expectH1(page, msg(lang, 'complaint_track_title'), 'complaint tracker');
}

// ================================================================ tests

pageTest('Russian, SMS code: form errors, reload, filing, the desk, delivered → registered → executed → answered, overdue, escalation', async ({ page }) => {
  const lang = 'ru';
  const person = await signIn(page, lang);
  await openForm(page, lang);

  // Nothing chosen: the service, the subject and the text are required;
  // the person's details come from the sign-in.
  assert.ok((await page.locator('#surname').inputValue()).length > 0, 'surname prefilled');
  assert.ok((await page.locator('#given-name').inputValue()).length > 0, 'name prefilled');
  assert.ok((await page.locator('#phone').inputValue()).length > 0, 'phone prefilled');
  await button(page, msg(lang, 'complaint_form_continue')).click();
  await expectErrors(
    page,
    lang,
    [
      ['service', msg(lang, 'complaint_error_service')],
      ['subject', msg(lang, 'complaint_error_subject')],
      ['text', msg(lang, 'complaint_error_text_required')],
    ],
    'complaint form, ru, empty',
  );
  // The service opens the addressees the catalogue lists; a wrong phone,
  // no surname and a text of 5001 characters are refused.
  await page.locator('input[name=service][value=S2]').check();
  assert.equal(await radio(page, msg(lang, 'complaint_addressee_quality_control')).count(), 0, 'quality control only as an escalation');
  await radio(page, msg(lang, 'complaint_subject_action')).check();
  await page.locator('#text').fill('ы'.repeat(5001));
  await page.locator('#surname').fill('  ');
  const phone = await page.locator('#phone').inputValue();
  await page.locator('#phone').fill('12345');
  await button(page, msg(lang, 'complaint_form_continue')).click();
  await expectErrors(
    page,
    lang,
    [
      ['addressee', msg(lang, 'complaint_error_addressee')],
      ['text', fmt(lang, 'complaint_error_text_too_long', { max: 5000 })],
      ['surname', msg(lang, 'complaint_error_surname_required')],
      ['phone', msg(lang, 'complaint_error_phone_format')],
    ],
    'complaint form, ru, bad fields',
  );
  await page.locator('#surname').fill('Иванова');
  await page.locator('#phone').fill(phone);
  const text = `Заявление не рассмотрено в срок.\n${HOSTILE}`;
  await fillForm(page, lang, text);

  // A reload loses nothing.
  await reloadApp(page);
  await expectH1(page, msg(lang, 'complaint_form_title'), 'complaint form after reload');
  assert.equal(await page.locator('#text').inputValue(), text, 'the text survives a reload exactly');
  assert.equal(await page.locator('#surname').inputValue(), 'Иванова');
  assert.equal(await radio(page, msg(lang, 'complaint_addressee_provider_head')).isChecked(), true);
  assert.equal(await radio(page, msg(lang, 'complaint_subject_inaction')).isChecked(), true);
  await expectAxeClean(page, 'complaint form, ru, filled, after reload');

  await continueToSign(page, lang);
  assert.ok((await page.locator('.complaint-summary').innerText()).includes('Заявление не рассмотрено в срок.'));
  await expectNothingExecuted(page, 'sign complaint');
  await expectAxeClean(page, 'sign complaint, ru');
  const { id, reference } = await signWithOtp(page, lang);
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
  await page.waitForURL((u) => u.pathname === `/apply/complaints/${id}`);
  await waitForApp(page);
  await expectH1(page, msg(lang, 'complaint_track_title'), 'tracker');
  await expectMarks(page, lang, 1, 'tracker, delivered');
  await expectNothingExecuted(page, 'tracker');
  await expectAxeClean(page, 'complaint tracker, ru, delivered');
  await gotoApp(page, '/apply/cabinet');
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
  await expectErrors(
    page,
    lang,
    [
      ['incoming-number', msg(lang, 'complaint_desk_error_incoming_number')],
      ['registered-by', msg(lang, 'complaint_desk_error_registered_by')],
      ['place', msg(lang, 'complaint_desk_error_place')],
    ],
    'desk, ru, empty registration',
  );
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
  await expectErrors(
    page,
    lang,
    [
      ['answer-kind', msg(lang, 'complaint_desk_error_kind')],
      ['answer-text', msg(lang, 'complaint_desk_error_text')],
    ],
    'desk, ru, empty answer',
  );
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
  await page.waitForURL((u) => u.pathname === '/apply/complaint' && u.searchParams.get('escalate') === id);
  await waitForApp(page);
  await expectH1(page, msg(lang, 'complaint_form_escalate_title'), 'escalation form');
  assert.ok((await main(page).innerText()).includes(msg(lang, 'complaint_addressee_quality_control')));
  assert.equal(await page.locator('input[name=addressee]').count(), 0, 'the addressee is fixed');
  assert.equal(await page.locator('#text').inputValue(), '', 'a new text');
  await expectAxeClean(page, 'escalation form, ru');
  await button(page, msg(lang, 'complaint_form_continue')).click();
  await expectErrors(page, lang, [['text', msg(lang, 'complaint_error_text_required')]], 'escalation, ru, no text');
  await page.locator('#text').fill('Ответ не устраивает.');
  await continueToSign(page, lang);
  const second = await signWithOtp(page, lang);
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
  await signIn(page, lang);
  // As the link from an application's tracker opens it.
  await gotoApp(page, '/apply/complaint?app=S2-261120-ABCDEF');
  await expectH1(page, msg(lang, 'complaint_form_title'), 'complaint form from an application');
  assert.equal(await page.locator('#application-ref').inputValue(), 'S2-261120-ABCDEF', 'the application number is filled in');
  await expectAxeClean(page, 'complaint form, en, from an application');
  await fillForm(page, lang, 'The office refused to take my papers.', 'complaint_subject_action');
  await page.locator('#patronymic').fill('');
  await continueToSign(page, lang);
  await expectAxeClean(page, 'sign complaint, en');
  await radio(page, msg(lang, 'sign_method_eds')).check();
  const details = page.locator('details.key-tools').filter({ has: page.locator('#new-password') });
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.locator('#new-password').fill('complaint key 1');
  await page.locator('#confirm-password').fill('complaint key 1');
  await radio(page, msg(lang, 'sign_create_validity_year')).check();
  await button(page, msg(lang, 'sign_create_button')).click();
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
  assert.match(answered, /^\d{2}\.\d{2}\.2026 \d{2}:\d{2}$/);
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
  // Lets the test make this tab deaf to other tabs' writes (window.__deaf).
  await other.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, fn, options) {
      if (type !== 'storage') return add.call(this, type, fn, options);
      return add.call(this, type, (e) => window.__deaf || (typeof fn === 'function' ? fn.call(this, e) : fn.handleEvent(e)), options);
    };
  });
  await other.clock.install({ time: NOW });
  await gotoApp(other, `/staff/complaints/${id}`);
  assert.equal(await deskStatus(other), msg(lang, 'complaint_track_mark_delivered'));

  // Tab A registers: tab B follows without a reload.
  await at(page, '10:01');
  await register(page, lang);
  await other.waitForFunction((t) => document.querySelector('main p .tag')?.innerText.trim() === t, msg(lang, 'complaint_track_mark_registered'));
  await at(other, '10:02');
  await execute(other, lang);
  await page.waitForFunction((t) => document.querySelector('main p .tag')?.innerText.trim() === t, msg(lang, 'complaint_track_mark_executed'));
  await expectAxeClean(other, 'desk, kk, executed, tab B');

  // Tab B stops hearing about tab A (as a tab that missed the change) and
  // writes an answer while tab A answers first.
  await other.evaluate(() => {
    window.__deaf = true;
  });
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
