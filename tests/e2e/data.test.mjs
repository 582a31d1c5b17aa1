// My data moves with me (issue 14 §4): a citizen saves everything of theirs
// (an application, a draft, a complaint, an EDS key) to a file encrypted
// under a passphrase in one browser context, and restores it in a fresh
// one, where every record is there and verifies. A wrong passphrase and a
// truncated file are refused with their own messages and change nothing;
// a second restore adds nothing and keeps everything; a kiosk does not
// offer it. English; axe-core on every page state.

import { readFile } from 'node:fs/promises';
import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest, newContext } from './lib/browser.mjs';
import { gotoApp, expectH1, main, button, link, choose } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { expectErrors } from './lib/forms.mjs';
import { msg, fmt } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { signIn, signInByIin } from './lib/flows/signin.mjs';
import { fillApplication, startApplication, atStep, submitStep } from './lib/flows/wizard.mjs';
import { createKeyOk, signWithOtp } from './lib/flows/sign.mjs';
import { openForm, fillForm, filed, atQuestion } from './lib/flows/complaint.mjs';

useBrowser();

const PASSPHRASE = 'long enough passphrase';

/** From the cabinet to the data page. */
async function openData(page, lang) {
  await gotoApp(page, '/cabinet');
  await link(page, msg(lang, 'data_cabinet_link')).click();
  await page.waitForURL((u) => u.pathname === '/cabinet/data');
  await expectH1(page, msg(lang, 'data_title'), 'data page');
}

/** The counts of a restore's summary: [added, updated, kept, refused]. */
async function counts(page) {
  const summary = page.locator('.data-summary');
  await summary.waitFor({ timeout: 60_000 });
  return (await summary.locator('dd').allInnerTexts()).map((s) => Number(s.trim()));
}

