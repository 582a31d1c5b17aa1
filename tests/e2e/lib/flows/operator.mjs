// Operator mode (/corporation/operator): a State Corporation employee's tablet on
// a home visit. The PIN (set, unlock), a visit from the list, the
// citizen's identification and consent, the receipt; and the check that
// no personal data is in localStorage in clear.

import { assert } from '../assert.mjs';
import { expectAxeClean } from '../axe.mjs';
import { expectH1, gotoApp, h1Text, storageDump, switchLanguage } from '../app.mjs';
import { msg, fmt } from '../texts.mjs';

export const PIN = '246810';

/**
 * Fails when any trace of `who` (lib/facts.mjs registryPerson) is in
 * localStorage in clear. A package delivered by sync has left the tablet:
 * it is an application in the State Corporation's system, which in this
 * demonstration is the browser's application store (`qujat.apps`, the one
 * the back office and the cabinet read). Pass those receipt numbers as
 * `delivered`: the citizen's IIN may then appear there, in exactly those
 * records, and nowhere else; names and phone never.
 */
export async function expectNoPlaintext(page, who, label, { delivered = [] } = {}) {
  const stored = await page.evaluate(() => localStorage.getItem('qujat.operator'));
  assert.ok(stored, `${label}: operator data are stored`);
  // The store (format 2): the sealed blob and the wrong-PIN count beside it.
  const envelope = JSON.parse(stored);
  assert.equal(envelope.v, 2, `${label}: operator store format 2`);
  const record = envelope.data.sealed;
  assert.equal(record.kdf, 'pbkdf2-sha256', `${label}: sealed with PBKDF2`);
  assert.ok(record.iterations >= 100000, `${label}: a real iteration count`);
  assert.match(record.ciphertext_hex, /^[0-9a-f]{64,}$/, `${label}: ciphertext`);
  const apps = JSON.parse((await page.evaluate(() => localStorage.getItem('qujat.apps'))) ?? 'null')?.data ?? {};
  const theirs = Object.values(apps).filter((a) => a.applicant_iin === who.iin || a.subject_iin === who.iin);
  assert.deepEqual(
    theirs.map((a) => a.reference).sort(),
    [...delivered].sort(),
    `${label}: the only records of the citizen in clear are the delivered packages`,
  );
  const names = [who.kk.surname, who.ru.surname, who.en.surname, who.en.given];
  if (who.phone) names.push(who.phone, who.phone.replace(/\s/g, ''));
  const dump = await storageDump(page);
  const elsewhere = dump
    .split('\n')
    .filter((line) => !line.startsWith('qujat.apps='))
    .join('\n');
  for (const n of [who.iin, ...names]) {
    assert.ok(!elsewhere.includes(n), `${label}: localStorage does not contain ${JSON.stringify(n)} in clear`);
  }
  for (const n of names) {
    assert.ok(!dump.includes(n), `${label}: no name or phone of the citizen in clear, even delivered`);
  }
}

/** First use: the PIN screen, a too-short PIN and a mismatch refused, then the real PIN. */
/**
 * Opens operator mode on a tablet that has none yet, in `lang` (Kazakh,
 * the default, needs no switch), and sets its PIN: the visit list.
 */
export async function openOperatorMode(page, lang) {
  await gotoApp(page, '/corporation/operator');
  if (lang !== 'kk') await switchLanguage(page, lang);
  await setPin(page, lang);
}

export async function setPin(page, lang) {
  await expectH1(page, msg(lang, 'operator_setup_title'), `set-up, ${lang}`);
  await expectAxeClean(page, `PIN set-up, ${lang}`);
  const newPin = page.getByLabel(msg(lang, 'operator_new_pin_label'), { exact: true });
  const confirmPin = page.getByLabel(msg(lang, 'operator_confirm_pin_label'), { exact: true });
  const submit = page.getByRole('button', { name: msg(lang, 'operator_set_pin') });
  await newPin.fill('123');
  await confirmPin.fill('123');
  await submit.click();
  const summary = page.locator('.error-summary');
  await summary.waitFor({ state: 'visible' });
  assert.ok((await summary.innerText()).includes(msg(lang, 'operator_pin_too_short')), `short PIN refused, ${lang}`);
  await expectAxeClean(page, `PIN set-up error, ${lang}`);
  await newPin.fill(PIN);
  await confirmPin.fill('246811');
  await submit.click();
  await page.locator('.error-summary', { hasText: msg(lang, 'operator_pin_mismatch') }).waitFor();
  await confirmPin.fill(PIN);
  await submit.click();
  await expectH1(page, msg(lang, 'operator_visits_title'), `visit list, ${lang}`);
}

