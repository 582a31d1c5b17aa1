// Signing (an application, a complaint): with an EDS key made on the
// device, or an SMS code from the simulated phone panel.

import { assert } from '../assert.mjs';
import { stored, choose, button } from '../app.mjs';
import { msg } from '../texts.mjs';

/** Chooses the signing method by its message key (sign_method_eds, sign_method_otp). */
export async function chooseMethod(page, lang, key) {
  await choose(page, msg(lang, key));
}

/** Opens "Create a demo key" and submits it (validity: a year, or already expired). */
export async function createKey(page, lang, password, { expired = false, confirm = password } = {}) {
  const details = page.locator('details.key-tools').filter({ has: page.locator('#new-password') });
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.locator('#new-password').fill(password);
  await page.locator('#confirm-password').fill(confirm);
  await choose(page, msg(lang, expired ? 'sign_create_validity_expired' : 'sign_create_validity_year'));
  await button(page, msg(lang, 'sign_create_button')).click();
}

export async function keyCount(page) {
  return (await stored(page, 'qujat.keys'))?.length ?? 0;
}

/** Creates a key and waits until it is stored and the page says so. */
export async function createKeyOk(page, lang, password, options) {
  const before = await keyCount(page);
  await createKey(page, lang, password, options);
  await page.waitForFunction(
    (n) => (JSON.parse(localStorage.getItem('qujat.keys') || '{"data":[]}').data || []).length === n,
    before + 1,
    { timeout: 60_000 },
  );
  await page.getByRole('status').filter({ hasText: msg(lang, 'sign_created') }).first().waitFor();
}

/**
 * The code the simulated phone panel shows last (six digits), which is
 * also the last SMS stored for the device.
 */
export async function smsCode(page) {
  const text = await page.locator('aside.phone .phone__sms').innerText();
  const m = /(\d{3}) (\d{3})/.exec(text);
  assert.ok(m, `the simulated phone shows a code: ${text}`);
  return m[1] + m[2];
}

/**
 * Signs with an SMS code: chooses SMS, sends a code, types the one the
 * phone panel shows (checked against the stored SMS) and confirms.
 */
export async function signWithOtp(page, lang) {
  await chooseMethod(page, lang, 'sign_method_otp');
  await button(page, msg(lang, 'otp_send')).click();
  await page.locator('#otp-code').waitFor();
  await page.locator('aside.phone .phone__sms').waitFor();
  const code = await smsCode(page);
  const sms = await stored(page, 'qujat.sms');
  assert.equal(code, sms[sms.length - 1].code, 'the phone panel shows the last SMS sent');
  await page.locator('#otp-code').fill(code);
  await button(page, msg(lang, 'otp_confirm')).click();
}