/** Restores `file` ({ name, buffer }) with `passphrase`. */
async function restoreFile(page, lang, file, passphrase) {
  await page.locator('#restore-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
  await page.locator('#restore-passphrase').fill(passphrase);
  await button(page, msg(lang, 'data_restore_button')).click();
}

/** What this browser keeps of Qujat's records (not the session, the language or the clock). */
const records = (page) =>
  page.evaluate(() =>
    Object.fromEntries(['qujat.apps', 'qujat.drafts', 'qujat.complaints', 'qujat.keys', 'qujat.tickets'].map((k) => [k, localStorage.getItem(k)])),
  );

pageTest('English: my data saved to an encrypted file in one browser and restored in a fresh one; a wrong passphrase and a cut-off file change nothing', async ({ page, browser }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  const person = await signIn(page, lang);

  // Something of each kind: a key, a signed application, a complaint, a draft.
  await gotoApp(page, '/sign/keys');
  await createKeyOk(page, lang, 'my key password');
  await gotoApp(page, '/cabinet');
  await fillApplication(page, lang, { school: 'School No. 1' });
  await signWithOtp(page, lang);
  await page.waitForURL(/\/sign\/receipt\/S2-/, { timeout: 60_000 });
  const reference = (await page.locator('.panel__ref').innerText()).trim();
  await gotoApp(page, '/cabinet');
  await openForm(page, lang);
  await fillForm(page, lang, 'Nobody answered my application.');
  await signWithOtp(page, lang);
  const complaint = await filed(page, lang);
  await gotoApp(page, '/cabinet');
  await startApplication(page, lang, { axe: false });

  // Save: the passphrase is checked first.
  await openData(page, lang);
  assert.equal(
    (await main(page).locator('p').nth(1).innerText()).trim(),
    fmt(lang, 'data_save_holds', { apps: 1, drafts: 1, complaints: 1, tickets: 0, keys: 1 }),
    'says what the file will hold',
  );
  await expectAxeClean(page, 'data page, en');
  // The passphrase's hint is the field's own description, read with it.
  const hintIds = await page.locator('#save-passphrase').getAttribute('aria-describedby');
  const description = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.innerText.trim() ?? '').join(' '), hintIds ?? '');
  assert.ok(description.includes(msg(lang, 'data_passphrase_hint')), `the hint describes the passphrase field (${description})`);
  await button(page, msg(lang, 'data_save_button')).click();
  await expectErrors(page, lang, [['save-passphrase', msg(lang, 'data_error_passphrase_empty')]], 'save, no passphrase');
  await page.locator('#save-passphrase').fill('short');
  await page.locator('#save-confirm').fill('short');
  await button(page, msg(lang, 'data_save_button')).click();
  await expectErrors(page, lang, [['save-passphrase', msg(lang, 'data_error_passphrase_short')]], 'save, short passphrase');
  await page.locator('#save-passphrase').fill(PASSPHRASE);
  await page.locator('#save-confirm').fill(`${PASSPHRASE}!`);
  await button(page, msg(lang, 'data_save_button')).click();
  await expectErrors(page, lang, [['save-confirm', msg(lang, 'data_error_confirm')]], 'save, passphrases differ');
  await expectAxeClean(page, 'data page, en, errors');
  await page.locator('#save-confirm').fill(PASSPHRASE);
  await button(page, msg(lang, 'data_save_button')).click();
  const name = `qujat-data-${NOW.toISOString().slice(0, 10)}.json`;
  const download = main(page).getByRole('link', { name: fmt(lang, 'data_download', { name }) });
  await download.waitFor({ timeout: 60_000 });
  await expectAxeClean(page, 'data page, en, file ready');
  const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
  assert.equal(saved.suggestedFilename(), name);
  const buffer = await readFile(await saved.path());
  const text = buffer.toString('utf8');
  assert.ok(!text.includes(person.iin) && !text.includes(reference) && !text.includes('Nobody answered'), 'nothing readable in the file without the passphrase');
  const file = { name, buffer };

  // The draft moves on here after the first file: a second file has it newer.
  await gotoApp(page, '/cabinet');
  await link(page, msg(lang, 'cabinet_draft_continue')).click();
  await atStep(page, lang, 'who', { axe: false });
  await choose(page, msg(lang, 'wizard_who_myself'));
  await submitStep(page, lang, 'who');
  await atStep(page, lang, 'reason', { axe: false });
  await openData(page, lang);
  await page.locator('#save-passphrase').fill(PASSPHRASE);
  await page.locator('#save-confirm').fill(PASSPHRASE);
  await button(page, msg(lang, 'data_save_button')).click();
  await download.waitFor({ timeout: 60_000 });
  const [saved2] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const newer = { name, buffer: await readFile(await saved2.path()) };

  // A fresh browser, the same person.
  const other = await newContext(browser);
  try {
    const fresh = await other.newPage();
    await fresh.clock.install({ time: NOW });
    await signInByIin(fresh, lang, person.iin);
    await openData(fresh, lang);
    const before = await records(fresh);

    await restoreFile(fresh, lang, file, 'not the passphrase');
    await expectErrors(fresh, lang, [['restore-passphrase', msg(lang, 'data_error_wrong_passphrase')]], 'restore, wrong passphrase');
    assert.deepEqual(await records(fresh), before, 'a wrong passphrase changes nothing');
    await restoreFile(fresh, lang, { name, buffer: buffer.subarray(0, Math.floor(buffer.length / 2)) }, PASSPHRASE);
    await expectErrors(fresh, lang, [['restore-file', msg(lang, 'data_error_corrupted')]], 'restore, cut-off file');
    assert.deepEqual(await records(fresh), before, 'a cut-off file changes nothing');
    await expectAxeClean(fresh, 'data page, en, restore refused');

    await restoreFile(fresh, lang, file, PASSPHRASE);
    assert.deepEqual(await counts(fresh), [4, 0, 0, 0], 'added: the application, the draft, the complaint and the key');
    await expectAxeClean(fresh, 'data page, en, restored');

    // Everything is there, and verifies.
    await gotoApp(fresh, '/cabinet');
    await link(fresh, reference).waitFor();
    assert.ok((await main(fresh).innerText()).includes(complaint.reference), 'the complaint is listed');
    await link(fresh, reference).click();
    await fresh.waitForURL((u) => u.pathname === `/cabinet/applications/${reference}`);
    await expectH1(fresh, msg(lang, 'track_title'), 'tracker of the restored application');
    assert.equal(await fresh.locator('.integrity-failed').count(), 0, 'the restored application verifies');
    await gotoApp(fresh, '/sign/keys');
    await fresh.locator('.key-list__item').first().waitFor();
    assert.match(await fresh.locator('.key-list__item').first().innerText(), new RegExp(person.iin), 'the key is there');

    // A complaint about the restored application: it is offered among mine,
    // and choosing it fills in its service and number; another service
    // drops the number again.
    await gotoApp(fresh, '/cabinet/complaint');
    await atQuestion(fresh, lang, 'about');
    await fresh.getByRole('group', { name: msg(lang, 'complaint_form_mine_question') }).getByRole('radio', { name: reference }).check();
    await fresh.waitForFunction((r) => document.querySelector('#application-ref').value === r, reference);
    assert.equal(await fresh.locator('input[name=service][value=S2]').isChecked(), true, 'its service');
    await fresh.locator('input[name=service][value=S1]').check();
    await fresh.waitForFunction(() => document.querySelector('#application-ref').value === '');
    // Begun from the application's own link: four questions, the addressee first.
    await gotoApp(fresh, `/cabinet/complaint?app=${reference}`);
    await atQuestion(fresh, lang, 'addressee', { axe: true });
    assert.equal(
      (await fresh.locator('main p.caption').innerText()).trim(),
      fmt(lang, 'complaint_form_caption', { title: msg(lang, 'complaint_form_title'), step: fmt(lang, 'common_step_of', { n: 1, total: 4 }) }),
    );
    assert.ok((await main(fresh).innerText()).includes(reference), 'the application it is about is shown');

    // Again: nothing new, everything kept; then the newer file updates the draft only.
    await openData(fresh, lang);
    await restoreFile(fresh, lang, file, PASSPHRASE);
    assert.deepEqual(await counts(fresh), [0, 0, 4, 0], 'a second restore keeps what is here');
    await restoreFile(fresh, lang, newer, PASSPHRASE);
    await fresh.waitForFunction(() => document.querySelector('.data-summary dd')?.textContent.trim() === '0' && document.querySelectorAll('.data-summary dd')[1]?.textContent.trim() === '1');
    assert.deepEqual(await counts(fresh), [0, 1, 3, 0], 'the newer draft is taken, the rest kept');
    const drafts = await fresh.evaluate(() => Object.values(JSON.parse(localStorage.getItem('qujat.drafts')).data));
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0].answers.who, 'myself', 'the draft as it was last changed');
    // The older file again: the newer draft here is kept.
    await restoreFile(fresh, lang, file, PASSPHRASE);
    await fresh.waitForFunction(() => document.querySelectorAll('.data-summary dd')[1]?.textContent.trim() === '0');
    assert.deepEqual(await counts(fresh), [0, 0, 4, 0], 'an older file never overwrites a newer record');
    assert.equal((await fresh.evaluate(() => Object.values(JSON.parse(localStorage.getItem('qujat.drafts')).data)))[0].answers.who, 'myself');
  } finally {
    await other.close();
  }
});

pageTest('a kiosk offers no data file (English)', async ({ page, context }) => {
  const lang = 'en';
  await context.addInitScript(() => localStorage.setItem('qujat.kiosk', 'true'));
  await signIn(page, lang);
  await gotoApp(page, '/cabinet');
  assert.equal(await link(page, msg(lang, 'data_cabinet_link')).count(), 0, 'no link in the cabinet');
  await gotoApp(page, '/cabinet/data');
  await expectH1(page, msg(lang, 'data_title'), 'data page in a kiosk');
  assert.ok((await main(page).innerText()).includes(msg(lang, 'data_kiosk')));
  assert.equal(await page.locator('#save-passphrase, #restore-file').count(), 0, 'nothing to save or restore');
});