/** The lock screen: types `pin` and unlocks. */
export async function unlock(page, lang, pin = PIN) {
  await expectH1(page, msg(lang, 'operator_unlock_title'), `locked, ${lang}`);
  await page.getByLabel(msg(lang, 'operator_pin_label'), { exact: true }).fill(pin);
  await page.getByRole('button', { name: msg(lang, 'operator_unlock'), exact: true }).click();
}

/** Opens the visit of `who` from the list; identification comes from the registry by IIN. */
export async function openVisit(page, lang, who) {
  const name = `${who[lang].surname} ${who[lang].given}`;
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await page.locator('main#main h1', { hasText: who[lang].surname }).waitFor();
  assert.ok((await h1Text(page)).startsWith(fmt(lang, 'operator_visit_title', { name: '' }).trim()), `visit heading, ${lang}`);
  await page.locator('.operator__identity', { hasText: who.iin }).waitFor();
}

/**
 * Confirms the identity; then comes the consent step, or (`consent: false`,
 * a service whose source sets none for the case) straight the package.
 */
export async function confirmIdentity(page, lang, { consent = true } = {}) {
  await page.getByRole('button', { name: msg(lang, 'operator_identity_confirmed') }).click();
  const next = consent ? 'operator_consent_heading' : 'operator_package_heading';
  await page.getByRole('heading', { name: msg(lang, next) }).waitFor();
}

/**
 * S1 (F000 L33): the provider obtains the written consent; the operator
 * tells the citizen and records that, and no code or signature is offered.
 */
export async function consentByNotice(page, lang) {
  await page.getByText(msg(lang, 'operator_consent_notice_body')).waitFor();
  assert.equal(await page.getByRole('button', { name: msg(lang, 'operator_send_code') }).count(), 0, 'no SMS code for S1');
  assert.equal(await page.getByRole('button', { name: msg(lang, 'operator_accept_signature') }).count(), 0, 'no drawn signature for S1');
  assert.equal(await page.locator('section[aria-labelledby=step-heading] details.legal-basis').count(), 1, 'the step shows its legal basis');
  await page.getByRole('button', { name: msg(lang, 'operator_consent_notice_given') }).click();
  await page.getByRole('heading', { name: msg(lang, 'operator_package_heading') }).waitFor();
}

/** Consent by the SMS code shown on the simulated phone; a wrong code first. */
export async function consentByOtp(page, lang) {
  await page.getByRole('button', { name: msg(lang, 'operator_send_code') }).click();
  const sms = page.locator('.phone--inline .phone__sms');
  await sms.waitFor();
  const code = /(\d{3}) (\d{3})/.exec(await sms.innerText());
  assert.ok(code, `the simulated phone shows a code, ${lang}`);
  await expectAxeClean(page, `consent, code sent, ${lang}`);
  // A wrong code first: refused with the OTP message, nothing moves on.
  const wrong = code[1] + code[2] === '000000' ? '111111' : '000000';
  const field = page.getByLabel(msg(lang, 'operator_code_label'), { exact: true });
  await field.fill(wrong);
  await page.getByRole('button', { name: msg(lang, 'operator_confirm_code') }).click();
  await page.locator('.error-summary').waitFor();
  await field.fill(code[1] + code[2]);
  await page.getByRole('button', { name: msg(lang, 'operator_confirm_code') }).click();
  await page.getByRole('heading', { name: msg(lang, 'operator_package_heading') }).waitFor();
}

/** Issues the receipt (acceptance or refusal); returns its locator. */
/**
 * Ticks the package's documents as handed in: all, or the first `ticked`
 * (a number, or a function of how many are listed). Returns how many the
 * package lists, for the caller to check.
 */
export async function tickDocuments(page, ticked = (listed) => listed) {
  const boxes = page.getByRole('checkbox');
  const listed = await boxes.count();
  const n = Math.min(listed, typeof ticked === 'function' ? ticked(listed) : ticked);
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  return listed;
}

export async function issueReceipt(page, lang, kind) {
  await page.getByRole('button', { name: msg(lang, 'operator_issue_receipt') }).click();
  const title = msg(lang, kind === 'acceptance' ? 'operator_acceptance_title' : 'operator_refusal_title');
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  return page.locator('.operator__receipt');
}

export const receiptNumber = async (page) => (await page.locator('.operator__receipt dd').first().innerText()).trim();

/**
 * The identified citizen's consent is had (`consent`: by SMS code, or the
 * provider obtains it), every document is ticked, and the acceptance
 * receipt is issued: returns it and its number.
 */
export async function acceptWholePackage(page, lang, consent = consentByOtp) {
  await confirmIdentity(page, lang);
  await consent(page, lang);
  await tickDocuments(page);
  const receipt = await issueReceipt(page, lang, 'acceptance');
  return { receipt, number: await receiptNumber(page) };
}
