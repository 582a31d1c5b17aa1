// The State Corporation hall (issue 13 §2), /corporation/hall in the staff
// bundle: an employee hands out walk-in tickets, calls the next citizen to
// a window, finishes or marks absent; each ticket's waiting and service
// times are measured against the service's legal maximums (S1 wait 15 /
// service 20 min, S2 15/15, S3 15/15) and an overrun is marked in words
// with its legal basis; the day's dashboard counts them. Two tabs cannot
// both call on the same view of the queue. Playwright's clock drives the
// minutes. Every page state is checked with axe-core (WCAG 2.2 AA).

import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest } from './lib/browser.mjs';
import { gotoApp, reloadApp, expectH1, switchLanguage, main, radio, button, stored } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { expectErrors } from './lib/forms.mjs';
import { expectFocus } from './lib/keyboard.mjs';
import { msg, fmt } from './lib/texts.mjs';
import { NOW } from './lib/time.mjs';
import { allowDeafness, setDeaf } from './lib/flows/staff.mjs';

useBrowser();

/** NOW's hall at the first office (queue.toml order). */
const HALL_KEY = 'almaty-medeu/2026-11-24';

const kindLabel = (lang, service, purpose) =>
  fmt(lang, 'hall_kind_label', { service, purpose: msg(lang, `hall_purpose_${purpose}`) });

/** Takes a walk-in ticket for `service` and `purpose` (hand_in, collect); checks what is said. */
async function walkIn(page, lang, service, purpose, ticket) {
  await radio(page, kindLabel(lang, service, purpose)).check();
  await button(page, msg(lang, 'hall_take')).click();
  await said(page, fmt(lang, 'hall_taken', { ticket }));
}

/** Waits for the page's status region to say `text`. */
async function said(page, text) {
  await page.locator('.hall__status[role=status]').filter({ hasText: text }).waitFor({ timeout: 5_000 });
  assert.ok((await page.locator('.hall__status').innerText()).includes(text), `said: ${text}`);
}

/** Calls the next citizen to window `n`. */
async function callNext(page, lang, n) {
  await radio(page, fmt(lang, 'hall_window', { n })).check();
  await button(page, msg(lang, 'hall_call')).click();
}

/** The table row of ticket `label` (W001…). */
const row = (page, label) =>
  main(page).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

/** Waits until row `label` contains `text`, then checks it. */
async function expectRow(page, label, text, what) {
  await row(page, label).filter({ hasText: text }).waitFor({ timeout: 5_000 }).catch(() => {});
  assert.ok((await row(page, label).innerText()).includes(text), `${what}: row ${label} says ${text}`);
}

/** The dashboard's value for the message `key`. */
async function dashboard(page, lang, key) {
  const r = page.locator('.hall__dashboard .summary__row').filter({ has: page.getByText(msg(lang, key), { exact: true }) });
  return (await r.locator('dd').innerText()).trim();
}

/** Waits until the dashboard shows `want` ({ key: value }), then checks each. */
async function expectDashboard(page, lang, want, what) {
  const until = Date.now() + 5_000;
  const read = async () => {
    const got = {};
    for (const k of Object.keys(want)) got[k] = await dashboard(page, lang, `hall_${k}`);
    return got;
  };
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < until) {
    await page.waitForTimeout(100);
    got = await read();
  }
  assert.deepEqual(got, want, `${what}: the dashboard`);
}

