// Forms as the GOV.UK pattern the app follows: after a failed submit an
// error summary takes focus, is announced, lists each problem as a link to
// its field; each field shows its message (with the hidden "Error:"
// prefix), is described by it, and each link moves focus to its field.

import { assert } from './assert.mjs';
import { expectAxeClean } from './axe.mjs';
import { msg } from './texts.mjs';

/**
 * The error summary after a failed submit: it has focus, says "There is a
 * problem" in `lang`, lists exactly `expected` ([field id, message]) as
 * links, each field shows its message (with the hidden "Error:" prefix)
 * and is described by it, the page is axe-clean, and each link moves focus
 * to its field.
 */
export async function expectErrors(page, lang, expected, label) {
  const summary = page.locator('.error-summary');
  await summary.first().waitFor({ state: 'visible' });
  assert.equal(await summary.count(), 1, `${label}: one error summary`);
  await page
    .waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, { timeout: 5_000 })
    .catch(() => {});
  const active = await page.evaluate(() => document.activeElement?.className || document.activeElement?.tagName);
  assert.match(String(active), /\berror-summary\b/, `${label}: the error summary takes focus`);
  assert.equal(await summary.getAttribute('role'), 'alert', `${label}: the summary is announced`);
  assert.equal(
    (await summary.locator('h2').innerText()).trim(),
    msg(lang, 'common_there_is_a_problem'),
    `${label}: the summary's title in ${lang}`,
  );
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.innerText.trim()]));
  assert.deepEqual(
    links,
    expected.map(([field, text]) => [`#${field}`, text]),
    `${label}: the summary links to each field with its message in ${lang}`,
  );
  for (const [field, text] of expected) {
    const inline = page.locator(`#${field}-error`);
    assert.equal(await inline.count(), 1, `${label}: #${field} has an inline message`);
    assert.equal(
      (await inline.textContent()).replace(/\s+/g, ' ').trim(),
      `${msg(lang, 'common_error_prefix')} ${text}`,
      `${label}: the inline message of #${field}`,
    );
    const describedBy = await page.evaluate((f) => {
      const el = document.getElementById(f);
      const holder = el?.closest('fieldset') || el;
      return holder?.getAttribute('aria-describedby') || '';
    }, field);
    assert.ok(describedBy.split(' ').includes(`${field}-error`), `${label}: #${field} is described by its error`);
  }
  await expectAxeClean(page, `${label}: error summary`);
  for (const [field] of expected) {
    await summary.locator(`a[href="#${field}"]`).click();
    await page.waitForFunction((f) => document.activeElement?.id === f, field, { timeout: 5_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.id), field, `${label}: the link moves focus to #${field}`);
  }
}

/** Waits until the error summary's only link says `text`, then checks it. */
export async function expectSummaryText(page, text, label, { timeout = 5_000 } = {}) {
  await page
    .waitForFunction((t) => document.querySelector('.error-summary a')?.innerText.trim() === t, text, { timeout })
    .catch(() => {});
  assert.equal((await page.locator('.error-summary a').innerText()).trim(), text, label);
}

/** Every link of an error summary leads to an element on the page. */
export async function expectLinksResolve(page, label) {
  const missing = await page.evaluate(() =>
    [...document.querySelectorAll('.error-summary a')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => !h.startsWith('#') || !document.getElementById(h.slice(1))),
  );
  assert.deepEqual(missing, [], `${label}: error summary links that lead nowhere`);
}
