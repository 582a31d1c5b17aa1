// Hostile text: what a user may type must be stored and shown exactly,
// never interpreted as markup or script.

import { assert } from './assert.mjs';

/** Markup, a script, an event handler, entities, template braces, emoji, bidi controls, RTL scripts. */
export const HOSTILE =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">' +
  '<b>bold?</b> &amp; "quotes" \'apostrophes\' {{ template }} ' +
  'Гимназия № 25 🎓👩‍🎓 \u202Eevil\u202C \u200Fמכתב\u200F مدرسة';

/** No markup from user input became elements in <main>, and no script ran. */
export async function expectNothingExecuted(page, label) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    img: document.querySelectorAll('main img[src="x"]').length,
    scripts: [...document.querySelectorAll('main script')].length,
    bold: [...document.querySelectorAll('main b')].filter((b) => b.textContent === 'bold?').length,
  }));
  assert.deepEqual(found, { pwned: null, img: 0, scripts: 0, bold: 0 }, `${label}: hostile text stays text`);
}
