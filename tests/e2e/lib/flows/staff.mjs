// The staff bundle's back office (/staff, /staff/applications/<ref>): the
// role switch, the actions of each role, the demo clock; the citizen's
// tracker (/cabinet/applications/<ref>) with its history and targets; the
// notifications badge; and a second tab that can be made deaf to the
// others' writes, to test actions decided on a stale view.

import { assert } from '../assert.mjs';
import { gotoApp, expectH1, radio, button, link, stored, waitForStatus } from '../app.mjs';
import { msg, fmt } from '../texts.mjs';
import { TIME, sortable } from '../time.mjs';

/** Each life-cycle transition: [its label (message key), the role that makes it]. */
export const T = {
  accept: ['life_transition_accept', 'life_role_system'],
  register: ['life_transition_register', 'life_role_clerk'],
  assign: ['life_transition_assign', 'life_role_head'],
  prepare: ['life_transition_prepare', 'life_role_executor'],
  sign: ['life_transition_sign', 'life_role_head'],
  deliver: ['life_transition_deliver_to_state_corporation', 'life_role_clerk'],
  issue: ['life_transition_issue', 'life_role_state_corporation'],
  refuse: ['life_transition_refuse', 'life_role_head'],
  hand: ['life_transition_hand_to_provider', 'life_role_system'],
};

/** The stored application `reference`. */
export const storedApp = async (page, reference) => (await stored(page, 'qujat.apps'))[reference];

// ---------------------------------------------------------------- status, history, targets

/** The status tag next to "Status" (tracker) or the applicant (desk). */
export const statusTag = async (page) => (await page.locator('main p > span.tag').first().innerText()).trim();

/** Waits until the status is the message `key`, then checks it. */
export async function waitStatus(page, lang, key, label) {
  const want = msg(lang, key);
  await page
    .waitForFunction((t) => document.querySelector('main p > span.tag')?.innerText.trim() === t, want, { timeout: 10_000 })
    .catch(() => {});
  assert.equal(await statusTag(page), want, `${label}: the status`);
}

/** The history: [[transition label, role label, note or null]]. */
export async function history(page) {
  return page.locator('main ol.events > li').evaluateAll((items) =>
    items.map((li) => {
      const strong = li.querySelector('strong').textContent.trim();
      const rest = [...li.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .replace(/·/g, '')
        .trim();
      const note = li.querySelector('.events__note');
      return [strong, rest, note ? note.textContent.trim() : null];
    }),
  );
}

/** The history is exactly `steps` (keys of T), in order, with who acted and each event's time. */
export async function expectHistory(page, lang, steps, label) {
  const want = steps.map((s) => [msg(lang, T[s][0]), msg(lang, T[s][1])]);
  await page
    .waitForFunction((n) => document.querySelectorAll('main ol.events > li').length === n, want.length, { timeout: 10_000 })
    .catch(() => {});
  const got = (await history(page)).map(([a, b]) => [a, b]);
  assert.deepEqual(got, want, `${label}: the history, in order, with who acted`);
  const times = await page.locator('main ol.events > li > time').allTextContents();
  for (const t of times) assert.match(t, TIME, `${label}: each event has its time`);
}

/** The targets table: [{ due, done, late, lateClass }], one per regulation step and the legal deadline. */
export async function targets(page) {
  return page.locator('main table.targets tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      due: r.querySelector('td:nth-of-type(2)').textContent.trim(),
      done: (() => {
        const td = r.querySelector('td:nth-of-type(3)');
        const late = td.querySelector('.tag--late')?.textContent ?? '';
        return td.textContent.replace(late, '').trim();
      })(),
      late: !!r.querySelector('.tag--late'),
      lateClass: r.classList.contains('targets__row--late'),
    })),
  );
}

// ---------------------------------------------------------------- the demo clock

/** The demo clock's "time in the app" as dd.mm.yyyy hh:mm. */
export async function appTime(page) {
  const text = await page.locator('.demo-clock').first().evaluate((el) => el.textContent);
  return /(\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})/.exec(text)?.[1];
}

/** Waits until `page`'s demo clock has reached `t` (another tab moved it; the offset arrives by a storage event). */
export async function waitTime(page, t) {
  await page.waitForFunction(
    (want) => {
      const m = /(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})/.exec(document.querySelector('.demo-clock')?.textContent || '');
      return m && Number(m[3] + m[2] + m[1] + m[4] + m[5]) >= want;
    },
    sortable(t),
    { timeout: 10_000 },
  );
}

