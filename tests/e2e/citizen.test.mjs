// The citizen's portal path for S2 (a duplicate of a school education
// document), issue 4: sign in, the wizard, signing with an EDS key or an SMS
// code, the receipt, the cabinet; a refusal; bad input on every field with
// an error summary that takes focus and links to the fields; hostile text;
// a reload at every step; corrupted or foreign data in storage. Every page
// state is checked with axe-core (WCAG 2.2 AA).
//
// Time is Playwright's clock, installed at a fixed working-day morning in
// Kazakhstan, so ages, expired documents, "no future year" and the SMS
// code's expiry, resend cooldown and lock-out do not depend on the day the
// suite runs, and no test waits for real minutes to pass.
//
// Demo people are chosen on the sign-in page by what it says about them
// (no phone, expired ID, digital document, parent of a minor), never by name.

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, waitForApp, waitForBundle, expectH1, radio, button, choose, stored } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { expectErrors, expectSummaryText, expectLinksResolve } from './lib/forms.mjs';
import { HOSTILE, expectNothingExecuted } from './lib/hostile.mjs';
import { msg, fmt, escapeRegExp } from './lib/texts.mjs';
import { NOW, THIS_YEAR, kzClock } from './lib/time.mjs';
import { SPECIAL, openSignIn, findPerson, signInAs, expectSignedIn, signIn } from './lib/flows/signin.mjs';
import { onlyDraft, startApplication, atStep, submitStep, expectRequired, answerAfterRequired, fillApplication, atSignPage, SIGN_PAGE } from './lib/flows/wizard.mjs';
import { chooseMethod, createKey, createKeyOk, keyCount, smsCode, signWithOtp } from './lib/flows/sign.mjs';

useBrowser();

/** A fresh visit at NOW in `lang`: the sign-in page. */
async function begin(page, lang) {
  await page.clock.install({ time: NOW });
  await openSignIn(page, lang);
}

