// Accessibility on every page state: axe-core with the WCAG 2.0, 2.1 and
// 2.2 A and AA tags. Call `expectAxeClean(page, label)` after each state a
// test reaches (each page, each language, each open dialog or error state);
// any violation fails the test and is printed readably.

import { AxeBuilder } from '@axe-core/playwright';
import { assert, counts } from './assert.mjs';

/** axe-core tags: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Readable text for axe-core violations. */
export function formatViolations(violations) {
  return violations
    .map((v, i) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\n\s*/g, '\n        ');
          return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join('\n');
      return `${i + 1}. [${v.impact}] ${v.id}: ${v.help}\n   ${v.helpUrl}\n   tags: ${v.tags.join(', ')}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the page as it is now; fails with a readable list of
 * violations. `label` names the page state in the message (e.g. "home, ru").
 */
export async function expectAxeClean(page, label, { exclude = [] } = {}) {
  counts.axe++;
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const sel of exclude) builder = builder.exclude(sel);
  const results = await builder.analyze();
  const { violations } = results;
  if (violations.length) {
    const text = formatViolations(violations);
    console.error(`\naxe: ${violations.length} violation(s) on "${label}" (${page.url()}):\n${text}\n`);
    assert.fail(`axe found ${violations.length} WCAG violation(s) on "${label}":\n${text}`);
  }
  return results;
}