/** Opens the demo tools (the clock's buttons) if they are closed. */
export async function openDemoTools(page) {
  const d = page.locator('details.demo-tools');
  if (!(await d.evaluate((el) => el.open))) await d.locator('summary').click();
}

// ---------------------------------------------------------------- notifications

/** The unread badge of the header's notifications link ('' when none). */
export async function badge(page) {
  const a = page.getByRole('banner').locator('a[href="/cabinet/notifications"]');
  await a.waitFor();
  return (await a.locator('.badge').count()) ? (await a.locator('.badge').innerText()).trim() : '';
}

/** Waits until the badge says `n` unread (none for 0), then checks it. */
export async function waitBadge(page, lang, n, label) {
  const want = n ? fmt(lang, 'notify_unread', { n }) : '';
  await page
    .waitForFunction(
      (w) => (document.querySelector('header a[href="/cabinet/notifications"] .badge')?.textContent.trim() ?? '') === w,
      want,
      { timeout: 10_000 },
    )
    .catch(() => {});
  assert.equal(await badge(page), want, `${label}: the notifications badge`);
}

/** From the header's notifications link to the notifications page. */
export async function openNotifications(page, lang) {
  await page.getByRole('banner').getByRole('link', { name: new RegExp(`^${msg(lang, 'notify_link')}`) }).click();
  await page.waitForURL((u) => u.pathname === '/cabinet/notifications');
  await expectH1(page, msg(lang, 'notify_title'), 'notifications');
}

// ---------------------------------------------------------------- the back office

/** The back office list, then the application `reference`'s desk. */
export async function openDesk(page, lang, reference) {
  await gotoApp(page, '/staff');
  await expectH1(page, msg(lang, 'staff_title'), 'back office');
  await link(page, reference).click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/staff/applications/${reference}`);
  await page.locator('main .caption').filter({ hasText: reference }).waitFor();
}

/** Switches the desk's role (life_role_* key) and waits for that role's actions. */
export async function setRole(page, lang, key) {
  await radio(page, msg(lang, key)).check();
  await page
    .getByRole('heading', { name: fmt(lang, 'staff_actions_heading', { role: msg(lang, key) }), exact: true })
    .waitFor();
}

/** Acts as the current role; the desk shows the new status and says it was done. */
export async function act(page, lang, step, statusKey, label) {
  await button(page, msg(lang, T[step][0])).click();
  await waitStatus(page, lang, statusKey, label);
  await waitForStatus(page, fmt(lang, 'staff_done', { what: msg(lang, T[step][0]) }), { timeout: 5_000 });
}

/** On a desk at "delivered": every role's step, in order, to issuance. */
export async function toIssuance(page, lang) {
  const steps = [
    ['life_role_clerk', 'register', 'life_status_registered'],
    ['life_role_head', 'assign', 'life_status_in_progress'],
    ['life_role_executor', 'prepare', 'life_status_in_progress'],
    ['life_role_head', 'sign', 'life_status_in_progress'],
    ['life_role_clerk', 'deliver', 'life_status_ready'],
    ['life_role_state_corporation', 'issue', 'life_status_issued'],
  ];
  for (const [role, step, status] of steps) {
    await setRole(page, lang, role);
    await act(page, lang, step, status, step);
  }
}

/** The citizen's tracker of `reference`. */
export async function openTracker(page, lang, reference) {
  await gotoApp(page, `/cabinet/applications/${reference}`);
  await expectH1(page, msg(lang, 'track_title'), 'tracker');
}

// ---------------------------------------------------------------- two tabs

/**
 * Lets the test make `page` deaf to other tabs' writes (as a tab that
 * missed their storage events): call before its first navigation, then
 * `setDeaf(page, true)`.
 */
export async function allowDeafness(page) {
  await page.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, fn, options) {
      if (type !== 'storage') return add.call(this, type, fn, options);
      return add.call(this, type, (e) => window.__deaf || (typeof fn === 'function' ? fn.call(this, e) : fn.handleEvent(e)), options);
    };
  });
}

/** Stops (true) or restarts (false) `page` hearing other tabs' writes. */
export async function setDeaf(page, deaf) {
  await page.evaluate((d) => {
    window.__deaf = d;
  }, deaf);
}