pageTest('en: from the back office to the hall; walk-ins for S1 and S3, call next to two windows, finish one, the other absent; table, dashboard and storage follow', async ({ page }) => {
  const lang = 'en';
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/staff');
  await switchLanguage(page, lang);
  await main(page).getByRole('link', { name: msg(lang, 'hall_link'), exact: true }).click();
  await expectH1(page, msg(lang, 'hall_title'), 'the hall');
  assert.equal(new URL(page.url()).pathname, '/corporation/hall');
  await main(page).getByText(msg(lang, 'hall_none'), { exact: true }).waitFor();
  // The queue's assumptions are marked where they apply: collecting's
  // wait, the calling order, the window count, the wait's start.
  assert.ok((await main(page).locator('.notice .tag--assumption').count()) >= 4, 'four assumptions, each marked');
  assert.equal(await page.locator('input[name=window]').count(), 2, 'the first office has two windows');
  await expectAxeClean(page, 'hall, empty, en');

  // Nothing chosen: the employee is told what to choose, in the page's
  // error summary (focused, announced, linked to the question) and inline.
  await button(page, msg(lang, 'hall_take')).click();
  await expectErrors(page, lang, [['kind', msg(lang, 'hall_kind_error')]], 'hall, no service chosen, en');
  // An unknown booking: its error replaces the other. Choosing a service
  // then leaves that summary alone and focus on the radio.
  await page.getByLabel(msg(lang, 'hall_checkin_label')).fill('Q-20990101-0001');
  await button(page, msg(lang, 'hall_checkin')).click();
  await expectErrors(page, lang, [['booking', msg(lang, 'hall_checkin_unknown')]], 'hall, unknown booking, en');
  await radio(page, kindLabel(lang, 'S1', 'hand_in')).check();
  await page.waitForTimeout(100);
  const onRadio = await expectFocus(page, 'input[name=kind]', 'a service chosen after the booking error');
  assert.equal(onRadio.tag, 'input', 'focus stays on the chosen radio');
  assert.equal(await page.locator('.error-summary a[href="#booking"]').count(), 1, 'the booking error still stands');

  await walkIn(page, lang, 'S1', 'hand_in', 'W001');
  await page.clock.fastForward('01:00');
  await walkIn(page, lang, 'S3', 'hand_in', 'W002');
  assert.equal(await main(page).locator('tbody tr').count(), 2, 'two tickets');
  await expectRow(page, 'W001', msg(lang, 'hall_origin_walk_in'), 'walk-in');
  await expectRow(page, 'W001', msg(lang, 'hall_state_waiting'), 'waiting');
  await expectRow(page, 'W001', '10:00', 'arrived at 10:00');
  await expectRow(page, 'W002', '10:01', 'arrived at 10:01');
  await expectDashboard(page, lang, { served: '0', waiting: '2', in_service: '0', wait_overruns: '0' }, 'two waiting');
  await expectAxeClean(page, 'hall, two waiting, en');

  // The engine's rule: in order of arrival. Window 1 is then busy.
  await page.clock.fastForward('04:00');
  await callNext(page, lang, 1);
  await said(page, fmt(lang, 'hall_called', { ticket: 'W001', window: 1 }));
  await expectRow(page, 'W001', fmt(lang, 'hall_state_at_window', { window: 1 }), 'called');
  await expectRow(page, 'W001', fmt(lang, 'hall_minutes_of', { n: 5, max: 15 }), 'waited 5 of S1 15 minutes');
  await callNext(page, lang, 1);
  await said(page, fmt(lang, 'hall_window_busy', { window: 1, ticket: 'W001' }));
  await callNext(page, lang, 2);
  await said(page, fmt(lang, 'hall_called', { ticket: 'W002', window: 2 }));
  await expectDashboard(page, lang, { served: '0', waiting: '0', in_service: '2' }, 'two at windows');
  await expectAxeClean(page, 'hall, two called, en');

  // Choosing a service clears the summary; the walk-ins are taken.
  assert.equal(await page.locator('.error-summary').count(), 0, 'the walk-in clears the error summary');

  await page.clock.fastForward('03:00');
  await button(page, `${msg(lang, 'hall_finish')} W001`).click();
  await said(page, fmt(lang, 'hall_finished', { ticket: 'W001' }));
  // Finish removes the pressed button: focus goes to the table's heading.
  await expectFocus(page, '#hall-tickets', 'after Finish');
  await expectRow(page, 'W001', msg(lang, 'hall_state_served'), 'served');
  await expectRow(page, 'W001', fmt(lang, 'hall_minutes_of', { n: 3, max: 20 }), '3 minutes at the window, of S1 20');
  await button(page, `${msg(lang, 'hall_absent')} W002`).click();
  await said(page, fmt(lang, 'hall_marked_absent', { ticket: 'W002' }));
  await expectFocus(page, '#hall-tickets', 'after Absent');
  await expectRow(page, 'W002', msg(lang, 'hall_state_absent'), 'absent');
  assert.equal(await row(page, 'W001').getByRole('button').count(), 0, 'no action on a served ticket');
  await expectDashboard(
    page,
    lang,
    { served: '1', waiting: '0', in_service: '0', absent_count: '1', wait_overruns: '0', service_overruns: '0' },
    'the day',
  );
  await callNext(page, lang, 1);
  await said(page, msg(lang, 'hall_nobody'));
  await expectAxeClean(page, 'hall, one served, one absent, en');

  // Stored, and shown again after a reload.
  const halls = await stored(page, 'qujat.halls');
  const hall = halls[HALL_KEY];
  assert.equal(hall.rev, 6, 'two walk-ins, two calls, finish, absent');
  assert.deepEqual(hall.tickets.map((t) => [t.number, t.service, t.window, !!t.finished_at, !!t.absent]), [
    [1, 'S1', 1, true, false],
    [2, 'S3', 2, true, true],
  ]);
  await reloadApp(page);
  await expectRow(page, 'W001', msg(lang, 'hall_state_served'), 'after a reload');
  await expectRow(page, 'W002', msg(lang, 'hall_state_absent'), 'after a reload');

  // Another office has its own queue, with its own windows.
  await page.locator('input[name=office][value=astana-esil]').check();
  await main(page).getByText(msg(lang, 'hall_none'), { exact: true }).waitFor();
  assert.equal(await page.locator('input[name=window]').count(), 3, 'Astana Esil has three windows');
  await expectAxeClean(page, 'hall, another office, en');
});

