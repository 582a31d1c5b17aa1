// Signing in on the portal's sign-in page (/signin) as a demo person of the
// simulated registry. People are chosen by what the page says about them
// (no phone, expired ID, digital document, parent of a minor, minor,
// liquidated college), never by name, so the suites follow the registry.

import { assert } from '../assert.mjs';
import { expectAxeClean } from '../axe.mjs';
import { gotoApp, switchLanguage, expectH1, waitForBundle } from '../app.mjs';
import { msg, fmt } from '../texts.mjs';

/** The notes that make a person a special case; without any of them: a plain adult with a phone. */
export const SPECIAL = ['no_phone', 'id_expired', 'digital_doc', 'parent_of', 'minor', 'liquidated'];

/** Opens the sign-in page in `lang` and checks it (heading, axe). */
export async function openSignIn(page, lang) {
  await gotoApp(page, '/signin');
  if (lang !== 'kk') await switchLanguage(page, lang);
  await expectH1(page, msg(lang, 'signin_title'), `sign-in, ${lang}`);
  await expectAxeClean(page, `sign-in, ${lang}`);
}

/**
 * The first demo person whose notes on the sign-in page include every
 * `want` and none of `avoid` (signin_* keys: no_phone, id_expired,
 * digital_doc, parent_of, minor, liquidated), other than the IINs in
 * `except`. Returns { card, iin, name }.
 */
export async function findPerson(page, lang, { want = [], avoid = [], except = [] }) {
  const cards = page.locator('main .card');
  await cards.first().waitFor(); // the page may still be mounting
  const n = await cards.count();
  assert.ok(n > 0, 'the sign-in page lists the demo registry');
  const seen = [];
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    const parts = (await card.locator('p.small').innerText()).split('·').map((s) => s.trim());
    const iin = /\d{12}/.exec(parts[1] || '')?.[0];
    const notes = new Set(parts.slice(2));
    const has = (k) => notes.has(msg(lang, `signin_${k}`));
    seen.push(parts.join(' · '));
    if (iin && !except.includes(iin) && want.every(has) && !avoid.some(has)) {
      return { card, iin, name: (await card.locator('h3').innerText()).trim() };
    }
  }
  assert.fail(`no demo person with ${want.join(', ') || '-'} and without ${avoid.join(', ')}; registry:\n  ${seen.join('\n  ')}`);
}

/**
 * Signs in with the card's button and lands in the cabinet (the apply
 * bundle): its heading, "signed in as" in the header, axe-clean.
 */
export async function signInAs(page, lang, person) {
  await person.card.getByRole('button', { name: fmt(lang, 'signin_sign_in_as', { name: person.name }) }).click();
  await expectSignedIn(page, lang, person);
}

/** In the cabinet after signing in as `person` ({ name }): checks it. */
export async function expectSignedIn(page, lang, person) {
  await waitForBundle(page, '/cabinet');
  await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet');
  assert.match(await page.getByRole('banner').innerText(), new RegExp(fmt(lang, 'signin_signed_in_as', { name: person.name })));
  await expectAxeClean(page, `cabinet, ${lang}, after signing in`);
}

/**
 * From anywhere: the sign-in page in `lang`, the first person that fits
 * `{ want, avoid }` (default: a plain adult with a phone), signed in.
 * Returns { iin, name }.
 */
export async function signIn(page, lang, { want = [], avoid = SPECIAL, except = [] } = {}) {
  await openSignIn(page, lang);
  const person = await findPerson(page, lang, { want, avoid, except });
  await signInAs(page, lang, person);
  return { iin: person.iin, name: person.name };
}

/** Signs in as the registry person `iin` (from anywhere), in `lang`. */
export async function signInByIin(page, lang, iin) {
  await openSignIn(page, lang);
  const card = page.locator('main .card', { hasText: iin });
  const button = card.getByRole('button');
  const name = fmt(lang, 'signin_sign_in_as', { name: '(.+)' });
  const label = await button.innerText();
  const found = new RegExp(`^${name}$`).exec(label.trim());
  assert.ok(found, `a sign-in button for ${iin}: ${label}`);
  await signInAs(page, lang, { card, name: found[1] });
}
