// The keyboard: what has focus, Tab and Shift+Tab, and the tab order.

import { assert } from './assert.mjs';

/**
 * What has focus: tag, id, class, text, href, whether it is on screen, and
 * the landmark it is in (header, main, footer, nav, aside, dialog or null);
 * for form controls their label, type, name, value and checked state; and
 * `ring`, whether it shows a focus indicator (a computed outline or
 * box-shadow: style/main.css draws focus with both).
 */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const none = { label: '', type: '', name: '', value: '', checked: false, ring: false };
    if (!el || el === document.body) {
      return { tag: 'body', id: '', className: '', text: '', href: null, onScreen: false, region: null, ...none };
    }
    const r = el.getBoundingClientRect();
    const landmark = el.closest('header, main, footer, nav, aside, [role=dialog]');
    const cs = getComputedStyle(el);
    return {
      region: landmark ? landmark.getAttribute('role') || landmark.tagName.toLowerCase() : null,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.innerText || el.textContent || '').trim().slice(0, 120),
      href: el.getAttribute('href'),
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      label: el.labels?.[0] ? el.labels[0].innerText.trim() : '',
      type: el.getAttribute('type') || '',
      name: el.getAttribute('name') || '',
      value: typeof el.value === 'string' ? el.value : '',
      checked: !!el.checked,
      ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (!!cs.boxShadow && cs.boxShadow !== 'none'),
    };
  });
}

/** A short description of focused() info for messages: tag#id[type] "text, label or value". */
export const describe = (f) =>
  `${f.tag}${f.id ? '#' + f.id : ''}${f.type ? `[${f.type}]` : ''} "${f.text || f.label || f.value}"`;

/** The id of the focused element ('' for none), e.g. after a link or a click. */
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab (or Shift+Tab) `times` times and returns what has focus. */
export async function tab(page, { times = 1, shift = false } = {}) {
  for (let i = 0; i < times; i++) await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return focused(page);
}

/**
 * Tabs forward until `matches(focusedInfo)` holds; fails after `max` presses.
 * Returns the focused element's info.
 */
export async function tabUntil(page, matches, { max = 60, what = 'the wanted element' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    if (matches(f)) return f;
    seen.push(`${f.tag}${f.id ? '#' + f.id : ''} "${f.text}"`);
  }
  assert.fail(`Tab did not reach ${what} in ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

/** The tab order of the page as a list of short descriptions (for debugging). */
export async function tabOrder(page, max = 60) {
  const out = [];
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    const d = `${f.tag}${f.id ? '#' + f.id : ''} "${f.text}"`;
    if (out[0] === d || f.tag === 'body') break;
    out.push(d);
  }
  return out;
}

/**
 * Presses `key` (e.g. 'Tab', 'ArrowDown') until `matches(focusedInfo)`
 * holds; fails after `max` presses. Returns the focused element's info.
 */
export async function pressUntil(page, key, matches, { max = 60, what = 'the wanted element' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (matches(f)) return f;
    seen.push(describe(f));
  }
  assert.fail(`${key} did not reach ${what} in ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

/**
 * Waits (up to `timeout`) until the focused element matches the CSS
 * `selector` (focus often moves a frame after a change), then returns
 * focused(page) whether or not it did, for the caller to assert on.
 */
export async function waitForFocus(page, selector, { timeout = 5_000 } = {}) {
  await page
    .waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout })
    .catch(() => {});
  return focused(page);
}

/**
 * Focus reaches the element `selector` finds (waiting, as focus often
 * moves a frame after a change); fails saying what has focus instead.
 */
export async function expectFocus(page, selector, label) {
  const f = await waitForFocus(page, selector);
  const there = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  assert.ok(there, `${label}: focus is on ${selector}, got ${describe(f)}${f.tag === 'body' ? ' (focus lost)' : ''}`);
  return f;
}