pageTest('ru: a wait past the legal 15 minutes is marked in the table with its basis and counted on the dashboard; so is a service time past its maximum', async ({ page }) => {
  const lang = 'ru';
  await page.clock.install({ time: NOW });
  await gotoApp(page, '/corporation/hall');
  await switchLanguage(page, lang);
  await expectH1(page, msg(lang, 'hall_title'), 'the hall');

  // S2, to collect the result (the hand-in maximum applied, a marked reading).
  await walkIn(page, lang, 'S2', 'collect', 'W001');
  await page.clock.fastForward('10:00');
  await walkIn(page, lang, 'S1', 'hand_in', 'W002');
  await page.clock.fastForward('06:00');

  // W001 has waited 16 minutes, W002 6.
  const over = msg(lang, 'hall_over');
  await expectRow(page, 'W001', fmt(lang, 'hall_minutes_of', { n: 16, max: 15 }), 'W001 waited 16 minutes');
  await expectRow(page, 'W001', over, 'W001 over the maximum');
  assert.equal(await row(page, 'W001').locator('details.legal-basis').count(), 2, 'the legal basis and the reading for collecting');
  await row(page, 'W001').locator('details.legal-basis summary').first().click();
  await row(page, 'W001').locator('details.legal-basis q').first().waitFor();
  assert.match(await row(page, 'W001').locator('details.legal-basis q').first().innerText(), /15/, 'the quote gives the 15 minutes');
  assert.equal(await row(page, 'W001').locator('details.legal-basis summary .tag--assumption').count(), 1, 'collecting is measured by a marked reading');
  assert.equal(await row(page, 'W001').locator('.legal-basis__reading .tag--assumption').count(), 1, 'whose reasoning is read in the row, outside the disclosure');
  await expectRow(page, 'W002', fmt(lang, 'hall_minutes_of', { n: 6, max: 15 }), 'W002 waited 6 minutes');
  assert.ok(!(await row(page, 'W002').innerText()).includes(over), 'W002 is within the maximum');
  await expectDashboard(page, lang, { waiting: '2', wait_overruns: '1', service_overruns: '0' }, 'one wait over');
  await expectAxeClean(page, 'hall, a wait over the maximum, ru');

  // W001 is called (first to arrive) and kept at the window 21 minutes,
  // past S2's 15; W002 meanwhile waits past its 15 too.
  await callNext(page, lang, 1);
  await said(page, fmt(lang, 'hall_called', { ticket: 'W001', window: 1 }));
  await page.clock.fastForward('21:00');
  await expectRow(page, 'W001', fmt(lang, 'hall_minutes_of', { n: 21, max: 15 }), 'W001 21 minutes at the window');
  assert.equal(await row(page, 'W001').locator('.tag--late').count(), 2, 'both times over, each said in words');
  await expectRow(page, 'W002', over, 'W002 now over too');
  await expectDashboard(page, lang, { waiting: '1', in_service: '1', wait_overruns: '2', service_overruns: '1' }, 'two waits and a service time over');
  await button(page, `${msg(lang, 'hall_finish')} W001`).click();
  await said(page, fmt(lang, 'hall_finished', { ticket: 'W001' }));
  await expectDashboard(page, lang, { served: '1', wait_overruns: '2', service_overruns: '1' }, 'an overrun stays counted once served');
  await expectAxeClean(page, 'hall, overruns, ru');
});