/** A valid IIN (checksum and all) for a birth date, sex digit and serial, or null. */
function makeIin(yymmdd, centurySex, serial) {
  const d = `${yymmdd}${centurySex}${String(serial).padStart(4, '0')}`.split('').map(Number);
  const sum = (w) => d.reduce((s, x, i) => s + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : d.join('') + c;
}

/** Bad IINs on the sign-in form: each refused with its message in `lang`. */
async function signInErrors(page, lang) {
  const notInRegistry = makeIin('770101', 3, 9876) || makeIin('770101', 3, 9877);
  const cases = [
    ['', 'signin_iin_error_iin_empty'],
    ['12345', 'signin_iin_error_iin_wrong_length'],
    ['8503144010188', 'signin_iin_error_iin_wrong_length'],
    ['85031440101O', 'signin_iin_error_iin_not_digits'],
    ['<script>window.__pwned=1</script>', 'signin_iin_error_iin_not_digits'],
    ['850314901018', 'signin_iin_error_iin_bad_century'],
    ['850230401018', 'signin_iin_error_iin_bad_date'], // 30 February
    ['851314401018', 'signin_iin_error_iin_bad_date'], // month 13
    ['850314401019', 'signin_iin_error_iin_bad_checksum'],
    [notInRegistry, 'signin_not_in_registry'],
  ];
  for (const [i, [typed, key]] of cases.entries()) {
    await page.locator('#iin').fill(typed);
    await page.getByRole('main').getByRole('button', { name: msg(lang, 'signin_submit'), exact: true }).click();
    if (i === 0 || i === cases.length - 1) {
      await expectErrors(page, lang, [['iin', msg(lang, key)]], `sign-in, ${lang}, IIN ${JSON.stringify(typed)}`);
    } else {
      await expectSummaryText(page, msg(lang, key), `sign-in, ${lang}: IIN ${JSON.stringify(typed)} is refused with ${key}`);
    }
    assert.equal(new URL(page.url()).pathname, '/signin', 'a bad IIN does not sign in');
  }
  await expectNothingExecuted(page, 'sign-in');
}

/** The receipt page: accepted or refused, with the reference in the title panel. */
async function expectReceipt(page, lang, { accepted, school, year, signedWith }) {
  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  await expectH1(page, msg(lang, accepted ? 'confirm_accepted_title' : 'confirm_refused_title'), 'receipt');
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  assert.match(reference, /^S2-261124-[2-9A-HJKMNP-Y]{6}$/, 'a readable reference with the local date');
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/sign/receipt/${reference}`);
  assert.equal(
    await page.locator('.qr__image').getAttribute('aria-label'),
    fmt(lang, 'confirm_qr_label', { reference }),
    'the QR code is named for screen readers',
  );
  const rows = Object.fromEntries(
    await page.locator('.receipt .summary__row').evaluateAll((rs) =>
      rs.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent]),
    ),
  );
  assert.equal(rows[msg(lang, 'confirm_reference')], reference);
  assert.equal(rows[msg(lang, 'confirm_receipt_school')], `${school.trim()}, ${year}`, 'the school exactly as typed');
  assert.equal(rows[msg(lang, 'confirm_receipt_signed')], signedWith, 'how it was signed');
  if (accepted) {
    assert.match((await page.locator('.deadline').innerText()).trim(), /^\d{2}\.\d{2}\.2026|^\d{2}\.\d{2}\.2027/, 'a legal deadline');
  } else {
    assert.equal(await page.locator('.deadline').count(), 0, 'a refusal has no deadline');
  }
  await expectNothingExecuted(page, 'receipt');
  await expectAxeClean(page, `receipt, ${lang}, ${accepted ? 'accepted' : 'refused'}`);
  return reference;
}

/** From the receipt to the cabinet (another bundle): the application is listed. */
async function expectInCabinet(page, lang, reference, accepted) {
  await page.getByRole('main').getByRole('link', { name: msg(lang, 'confirm_cabinet_link') }).click();
  await waitForBundle(page, '/cabinet');
  await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet after submitting');
  const row = page.locator('main table tbody tr').filter({ hasText: reference });
  assert.equal(await row.count(), 1, 'the application is in the cabinet');
  assert.equal(
    (await row.locator('.tag').innerText()).trim(),
    msg(lang, accepted ? 'life_status_delivered' : 'life_status_refused_at_acceptance'),
  );
  assert.equal((await page.locator('main').innerText()).includes(msg(lang, 'cabinet_drafts_empty')), true, 'the draft is gone');
  await expectAxeClean(page, `cabinet, ${lang}, with the application`);
}

// ================================================================ tests

pageTest('EDS, in Kazakh: sign-in errors, every field on submit, hostile text, a signed and accepted application', async ({ page }) => {
  const lang = 'kk';
  await begin(page, lang);
  await signInErrors(page, lang);

  // An adult with a valid ID and no family or digital document: the plain path.
  const person = await findPerson(page, lang, { avoid: SPECIAL });
  // Typing the IIN (with spaces, as printed on an ID card) signs in too.
  await page.locator('#iin').fill(person.iin.replace(/^(\d{6})(\d{6})$/, '$1 $2'));
  await button(page, msg(lang, 'signin_submit')).click();
  await expectSignedIn(page, lang, person);
  assert.match(await page.locator('main').innerText(), new RegExp(msg(lang, 'cabinet_empty')));
  await expectAxeClean(page, 'cabinet, kk, nothing yet');

  await startApplication(page, lang);
  await expectRequired(page, lang, 'who', 'who', 'wizard_who_error_missing');
  // Not a parent: "parent of a minor" is refused with its reason.
  await choose(page, msg(lang, 'wizard_who_parent'));
  await submitStep(page, lang, 'who');
  await expectErrors(page, lang, [['who', msg(lang, 'wizard_who_error_no_children')]], 'who, kk, no children');
  await choose(page, msg(lang, 'wizard_who_myself'));
  await submitStep(page, lang, 'who');

  await answerAfterRequired(page, lang, 'reason', 'wizard_reason_lost');

  await answerAfterRequired(page, lang, 'document', 'wizard_document_general');

  await atStep(page, lang, 'school');
  await expectRequired(page, lang, 'school', 'school', 'wizard_school_error_missing');
  await page.locator('#school').fill('   ');
  await submitStep(page, lang, 'school');
  await expectErrors(page, lang, [['school', msg(lang, 'wizard_school_error_missing')]], 'school, kk, only spaces');
  // 201 characters: one too many.
  await page.locator('#school').fill('Ә'.repeat(201));
  await submitStep(page, lang, 'school');
  await expectErrors(page, lang, [['school', msg(lang, 'wizard_school_error_too_long')]], 'school, kk, 201 characters');
  // 10 000 characters are kept as typed (and refused as too long), also after a reload.
  const huge = `${HOSTILE} ${'ы'.repeat(10_000)}`.slice(0, 10_000);
  await page.locator('#school').fill(huge);
  assert.equal((await page.locator('#school').inputValue()).length, 10_000, 'the field takes 10 000 characters');
  await submitStep(page, lang, 'school');
  await expectErrors(page, lang, [['school', msg(lang, 'wizard_school_error_too_long')]], 'school, kk, 10 000 characters');
  await reloadApp(page);
  await atStep(page, lang, 'school', { axe: false });
  assert.equal(await page.locator('#school').inputValue(), huge, '10 000 characters are stored and shown back as typed');
  assert.equal((await onlyDraft(page)).answers.school, huge, 'stored exactly');
  await expectNothingExecuted(page, 'school, 10 000 characters');
  await expectAxeClean(page, 'school, kk, 10 000 characters after reload');
  // Markup, script tags, emoji and bidi marks are plain text.
  await page.locator('#school').fill(HOSTILE);
  assert.ok([...HOSTILE].length <= 200, 'the hostile text fits the limit');
  await submitStep(page, lang, 'school');

  await atStep(page, lang, 'year');
  await expectRequired(page, lang, 'year', 'year', 'wizard_year_error_missing');
  for (const [typed, key] of [
    ['20x2', 'wizard_year_error_not_a_year'],
    ['02', 'wizard_year_error_not_a_year'],
    ['2012-05-31', 'wizard_year_error_not_a_year'],
    [String(THIS_YEAR + 1), 'wizard_year_error_future_year'],
    ['9999', 'wizard_year_error_future_year'],
    ['1900', 'wizard_year_error_before_birth'],
  ]) {
    await page.locator('#year').fill(typed);
    await submitStep(page, lang, 'year');
    await expectErrors(page, lang, [['year', msg(lang, key)]], `year, kk, ${typed}`);
  }
  await page.locator('#year').fill(' 2012 ');
  await submitStep(page, lang, 'year');

  await atStep(page, lang, 'office');
  await expectRequired(page, lang, 'office', 'office', 'wizard_office_error_missing');
  await page.locator('#office').check();
  await submitStep(page, lang, 'office');

  // Loss: no original to hand in, so nothing to answer here.
  await atStep(page, lang, 'documents');
  assert.equal(await page.locator('#original').count(), 0, 'no original is asked for a lost document');
  await submitStep(page, lang, 'documents');

  await atStep(page, lang, 'check');
  const values = await page.locator('.summary__value').allTextContents();
  assert.ok(values.includes(HOSTILE), 'Check your answers shows the school name exactly, as text');
  assert.ok(values.includes(' 2012 '), 'the year as typed');
  assert.ok(values.includes(person.iin));
  await expectNothingExecuted(page, 'check your answers');
  await submitStep(page, lang, 'check');

  // Signing.
  await atSignPage(page, lang);
  await expectAxeClean(page, 'sign, kk');
  assert.equal(await radio(page, msg(lang, 'sign_method_otp')).count(), 1, 'with a phone, SMS signing is offered');
  await chooseMethod(page, lang, 'sign_method_eds');
  assert.match(await page.locator('main').innerText(), new RegExp(msg(lang, 'sign_keys_none')));
  await expectAxeClean(page, 'sign, kk, EDS, no keys');

  // Creating a key validates its fields.
  await createKey(page, lang, 'short');
  await expectErrors(page, lang, [['new-password', msg(lang, 'sign_error_password_short')]], 'create key, kk, short password');
  await createKey(page, lang, 'long enough 1', { confirm: 'long enough 2' });
  await expectErrors(page, lang, [['confirm-password', msg(lang, 'sign_error_password_mismatch')]], 'create key, kk, mismatch');
  assert.equal(await keyCount(page), 0, 'no key is made from bad input');

  // An expired certificate is refused.
  await createKeyOk(page, lang, 'expired key pw', { expired: true });
  await expectAxeClean(page, 'sign, kk, one expired key');
  await page.locator('#key').check();
  await page.locator('#password').fill('expired key pw');
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();
  await page.locator('.error-summary').waitFor();
  const expiredText = await page.locator('.error-summary a').innerText();
  assert.match(
    expiredText,
    new RegExp(`^${escapeRegExp(fmt(lang, 'sign_error_sign_certificate_expired', { date: '@@' })).replace('@@', '\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}')}$`),
  );
  await expectErrors(page, lang, [['key', expiredText.trim()]], 'sign, kk, expired certificate');

  // A valid key: no key chosen, empty and wrong passwords are refused.
  await createKeyOk(page, lang, 'correct horse 1');
  const keys = await stored(page, 'qujat.keys');
  const valid = keys.find((k) => new Date(k.certificate.not_after) > NOW);
  assert.ok(valid, 'a valid key was stored');
  assert.equal(valid.certificate.owner_iin, person.iin, "the key is the signed-in person's");
  const validRadio = page.locator(`input[name=key][value="${valid.certificate.serial}"]`);
  await validRadio.check();
  await page.locator('#password').fill('');
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();
  await expectErrors(page, lang, [['password', msg(lang, 'sign_error_sign_empty_password')]], 'sign, kk, empty password');
  await page.locator('#password').fill('wrong horse 1');
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();
  await page.waitForFunction(
    (t) => document.querySelector('.error-summary a')?.innerText.trim() === t,
    msg(lang, 'sign_error_sign_wrong_password'),
    { timeout: 60_000 },
  );
  await expectErrors(page, lang, [['password', msg(lang, 'sign_error_sign_wrong_password')]], 'sign, kk, wrong password');
  await page.locator('#password').fill('correct horse 1');
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();

  const reference = await expectReceipt(page, lang, {
    accepted: true,
    school: HOSTILE,
    year: '2012',
    signedWith: fmt(lang, 'confirm_receipt_signed_eds', { serial: valid.certificate.serial }),
  });
  assert.deepEqual(await stored(page, 'qujat.drafts'), {}, 'the draft is removed once submitted');
  const app = (await stored(page, 'qujat.apps'))[reference];
  assert.equal(app.answers.school, HOSTILE, 'the application stores the school exactly');
  await reloadApp(page);
  await expectH1(page, msg(lang, 'confirm_accepted_title'), 'receipt after reload');
  await expectInCabinet(page, lang, reference, true);
});

pageTest('SMS code, in Russian, a parent for a minor: a wrong code, expiry, the resend cooldown and the lock-out', async ({ page }) => {
  const lang = 'ru';
  await begin(page, lang);
  await signInErrors(page, lang);
  const parent = await findPerson(page, lang, { want: ['parent_of'], avoid: ['no_phone', 'id_expired', 'digital_doc', 'minor'] });
  await signInAs(page, lang, parent);
  await startApplication(page, lang);

  await expectRequired(page, lang, 'who', 'who', 'wizard_who_error_missing');
  await choose(page, msg(lang, 'wizard_who_parent'));
  await submitStep(page, lang, 'who');

  await atStep(page, lang, 'child');
  await expectRequired(page, lang, 'child', 'child', 'wizard_child_error_missing');
  const child = page.locator('input[name=child]').first();
  const childIin = await child.getAttribute('value');
  await child.check();
  await submitStep(page, lang, 'child');

  // S2's reasons are exactly three (F001 §8): S1's "errors in filling in" is not offered.
  await atStep(page, lang, 'reason');
  assert.equal(
    await radio(page, msg(lang, 'wizard_reason_filling_errors')).count(),
    0,
    "S1's reason is not one of S2's",
  );
  assert.equal(await page.locator('input[name=reason]').count(), 3, 'three reasons');
  await answerAfterRequired(page, lang, 'reason', 'wizard_reason_name_changed');

  await answerAfterRequired(page, lang, 'document', 'wizard_document_basic');

  await atStep(page, lang, 'school');
  await expectRequired(page, lang, 'school', 'school', 'wizard_school_error_missing');
  const school = 'Школа-лицей № 54, Астана';
  await page.locator('#school').fill(school);
  await submitStep(page, lang, 'school');

  await atStep(page, lang, 'year');
  await expectRequired(page, lang, 'year', 'year', 'wizard_year_error_missing');
  // The document is the child's: a year before the child was born is refused.
  const childBirthYear = 2000 + Number(childIin.slice(0, 2));
  await page.locator('#year').fill(String(childBirthYear));
  await submitStep(page, lang, 'year');
  await expectErrors(page, lang, [['year', msg(lang, 'wizard_year_error_before_birth')]], 'year, ru, the child was not born');
  await page.locator('#year').fill(String(THIS_YEAR + 1));
  await submitStep(page, lang, 'year');
  await expectErrors(page, lang, [['year', msg(lang, 'wizard_year_error_future_year')]], 'year, ru, next year');
  await page.locator('#year').fill(String(THIS_YEAR));
  await submitStep(page, lang, 'year');

  await atStep(page, lang, 'office');
  await expectRequired(page, lang, 'office', 'office', 'wizard_office_error_missing');
  await page.locator('input[name=office]').nth(2).check();
  await submitStep(page, lang, 'office');

  await atStep(page, lang, 'documents');
  await submitStep(page, lang, 'documents');

  await atStep(page, lang, 'check');
  const summary = await page.locator('.summary__value').allTextContents();
  assert.ok(summary.some((v) => v.includes(childIin)), 'the child is in the summary');
  await submitStep(page, lang, 'check');

  await atSignPage(page, lang);
  await chooseMethod(page, lang, 'sign_method_otp');
  await expectAxeClean(page, 'sign, ru, SMS chosen');

  const sms = async () => (await stored(page, 'qujat.sms')) || [];
  const lastCode = () => smsCode(page);
  const codeField = page.locator('#otp-code');
  const confirm = page.getByRole('button', { name: msg(lang, 'otp_confirm'), exact: true });
  const resend = page.getByRole('button', { name: msg(lang, 'otp_resend'), exact: true });
  const pageNow = () => page.evaluate(() => Date.now());
  const wrong = (code) => code.slice(0, 5) + ((Number(code[5]) + 1) % 10);

  // The first code.
  const t0 = await pageNow();
  await page.getByRole('button', { name: msg(lang, 'otp_send'), exact: true }).click();
  await page.locator('aside.phone').waitFor();
  const c1 = await lastCode();
  assert.equal((await sms()).length, 1);
  const phoneTail = (await sms())[0].phone.replace(/\D/g, '').slice(-2);
  assert.match(await page.locator('main').innerText(), new RegExp(fmt(lang, 'otp_sent_to', { phone: '\\+7 7•• ••• •• ' + phoneTail })));
  assert.match(
    await page.locator('.otp').innerText(),
    new RegExp(fmt(lang, 'otp_expires_at', { time: `(${kzClock(t0 + 300_000)}|${kzClock(t0 + 301_000)})` }).replace('.', '\\.')),
    'the code is valid for 5 minutes',
  );
  assert.equal(await page.locator('aside.phone').getAttribute('aria-labelledby'), 'phone-title');
  await expectAxeClean(page, 'sign, ru, code sent, phone shown');

  // The resend cooldown: 60 s, announced, and a click sends nothing.
  assert.equal(await resend.getAttribute('aria-disabled'), 'true', 'resend is disabled during the cooldown');
  const wait = await page.locator('.otp .hint').filter({ hasText: fmt(lang, 'otp_resend_in', { seconds: 'XX' }).split('XX')[0] }).innerText();
  const secs = Number(/(\d+)/.exec(wait.replace(fmt(lang, 'otp_resend_in', { seconds: 'XX' }).split('XX')[0], ''))?.[1]);
  assert.ok(secs > 50 && secs <= 60, `about 60 s to wait, got "${wait}"`);
  await resend.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
  assert.equal((await sms()).length, 1, 'no SMS during the cooldown');

  // Not a code (uses no try), then a wrong code.
  await codeField.fill('12');
  await confirm.click();
  await expectErrors(page, lang, [['otp-code', msg(lang, 'otp_error_otp_malformed')]], 'otp, ru, not 6 digits');
  await codeField.fill(wrong(c1));
  await confirm.click();
  await expectErrors(page, lang, [['otp-code', fmt(lang, 'otp_error_otp_wrong_code', { tries: 2 })]], 'otp, ru, wrong code');

  // After 60 s the resend is available.
  await page.clock.fastForward(61_000);
  await page.waitForFunction(() => ![...document.querySelectorAll('.otp button')].some((b) => b.getAttribute('aria-disabled')));
  assert.equal(await resend.getAttribute('aria-disabled'), null, 'resend is enabled after 60 s');

  // After 5 minutes the right code has expired.
  await page.clock.fastForward(240_000);
  await codeField.fill(c1.replace(/^(\d{3})/, '$1 '));
  await confirm.click();
  await expectErrors(page, lang, [['otp-code', msg(lang, 'otp_error_otp_expired')]], 'otp, ru, expired code');
  assert.equal(await page.locator('#otp-code').count(), 1, 'an expired code leaves the entry open for a new one');

  // A new code; the tries are counted across resends: two more wrong codes lock.
  await resend.click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('qujat.sms')).data.length === 2);
  const c2 = await lastCode();
  assert.equal(await resend.getAttribute('aria-disabled'), 'true', 'a new cooldown after resending');
  await codeField.fill(wrong(c2));
  await confirm.click();
  await expectErrors(page, lang, [['otp-code', fmt(lang, 'otp_error_otp_wrong_code', { tries: 1 })]], 'otp, ru, second wrong code');
  const before = await pageNow();
  await codeField.fill(wrong(wrong(c2)));
  await confirm.click();
  const after = await pageNow();
  await page.locator('.otp .notice--error').waitFor();
  const until = [kzClock(before + 900_000), kzClock(after + 900_000)];
  const lockedText = (await page.locator('.otp .notice--error').innerText()).trim();
  assert.ok(
    until.some((t) => lockedText === fmt(lang, 'otp_locked', { time: t })),
    `locked for 15 minutes: "${lockedText}" is one of ${until.map((t) => fmt(lang, 'otp_locked', { time: t })).join(' / ')}`,
  );
  const summaryText = (await page.locator('.error-summary a').innerText()).trim();
  assert.ok(until.some((t) => summaryText === fmt(lang, 'otp_error_otp_locked', { time: t })), `the summary says locked: ${summaryText}`);
  await expectLinksResolve(page, 'otp, ru, locked');
  await expectAxeClean(page, 'sign, ru, locked');
  assert.equal(await page.locator('#otp-code').count(), 0, 'no code entry while locked');
  assert.equal(await resend.count(), 0, 'no new code while locked');

  // The lock survives a reload.
  await reloadApp(page);
  await expectH1(page, msg(lang, 'sign_title'), 'sign after reload');
  await chooseMethod(page, lang, 'sign_method_otp');
  await page.locator('.otp .notice--error').waitFor();
  assert.equal(await page.locator('#otp-code').count(), 0, 'still locked after a reload');
  await expectAxeClean(page, 'sign, ru, locked after reload');

  // 15 minutes later: a fresh code works.
  await page.clock.fastForward(15 * 60_000);
  const send = page.getByRole('button', { name: msg(lang, 'otp_send'), exact: true });
  await send.waitFor();
  await send.click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('qujat.sms')).data.length === 3);
  const c3 = await lastCode();
  await codeField.fill(c3);
  await codeField.press('Enter');

  const reference = await expectReceipt(page, lang, {
    accepted: true,
    school,
    year: String(THIS_YEAR),
    signedWith: fmt(lang, 'confirm_receipt_signed_otp', { phone: `+7 7•• ••• •• ${phoneTail}` }),
  });
  const app = (await stored(page, 'qujat.apps'))[reference];
  assert.equal(app.subject_iin, childIin, "the application is for the child's document");
  assert.equal(app.signature.method, 'otp');
  await expectInCabinet(page, lang, reference, true);
});

pageTest('the portal refuses nothing, in English: expired identity document, no mobile number, a damaged document and no question about the original', async ({ page }) => {
  const lang = 'en';
  await begin(page, lang);
  await signInErrors(page, lang);
  const person = await findPerson(page, lang, { want: ['id_expired', 'no_phone'], avoid: ['minor', 'digital_doc'] });
  await signInAs(page, lang, person);
  await startApplication(page, lang);

  await choose(page, msg(lang, 'wizard_who_myself'));
  await submitStep(page, lang, 'who');
  await atStep(page, lang, 'reason');
  await choose(page, msg(lang, 'wizard_reason_damaged'));
  await submitStep(page, lang, 'reason');
  await atStep(page, lang, 'document');
  await choose(page, msg(lang, 'wizard_document_general'));
  await submitStep(page, lang, 'document');
  await atStep(page, lang, 'school');
  await page.locator('#school').fill('Secondary School No. 7');
  await submitStep(page, lang, 'school');
  await atStep(page, lang, 'year');
  await page.locator('#year').fill('2016');
  await submitStep(page, lang, 'year');
  await atStep(page, lang, 'office');
  await page.locator('input[name=office]').last().check();
  await submitStep(page, lang, 'office');

  // On the portal the electronic application is the whole package (F001 §8,
  // RU L27): damage asks for no original, and nothing warns of a refusal.
  await atStep(page, lang, 'documents');
  assert.equal(await page.locator('input[name=original]').count(), 0, 'no question about the original on the portal');
  assert.equal(await page.getByText(msg(lang, 'wizard_original_no_warning')).count(), 0, 'no refusal warning');
  await expectAxeClean(page, 'documents, en, damaged');
  await submitStep(page, lang, 'documents');

  await atStep(page, lang, 'check');
  assert.ok(!(await page.locator('.summary__key').allTextContents()).includes(msg(lang, 'wizard_original_question')));
  await submitStep(page, lang, 'check');

  // No phone: only EDS, and the page says why.
  await atSignPage(page, lang);
  assert.match(await page.locator('main').innerText(), new RegExp(escapeRegExp(msg(lang, 'sign_otp_unavailable'))));
  assert.equal(await radio(page, msg(lang, 'sign_method_otp')).count(), 0, 'no SMS signing without a phone');
  await expectAxeClean(page, 'sign, en, no phone');
  await chooseMethod(page, lang, 'sign_method_eds');
  await createKeyOk(page, lang, 'portal key 1');
  // Signing without choosing a key.
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();
  await expectErrors(page, lang, [['key', msg(lang, 'sign_error_choose_key')]], 'sign, en, no key chosen');
  await page.locator('#key').check();
  await page.locator('#password').fill('portal key 1');
  await page.getByRole('button', { name: msg(lang, 'sign_sign_button'), exact: true }).click();

  // The expired identity document is no ground on the portal: the registry
  // identifies the applicant, and the application is accepted.
  const keys = await stored(page, 'qujat.keys');
  const reference = await expectReceipt(page, lang, {
    accepted: true,
    school: 'Secondary School No. 7',
    year: '2016',
    signedWith: fmt(lang, 'confirm_receipt_signed_eds', { serial: keys[0].certificate.serial }),
  });
  const app = (await stored(page, 'qujat.apps'))[reference];
  assert.equal(app.outcome.result, 'accepted');
  assert.equal('original' in app.answers, false, 'no original answer is stored');
  await expectInCabinet(page, lang, reference, true);
});

pageTest('a reload at every step of the wizard resumes there with every answer kept (Kazakh)', async ({ page }) => {
  const lang = 'kk';
  await begin(page, lang);
  const person = await findPerson(page, lang, { want: ['parent_of', 'digital_doc'], avoid: ['no_phone', 'id_expired', 'minor'] });
  await signInAs(page, lang, person);
  await startApplication(page, lang);

  const expected = {
    who: null,
    child_iin: null,
    reason: null,
    document: null,
    school: '',
    school_id: null,
    year: '',
    office: null,
    use_digital_document: null,
    digital_consent_confirmed: false,
  };
  /** Reloads; the same page comes back with every answer so far. */
  const reloadAt = async (slug, check) => {
    const url = page.url();
    await reloadApp(page);
    assert.equal(page.url(), url, `${slug}: a reload stays on the page`);
    await atStep(page, lang, slug, { axe: false });
    const draft = await onlyDraft(page);
    assert.deepEqual(draft.answers, expected, `${slug}: every answer is kept after a reload`);
    assert.equal(draft.step, slug, `${slug}: the draft remembers the page`);
    if (check) await check();
    await expectAxeClean(page, `wizard ${slug}, ${lang}, after reload`);
  };
  const checked = (label) => async () => assert.equal(await radio(page, label).isChecked(), true, `"${label}" is still chosen`);

  await reloadAt('who');
  await choose(page, msg(lang, 'wizard_who_parent'));
  expected.who = 'parent-of-minor';
  await reloadAt('who', checked(msg(lang, 'wizard_who_parent')));
  await submitStep(page, lang, 'who');

  await atStep(page, lang, 'child');
  await reloadAt('child');
  const child = page.locator('input[name=child]').first();
  expected.child_iin = await child.getAttribute('value');
  await child.check();
  await reloadAt('child', async () => assert.equal(await page.locator('input[name=child]').first().isChecked(), true));
  await submitStep(page, lang, 'child');

  await atStep(page, lang, 'reason');
  await choose(page, msg(lang, 'wizard_reason_damaged'));
  expected.reason = 'damaged';
  await reloadAt('reason', checked(msg(lang, 'wizard_reason_damaged')));
  await submitStep(page, lang, 'reason');

  await atStep(page, lang, 'document');
  await choose(page, msg(lang, 'wizard_document_basic'));
  expected.document = 'basic-secondary-certificate';
  await reloadAt('document', checked(msg(lang, 'wizard_document_basic')));
  await submitStep(page, lang, 'document');

  await atStep(page, lang, 'school');
  // Typed key by key, as a person does: every keystroke is saved.
  await page.locator('#school').click();
  await page.keyboard.type('№ 25 гимназия 🎓');
  expected.school = '№ 25 гимназия 🎓';
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'school', 'typing keeps focus in the field');
  await reloadAt('school', async () => assert.equal(await page.locator('#school').inputValue(), expected.school));
  await submitStep(page, lang, 'school');

  await atStep(page, lang, 'year');
  await page.locator('#year').fill('2025');
  expected.year = '2025';
  await reloadAt('year', async () => assert.equal(await page.locator('#year').inputValue(), '2025'));
  await submitStep(page, lang, 'year');

  await atStep(page, lang, 'office');
  const office = page.locator('input[name=office]').nth(1);
  expected.office = await office.getAttribute('value');
  await office.check();
  await reloadAt('office', async () => assert.equal(await page.locator('input[name=office]').nth(1).isChecked(), true));
  await submitStep(page, lang, 'office');

  await atStep(page, lang, 'documents');
  await reloadAt('documents', async () => assert.equal(await page.locator('input[name=original]').count(), 0));
  await submitStep(page, lang, 'documents');

  // The child's document: no consent question (the child has no digital document).
  await atStep(page, lang, 'check');
  await reloadAt('check', async () => {
    const values = await page.locator('.summary__value').allTextContents();
    for (const v of [msg(lang, 'wizard_who_parent'), msg(lang, 'wizard_reason_damaged'), msg(lang, 'wizard_document_basic'), expected.school, '2025']) {
      assert.ok(values.includes(v), `Check your answers shows "${v}" after a reload`);
    }
    assert.ok(values.some((v) => v.includes(expected.child_iin)));
  });

  // Resuming from the cabinet (the other bundle) returns to this page.
  await gotoApp(page, '/cabinet');
  const resume = page.getByRole('main').getByRole('link', { name: msg(lang, 'cabinet_draft_continue') });
  assert.match(await resume.getAttribute('href'), /\/apply\/S2\/[0-9a-f]+\/check$/);
  await expectAxeClean(page, 'cabinet, kk, one draft');
  await resume.click();
  await waitForBundle(page, (u) => /\/check$/.test(u.pathname));
  await atStep(page, lang, 'check', { axe: false });

  // Change "who" to myself: her own document is in the digital-documents
  // service, so a new question (consent) opens before the summary.
  await page.locator(`a[href$="/who?change=1"]`).click();
  await atStep(page, lang, 'who');
  await reloadAt('who', checked(msg(lang, 'wizard_who_parent')));
  await choose(page, msg(lang, 'wizard_who_myself'));
  expected.who = 'myself';
  expected.child_iin = null;
  await reloadAt('who', checked(msg(lang, 'wizard_who_myself')));
  assert.match(page.url(), /\?change=1$/, 'the change mode survives a reload');
  await submitStep(page, lang, 'who');

  await atStep(page, lang, 'consent');
  await reloadAt('consent');
  await expectRequired(page, lang, 'consent', 'digital', 'wizard_digital_error_missing');
  await choose(page, msg(lang, 'wizard_consent_yes'));
  expected.use_digital_document = true;
  await submitStep(page, lang, 'consent');
  await expectErrors(page, lang, [['digital', msg(lang, 'wizard_digital_error_not_confirmed')]], 'consent, kk, not confirmed');
  await page.getByRole('button', { name: msg(lang, 'otp_send'), exact: true }).click();
  await page.locator('aside.phone .phone__sms').waitFor();
  // The code entry and the SMS survive a reload.
  await reloadAt('consent', async () => {
    assert.equal(await radio(page, msg(lang, 'wizard_consent_yes')).isChecked(), true);
    await page.locator('#otp-code').waitFor();
  });
  await page.locator('#otp-code').fill(await smsCode(page));
  await page.getByRole('button', { name: msg(lang, 'otp_confirm'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: msg(lang, 'otp_verified') }).waitFor();
  expected.digital_consent_confirmed = true;
  await reloadAt('consent', async () => {
    await page.getByRole('status').filter({ hasText: msg(lang, 'otp_verified') }).waitFor();
  });
  await submitStep(page, lang, 'consent');

  await atStep(page, lang, 'check');
  await reloadAt('check', async () => {
    const values = await page.locator('.summary__value').allTextContents();
    for (const v of [msg(lang, 'wizard_who_myself'), msg(lang, 'wizard_consent_confirmed'), expected.school, '2025']) {
      assert.ok(values.includes(v), `Check your answers shows "${v}" after a reload`);
    }
  });
  await submitStep(page, lang, 'check');
  await atSignPage(page, lang);
  await reloadApp(page);
  await expectH1(page, msg(lang, 'sign_title'), 'sign after reload');
  await expectAxeClean(page, 'sign, kk, after reload');
  // The signing page's address before it had a bundle of its own (a tab
  // left open, the history) leads to it, the draft kept.
  const signing = new URL(page.url()).pathname;
  const draft = signing.split('/').pop();
  await page.goto(`/apply/S2/${draft}/sign`, { waitUntil: 'load' });
  await waitForBundle(page, signing);
  await expectH1(page, msg(lang, 'sign_title'), 'sign, from its old address');
});

/**
 * Signs in as an ordinary person and answers the first two questions:
 * myself, and a lost document (the reason chosen, not yet submitted).
 * Returns the person.
 */
async function myselfWithALostDocument(page, lang) {
  await begin(page, lang);
  const person = await findPerson(page, lang, { avoid: SPECIAL });
  await signInAs(page, lang, person);
  await startApplication(page, lang);
  await choose(page, msg(lang, 'wizard_who_myself'));
  await submitStep(page, lang, 'who');
  await atStep(page, lang, 'reason', { axe: false });
  await choose(page, msg(lang, 'wizard_reason_lost'));
  return person;
}

pageTest("a draft saved with S1's reason is asked again, with a message, not an error (Russian)", async ({ page }) => {
  const lang = 'ru';
  await myselfWithALostDocument(page, lang);
  await submitStep(page, lang, 'reason');
  await atStep(page, lang, 'document', { axe: false });
  const draft = await onlyDraft(page);

  // As an earlier release stored it: S1's "errors in filling in" (C-39).
  await page.evaluate((id) => {
    const env = JSON.parse(localStorage.getItem('qujat.drafts'));
    env.data[id].answers.reason = 'filling-errors';
    env.rev += 1;
    localStorage.setItem('qujat.drafts', JSON.stringify(env));
  }, draft.id);
  await gotoApp(page, `/apply/S2/${draft.id}/reason`);
  await atStep(page, lang, 'reason');
  const notice = page.locator('main .notice--warning');
  await notice.waitFor();
  assert.equal(
    (await notice.innerText()).trim(),
    fmt(lang, 'wizard_reason_not_for_service', { reason: msg(lang, 'wizard_reason_filling_errors') }),
    'the page says why the reason is asked again',
  );
  assert.equal(await page.locator('input[name=reason]').count(), 3, "only S2's three reasons");
  assert.equal(await page.locator('input[name=reason]:checked').count(), 0, 'nothing chosen');
  assert.equal(await page.locator('.error-summary').count(), 0, 'not an error');
  await expectAxeClean(page, 'reason asked again, ru');
  await choose(page, msg(lang, 'wizard_reason_damaged'));
  await submitStep(page, lang, 'reason');
  await atStep(page, lang, 'document', { axe: false });
  assert.equal((await onlyDraft(page)).answers.reason, 'damaged');
});

pageTest('corrupted or foreign data in storage is set aside, the user is told, and everything else loads (Russian)', async ({ page }) => {
  const lang = 'ru';
  const person = await myselfWithALostDocument(page, lang);
  const draft = await onlyDraft(page);

  // Garbage, the wrong shape, someone else's value.
  const bad = {
    'qujat.apps': '{not json',
    'qujat.otp': JSON.stringify({ v: 1, rev: 3, data: [1, 2, 3] }),
    'qujat.sms': '"<img src=x onerror=window.__pwned=1>"',
    'qujat.clock': JSON.stringify({ v: 1, rev: 1, data: 'tomorrow' }),
  };
  await page.evaluate((b) => {
    for (const [k, v] of Object.entries(b)) localStorage.setItem(k, v);
    localStorage.setItem('some.other.app', '{"x":1}');
  }, bad);

  for (const where of ['/cabinet', `/apply/S2/${draft.id}/reason`]) {
    await gotoApp(page, where);
    const notice = page.locator('main .storage-notice');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.innerText(), new RegExp(msg(lang, 'common_storage_set_aside')), `${where}: the user is told, in ${lang}`);
    await expectAxeClean(page, `${where}, ${lang}, storage notice`);
    if (where === '/cabinet') {
      // Everything else loaded: the session and the draft.
      assert.match(await page.getByRole('banner').innerText(), new RegExp(fmt(lang, 'signin_signed_in_as', { name: person.name })));
      assert.equal(await page.getByRole('main').getByRole('link', { name: msg(lang, 'cabinet_draft_continue') }).count(), 1, 'the draft still loads');
      const aside = await page.evaluate((keys) => keys.map((k) => [localStorage.getItem(k), localStorage.getItem(`qujat.quarantine.${k}`)]), Object.keys(bad));
      assert.deepEqual(aside, Object.values(bad).map((v) => [null, v]), 'each unreadable value is moved aside, unchanged');
      assert.equal(await page.evaluate(() => localStorage.getItem('some.other.app')), '{"x":1}', "another app's data is left alone");
    } else {
      await atStep(page, lang, 'reason', { axe: false });
      assert.equal(await radio(page, msg(lang, 'wizard_reason_lost')).isChecked(), true, 'the answers still load');
    }
    await expectNothingExecuted(page, where);
    await page.getByRole('button', { name: msg(lang, 'common_dismiss') }).click();
    await notice.waitFor({ state: 'detached' });
    // Set aside once: the next visit loads cleanly.
    if (where === '/cabinet') {
      await reloadApp(page);
      assert.equal(await page.locator('main .storage-notice').count(), 0, 'no notice once the data was set aside');
      await page.evaluate((b) => {
        for (const [k, v] of Object.entries(b)) localStorage.setItem(k, v);
      }, bad);
    }
  }

  // Records that decode but make no sense: an unknown child and office,
  // markup in the school, a year far ahead; and a corrupted session.
  const foreign = {
    ...draft,
    id: 'f0f0f0f0f0f0f0f0',
    answers: {
      ...draft.answers,
      who: 'parent-of-minor',
      child_iin: '000000000000',
      reason: 'lost',
      document: 'general-secondary-attestat',
      school: HOSTILE,
      year: '9999',
      office: 'nowhere',
    },
    step: 'check',
  };
  await page.evaluate((f) => {
    const env = JSON.parse(localStorage.getItem('qujat.drafts'));
    env.data[f.id] = f;
    localStorage.setItem('qujat.drafts', JSON.stringify(env));
  }, foreign);
  await gotoApp(page, `/apply/S2/${foreign.id}/check`);
  await atStep(page, lang, 'check');
  await expectNothingExecuted(page, 'foreign draft, check');
  assert.ok((await page.locator('.summary__value').allTextContents()).includes(HOSTILE));
  await submitStep(page, lang, 'check');
  await page.locator('.error-summary').waitFor();
  await expectAxeClean(page, 'foreign draft, check, errors');
  assert.match(page.url(), /\/check$/, 'an incomplete application is not sent to signing');

  await page.evaluate(() => localStorage.setItem('qujat.session', '{"v":1,"rev":1,"data":12}'));
  await gotoApp(page, '/cabinet');
  await page.locator('main .storage-notice').waitFor();
  await expectH1(page, msg(lang, 'signin_needed'), 'cabinet with a corrupted session');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.quarantine.qujat.session')), '{"v":1,"rev":1,"data":12}');
  await expectAxeClean(page, 'cabinet, ru, corrupted session');
  // Signing in again still finds the drafts.
  await page.getByRole('main').getByRole('link', { name: msg(lang, 'signin_title') }).click();
  await waitForBundle(page, '/signin');
  const again = await findPerson(page, lang, { avoid: SPECIAL });
  await again.card.getByRole('button').click();
  await waitForBundle(page, '/cabinet');
  assert.equal(await page.getByRole('main').getByRole('link', { name: msg(lang, 'cabinet_draft_continue') }).count(), 2, 'both drafts load');
  await expectAxeClean(page, 'cabinet, ru, after signing in again');
  // Deleting a draft takes its card, and the pressed button, away: focus
  // moves to the drafts' heading, and the deletion is said.
  await page.getByRole('main').getByRole('button', { name: msg(lang, 'cabinet_draft_delete') }).first().click();
  await page.getByRole('main').getByText(msg(lang, 'cabinet_draft_deleted')).waitFor();
  assert.equal(await page.getByRole('main').getByRole('link', { name: msg(lang, 'cabinet_draft_continue') }).count(), 1, 'one draft left');
  await page.waitForFunction(() => document.activeElement?.id === 'drafts-heading');

  // Drafts written by a newer release (this tab is an old one, which the
  // service worker keeps on its release): left exactly as they are, never
  // set aside; this release does not write them, and offers the newer one.
  const newer = JSON.stringify({ v: 99, rev: 7, data: { shape: 'unknown to this release' } });
  await page.evaluate((n) => localStorage.setItem('qujat.drafts', n), newer);
  await gotoApp(page, '/apply/S2');
  const notice = page.locator('main .storage-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), new RegExp(escapeRegExp(msg(lang, 'common_storage_newer'))), 'the user is told, in Russian');
  assert.doesNotMatch(await notice.innerText(), new RegExp(escapeRegExp(msg(lang, 'common_storage_set_aside'))), 'nothing was set aside');
  await expectAxeClean(page, 'apply start, ru, data from a newer release');
  await page.getByRole('button', { name: msg(lang, 'wizard_start') }).click();
  await page.waitForTimeout(300);
  assert.match(new URL(page.url()).pathname, /\/apply\/S2$/, 'no draft was started');
  const after = await page.evaluate(() => [localStorage.getItem('qujat.drafts'), Object.keys(localStorage).filter((k) => k.startsWith('qujat.quarantine.qujat.drafts'))]);
  assert.deepEqual(after, [newer, []], 'the newer release\'s drafts are untouched and not set aside');
  await notice.getByRole('button', { name: msg(lang, 'offline_update_reload') }).click();
  await waitForApp(page);
  await page.locator('main .storage-notice').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.drafts')), newer, 'a reload reads them again, still untouched');
});

pageTest('between 17:30 and 18:30 the sign page says how the two texts end the working day and from which day Qujat counts (Kazakh)', async ({ page, context }) => {
  const lang = 'kk';
  await context.clock.install({ time: new Date('2026-11-24T17:20:00+05:00') });
  await signIn(page, lang);
  await fillApplication(page, lang, { school: 'Шымкент қаласының №12 мектебі' });
  const heading = page.getByRole('heading', { name: msg(lang, 'sign_hours_title') });
  assert.equal(await heading.count(), 0, 'before 17:30: no warning');

  await context.clock.fastForward('25:00'); // about 17:46
  await heading.waitFor();
  const notice = page.locator('main .notice', { has: heading });
  const text = await notice.innerText();
  assert.ok(text.includes(msg(lang, 'sign_hours_no_region')), 'a typed school: the national clock, said');
  assert.ok(text.includes(fmt(lang, 'sign_hours_before', { cutoff: '18:00', date: '24.11.2026' })), 'before 18:00: received today');
  assert.equal(await notice.locator('.sign-hours__versions > li').count(), 2, 'both language versions, each with its basis');
  await expectAxeClean(page, 'sign page, hours warning, kk');
  // The clock ticks every second: the notice is not rebuilt with it, so a
  // legal basis opened from the keyboard stays open and keeps the focus.
  const basis = notice.locator('details.legal-basis').last();
  await basis.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1_500);
  assert.ok(await basis.evaluate((d) => d.open), 'the opened legal basis stays open while the clock ticks');
  assert.ok(await basis.locator('summary').evaluate((s) => document.activeElement === s), 'and its summary keeps the focus');

  await context.clock.fastForward('25:00'); // about 18:11
  await notice.locator('.sign-hours__count', { hasText: fmt(lang, 'sign_hours_after', { cutoff: '18:00', date: '25.11.2026' }) }).waitFor();
  await signWithOtp(page, lang);
  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  const apps = await stored(page, 'qujat.apps');
  const [app] = Object.values(apps);
  assert.equal(app.outcome.accepted_on, '2026-11-25', 'received on the day the warning said');
  // Its tracker: a typed school has no known region, so no regional steps.
  await gotoApp(page, `/cabinet/applications/${app.reference}`);
  await page.locator('main p.regional-note').waitFor();
  assert.equal(
    (await page.locator('main p.regional-note').innerText()).trim(),
    fmt(lang, 'life_regional_unknown', { act_region: 'Шығыс Қазақстан облысы' }),
    'the regulation exists for East Kazakhstan only; the region of this school is not known',
  );
  assert.equal(await page.locator('main table.targets tbody tr').count(), 1, 'the legal deadline alone');
});

pageTest('full storage: signing stops and says so in the user\'s language, the draft is kept, and after space is freed it goes through (Russian)', async ({ page, context }) => {
  const lang = 'ru';
  await context.clock.install({ time: NOW });
  await signIn(page, lang);
  await fillApplication(page, lang, { school: 'Школа № 12 города Шымкента' });
  const draftsBefore = await page.evaluate(() => localStorage.getItem('qujat.drafts'));
  assert.ok(draftsBefore, 'the draft is stored');

  await chooseMethod(page, lang, 'sign_method_otp');
  await button(page, msg(lang, 'otp_send')).click();
  await page.locator('#otp-code').waitFor();
  await page.locator('aside.phone .phone__sms').waitFor();
  await page.locator('#otp-code').fill(await smsCode(page));

  // The browser's storage fills up (another site's data, a private window).
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${n}`, chunk);
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
  assert.ok(filled > 0, 'storage is full');
  await button(page, msg(lang, 'otp_confirm')).click();
  await page.locator('main', { hasText: msg(lang, 'common_storage_not_saved') }).waitFor();
  assert.match(new URL(page.url()).pathname, SIGN_PAGE, 'still on the sign page');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.drafts')), draftsBefore, 'the draft is intact');
  assert.equal(await page.evaluate(() => localStorage.getItem('qujat.apps')), null, 'no application pretends to be stored');

  // Space is freed: the verified code, used again from the same page, files it.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
  });
  await button(page, msg(lang, 'otp_use_verified')).click();
  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  await reloadApp(page);
  const apps = await stored(page, 'qujat.apps');
  assert.equal(Object.keys(apps).length, 1, 'filed once, kept after a reload');
  const drafts = await stored(page, 'qujat.drafts');
  assert.equal(Object.keys(drafts ?? {}).length, 0, 'the draft is gone only now');
});
