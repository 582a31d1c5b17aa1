// How long the apply and cabinet bundles take to show a page after a change
// of route (issue 15: each wizard step and each page within 16 ms on this
// machine, unthrottled). A citizen walks the S2 wizard (the apply bundle)
// to the sign page (the signing bundle, a page load from "Check your
// answers": not timed), then the cabinet's pages (the cabinet bundle,
// loaded by the header's link: not timed either); each change of page
// within a bundle is timed in the browser with the
// Performance API, from the click that asks for it (`qujat:ask`) to the
// moment the new page's heading is in the document (`qujat:rendered`,
// taken by a MutationObserver, so the wasm's whole render is inside),
// and kept in sessionStorage, so that a page load does not lose them.
// Prints every page's time, the median and the slowest. It asserts that
// every change of page was measured and showed the right heading; the
// times themselves are figures, not checks (the machine is shared).

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { expectH1 } from './lib/app.mjs';
import { signIn } from './lib/flows/signin.mjs';
import { fillApplication } from './lib/flows/wizard.mjs';
import { msg } from './lib/texts.mjs';

useBrowser();

/**
 * In the page: time from each click to the next new `<h1>` in main, kept
 * in sessionStorage (`qujat-test-renders`) across page loads.
 */
function timeRenders() {
  const KEY = 'qujat-test-renders';
  const kept = () => JSON.parse(sessionStorage.getItem(KEY) || '[]');
  window.__resetRenders = () => sessionStorage.setItem(KEY, '[]');
  window.__renders = () => kept();
  let asked = false;
  let shown = null;
  addEventListener('click', () => {
    performance.mark('qujat:ask');
    asked = true;
  }, true);
  new MutationObserver(() => {
    const h1 = document.querySelector('main#main h1');
    const text = h1 ? h1.textContent.trim() : null;
    if (text && text !== shown && asked) {
      performance.mark('qujat:rendered');
      const m = performance.measure(`qujat:render ${location.pathname}`, 'qujat:ask', 'qujat:rendered');
      sessionStorage.setItem(KEY, JSON.stringify([...kept(), { path: location.pathname, h1: text, ms: m.duration }]));
      asked = false;
    }
    if (text) shown = text;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

pageTest('every page of the wizard and the cabinet renders after its route change: the times, printed (English)', async ({ page, context }) => {
  const lang = 'en';
  await context.addInitScript(timeRenders);
  await context.addInitScript(() => localStorage.setItem('qujat.lang', '"en"'));
  await signIn(page, lang);
  // Only what follows is timed.
  await page.evaluate(() => window.__resetRenders());
  await fillApplication(page, lang, { school: 'School No. 12', year: '2012' });
  const wizard = await page.evaluate(() => window.__renders());
  // who, reason, document, school, year, office, documents, check (the
  // start is a page load from the cabinet's link, and signing one from
  // "Check your answers": not route changes).
  assert.deepEqual(
    wizard.map((r) => r.path.split('/').pop()),
    ['who', 'reason', 'document', 'school', 'year', 'office', 'documents', 'check'],
    `every step of the wizard was timed: ${wizard.map((r) => r.path).join(' ')}`,
  );
  // The header's link "My applications" loads the cabinet's bundle.
  const cabinetLink = () => page.getByRole('link', { name: msg(lang, 'cabinet_nav'), exact: true }).first();
  await cabinetLink().click();
  await expectH1(page, msg(lang, 'cabinet_title'), 'cabinet_title');
  await page.evaluate(() => window.__resetRenders());
  const pages = [
    ['data_cabinet_link', 'data_title'],
    ['cabinet_nav', 'cabinet_title'],
    ['cabinet_book_link', 'book_title'],
    ['cabinet_nav', 'cabinet_title'],
    ['notify_link', 'notify_title'],
    ['cabinet_nav', 'cabinet_title'],
  ];
  for (const [linkKey, h1Key] of pages) {
    // The header's or the page's link (the header holds "My applications").
    await page.getByRole('link', { name: msg(lang, linkKey), exact: true }).first().click();
    await expectH1(page, msg(lang, h1Key), h1Key);
  }
  const inCabinet = await page.evaluate(() => window.__renders());
  assert.equal(inCabinet.length, pages.length, `every change of page in the cabinet was timed: ${inCabinet.map((r) => r.path).join(' ')}`);
  assert.deepEqual(inCabinet.map((r) => r.h1), pages.map(([, h1Key]) => msg(lang, h1Key)), 'each timed page showed its own heading');
  const renders = [...wizard, ...inCabinet];
  const ms = renders.map((r) => r.ms);
  for (const r of renders) console.log(`  ${r.ms.toFixed(1).padStart(6)} ms  ${r.path}`);
  console.log(`  render after a route change (apply and cabinet bundles, ${ms.length} pages): median ${median(ms).toFixed(1)} ms, slowest ${Math.max(...ms).toFixed(1)} ms; target 16 ms`);
});