pageTest('kk: two tabs of one hall: a tab that missed the other\'s call is refused and told, and nobody is called twice', async ({ page, context }) => {
  const lang = 'kk';
  await context.clock.install({ time: NOW });
  await gotoApp(page, '/corporation/hall');
  await switchLanguage(page, lang);
  await walkIn(page, lang, 'S1', 'hand_in', 'W001');
  await walkIn(page, lang, 'S3', 'hand_in', 'W002');

  // Tab B follows tab A's writes, until it is made deaf (window.__deaf).
  const other = await context.newPage();
  await allowDeafness(other);
  await gotoApp(other, '/corporation/hall');
  await expectH1(other, msg(lang, 'hall_title'), 'tab B');
  await expectRow(other, 'W002', msg(lang, 'hall_state_waiting'), 'tab B sees both tickets');
  await setDeaf(other, true);

  await callNext(page, lang, 1);
  await said(page, fmt(lang, 'hall_called', { ticket: 'W001', window: 1 }));
  await other.waitForTimeout(300);
  await expectRow(other, 'W001', msg(lang, 'hall_state_waiting'), 'tab B is stale');

  // Tab B calls on its stale view: refused, told, nothing overwritten.
  await callNext(other, lang, 2);
  await said(other, msg(lang, 'hall_changed'));
  const hall = (await stored(page, 'qujat.halls'))[HALL_KEY];
  assert.equal(hall.rev, 3, 'two walk-ins and one call');
  assert.deepEqual(hall.tickets.map((t) => t.window ?? null), [1, null], 'only W001 was called, to window 1');
  // Tab B now shows the latest queue.
  await expectRow(other, 'W001', fmt(lang, 'hall_state_at_window', { window: 1 }), 'tab B, latest');
  await expectAxeClean(other, 'hall, stale call refused, kk');

  // Called again on the latest view, the next citizen comes.
  await callNext(other, lang, 2);
  await said(other, fmt(lang, 'hall_called', { ticket: 'W002', window: 2 }));
  await setDeaf(other, false);
  await expectRow(page, 'W002', fmt(lang, 'hall_state_at_window', { window: 2 }), 'tab A follows tab B');
  await expectDashboard(page, lang, { waiting: '0', in_service: '2' }, 'tab A');
  await expectAxeClean(page, 'hall, both called, kk');
});
