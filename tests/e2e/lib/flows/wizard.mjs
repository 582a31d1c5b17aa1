// The S2 application wizard (/apply/S2/<draft>/<step>): one question per
// page, each with its heading; Continue (or "Continue to signing" on the
// check page); the error of a step answered with nothing.

import { assert } from '../assert.mjs';
import { expectAxeClean } from '../axe.mjs';
import { expectH1, waitForBundle, button, link, choose } from '../app.mjs';
import { expectErrors } from '../forms.mjs';
import { msg } from '../texts.mjs';

/** Each step's heading (message key). */
export const STEP_H1 = {
  who: 'wizard_who_question',
  child: 'wizard_child_question',
  reason: 'wizard_reason_question',
  document: 'wizard_document_question',
  school: 'wizard_school_question',
  year: 'wizard_year_question',
  office: 'wizard_office_question',
  documents: 'wizard_documents_question',
  consent: 'wizard_consent_question',
  check: 'wizard_check_title',
};

/** The one draft in storage (fails unless there is exactly one). */
export async function onlyDraft(page) {
  const drafts = await page.evaluate(() => {
    const raw = localStorage.getItem('qujat.drafts');
    return raw === null ? null : JSON.parse(raw).data;
  });
  const all = Object.values(drafts || {});
  assert.equal(all.length, 1, `one draft in storage, got ${all.length}`);
  return all[0];
}

/** From the cabinet: "new application", the start page, then the first question. */
export async function startApplication(page, lang, { axe = true } = {}) {
  await link(page, msg(lang, 'cabinet_new_application')).click();
  await waitForBundle(page, '/apply/S2');
  await expectH1(page, msg(lang, 'wizard_title'), 'apply start');
  if (axe) await expectAxeClean(page, `apply start, ${lang}`);
  await button(page, msg(lang, 'wizard_start')).click();
  await atStep(page, lang, 'who', { axe });
}

/** Waits for the wizard page `slug` and checks its heading in `lang` (and axe, unless `axe: false`). */
export async function atStep(page, lang, slug, { axe = true } = {}) {
  await page.waitForURL(new RegExp(`/apply/S2/[0-9a-f]+/${slug}(\\?.*)?$`));
  await expectH1(page, msg(lang, STEP_H1[slug]), `step ${slug}`);
  if (axe) await expectAxeClean(page, `wizard ${slug}, ${lang}`);
}

/** Continue (on the check page: continue to signing). */
export async function submitStep(page, lang, slug) {
  await button(page, msg(lang, slug === 'check' ? 'wizard_sign_continue' : 'common_continue')).click();
}

/** Continue with nothing answered: the step's own error, and the user stays on the page. */
export async function expectRequired(page, lang, slug, field, key) {
  await submitStep(page, lang, slug);
  await expectErrors(page, lang, [[field, msg(lang, key)]], `${slug}, ${lang}, nothing answered`);
  assert.match(page.url(), new RegExp(`/${slug}(\\?.*)?$`), `${slug}: an error keeps the user on the page`);
}

/**
 * A whole application for oneself, from the cabinet to the sign page:
 * each step's heading is checked; `answers` are message keys of the radios
 * (who, reason, document), the typed school and year, and the office's
 * index in the list (or 'last'). With `axe`, every step is checked with
 * axe-core too. Ends on the signing page (/sign/S2/<draft>).
 */
export async function fillApplication(
  page,
  lang,
  {
    who = 'wizard_who_myself',
    reason = 'wizard_reason_lost',
    document = 'wizard_document_general',
    school,
    schoolId = null,
    year = '2012',
    office = 0,
    original = null,
    axe = false,
  },
) {
  await startApplication(page, lang, { axe });
  const radioStep = async (slug, key) => {
    await choose(page, msg(lang, key));
    await submitStep(page, lang, slug);
  };
  await radioStep('who', who);
  await atStep(page, lang, 'reason', { axe });
  await radioStep('reason', reason);
  await atStep(page, lang, 'document', { axe });
  await radioStep('document', document);
  await atStep(page, lang, 'school', { axe });
  if (schoolId) {
    // A school of the registry: its name fills the field, and its region is known.
    await page.locator(`input[name=school_pick][value="${schoolId}"]`).check();
    await page.waitForFunction(() => document.querySelector('#school').value.length > 0);
  } else {
    await page.locator('#school').fill(school);
  }
  await submitStep(page, lang, 'school');
  await atStep(page, lang, 'year', { axe });
  await page.locator('#year').fill(year);
  await submitStep(page, lang, 'year');
  await atStep(page, lang, 'office', { axe });
  const offices = page.locator('input[name=office]');
  await (office === 'last' ? offices.last() : offices.nth(office)).check();
  await submitStep(page, lang, 'office');
  await atStep(page, lang, 'documents', { axe });
  if (original) await choose(page, msg(lang, original));
  await submitStep(page, lang, 'documents');
  await atStep(page, lang, 'check', { axe });
  await submitStep(page, lang, 'check');
  await atSignPage(page, lang);
}

/** The signing page's address: the signing bundle's (/sign/S2/<draft>). */
export const SIGN_PAGE = /^\/sign\/S2\/[0-9a-f]{16}$/;

/**
 * After "Check your answers": signing is another bundle, so its page
 * loads (the static shell gives way to the app) at /sign/S2/<draft>, with
 * its heading.
 */
export async function atSignPage(page, lang, label = 'sign') {
  await waitForBundle(page, (u) => SIGN_PAGE.test(u.pathname));
  await expectH1(page, msg(lang, 'sign_title'), label);
}

/**
 * A radio step answered the way a hurried person does: on the step `slug`
 * (heading and axe checked), Continue with nothing chosen is refused with
 * the step's own error (`wizard_<slug>_error_missing` on the field `slug`),
 * then the choice `key` and Continue.
 */
export async function answerAfterRequired(page, lang, slug, key) {
  await atStep(page, lang, slug);
  await expectRequired(page, lang, slug, slug, `wizard_${slug}_error_missing`);
  await choose(page, msg(lang, key));
  await submitStep(page, lang, slug);
}
