// Hosting security (issue 12, items 11 and 13): every built page carries a
// strict Content Security Policy as a <meta> (.ci/csp.mjs), the static
// server sends the security headers a host should send (README, "Security
// and privacy"; tests/support/serve.mjs), a malformed path is 404, and the
// browser really enforces the policy: what it blocks is reported, and the
// check that every suite runs after each test (lib/browser.mjs) reports it.
// And a shared device (item 12, with item 7): sign-in returns only within
// the app, the keys page lists only the signed-in person's keys and removes
// one only when confirmed, and "sign out and remove my data" deletes what
// the browser keeps for that person alone.

import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { before, after } from 'node:test';
import { assert } from './lib/assert.mjs';
import { useBrowser, pageTest, test, baseURL } from './lib/browser.mjs';
import { gotoApp, expectH1, waitForPath } from './lib/app.mjs';
import { expectAxeClean } from './lib/axe.mjs';
import { msg } from './lib/texts.mjs';
import { SPECIAL, openSignIn, findPerson, signInAs, signIn } from './lib/flows/signin.mjs';
import { createKeyOk, keyCount, chooseMethod } from './lib/flows/sign.mjs';
import { openForm, fillForm, continueToSign } from './lib/flows/complaint.mjs';
import { startApplication } from './lib/flows/wizard.mjs';
import { expectNoCspViolations } from './lib/csp.mjs';
import { startServer, distDir } from '../support/serve.mjs';

useBrowser();

/** The policy every page must have, hashes of its inline scripts aside (the wording). */
const POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** One page of each bundle, and a deep link of each (the server's fallback). */
const PAGES = ['/', '/services/S2', '/apply/', '/apply/S2', '/sign/', '/sign/keys', '/cabinet/', '/cabinet/verify', '/staff/', '/staff/complaints', '/corporation/', '/corporation/operator'];

/** GET `path` from the static server as is (no URL normalisation): { status, headers, body }. */
function get(server, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The directives of a policy: { name: [values] }. */
function parsePolicy(text) {
  return Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

let server;
before(async () => {
  server = await startServer({ dir: distDir });
});
after(async () => {
  await server?.close();
});

test('every page carries the strict policy as a <meta>, first in <head>, with a hash for each inline script', async () => {
  for (const p of PAGES) {
    const { status, body } = await get(server, p);
    assert.equal(status, 200, `${p}: served`);
    const metas = [...body.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    assert.equal(metas.length, 1, `${p}: one policy <meta>`);
    const head = body.slice(body.indexOf('<head>'), body.indexOf('</head>'));
    const firstScriptOrLink = head.search(/<(script|link)\b/);
    assert.ok(head.indexOf(metas[0][0]) < firstScriptOrLink, `${p}: the policy comes before any script or stylesheet`);
    assert.ok(head.indexOf('<meta charset="utf-8">') < head.indexOf(metas[0][0]), `${p}: after the charset`);

    const policy = parsePolicy(metas[0][1]);
    const inline = [...body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
    assert.equal(inline.length, 1, `${p}: one inline script, trunk's loader of the wasm`);
    assert.match(inline[0][2], /await init\(/, `${p}: the inline script is trunk's loader`);
    const hashes = inline.map(([, , js]) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`);
    assert.deepEqual(
      policy,
      { ...POLICY, 'script-src': [...POLICY['script-src'], ...hashes] },
      `${p}: exactly the strict policy, with the hash of its inline script: ${metas[0][1]}`,
    );
    assert.doesNotMatch(body, /<style[\s>]|<[a-z][^>]*\sstyle=|<[a-z][^>]*\son[a-z]+=/i, `${p}: no inline style or handler`);
    assert.match(body, /<script src="\/public\/boot\.js"><\/script>/, `${p}: the start-up script is a file`);
  }
});

test('the static server sends the security headers with every response', async () => {
  const index = (await get(server, '/')).body;
  const asset = /href="(\/main-[0-9a-f]{16}\.css)"/.exec(index)?.[1];
  assert.ok(asset, 'the stylesheet is a hashed asset');
  for (const p of ['/', '/apply/S2', '/sign/keys', '/cabinet/', '/staff/', '/corporation/', asset, '/public/boot.js', '/sw.js', '/no-such-file.js']) {
    const { status, headers } = await get(server, p);
    assert.equal(status, p === '/no-such-file.js' ? 404 : 200, `${p}: status`);
    assert.equal(headers['content-security-policy'], "frame-ancestors 'none'", `${p}: no other site may frame it`);
    assert.equal(headers['x-frame-options'], 'DENY', `${p}: nor in older browsers`);
    assert.equal(headers['referrer-policy'], 'no-referrer', `${p}: no referrer leaves the app`);
    assert.equal(headers['x-content-type-options'], 'nosniff', `${p}: no type sniffing`);
    const permissions = Object.fromEntries(headers['permissions-policy'].split(/,\s*/).map((d) => d.split('=')));
    assert.equal(permissions.camera, '(self)', `${p}: the camera for the app itself (receipt checks)`);
    for (const off of ['microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'bluetooth', 'midi', 'display-capture']) {
      assert.equal(permissions[off], '()', `${p}: ${off} is off`);
    }
  }
  assert.match((await get(server, '/')).headers['content-type'], /^text\/html/);
});

test('a path that is not valid percent-encoding is 404, not 500', async () => {
  for (const p of ['/%', '/%E0%A4%A', '/%zz', '/apply/%E0%A4%A', '/staff/%', '/%C0%AF.js', '/services/%FF']) {
    const { status, body, headers } = await get(server, p);
    assert.equal(status, 404, `${p}: not found (${body.trim()})`);
    assert.equal(headers['referrer-policy'], 'no-referrer', `${p}: the 404 has the security headers too`);
  }
  // A valid encoding still works, and a page-like path still falls back.
  assert.equal((await get(server, '/services/S%32')).status, 200);
  assert.equal((await get(server, '/apply/%D0%B0')).status, 200);
});

pageTest(
  'the browser enforces the policy, the page reports each violation, and the check after every test fails on it',
  async ({ page, csp }) => {
    await gotoApp(page, '/');
    assert.equal(csp.violations.length, 0, 'the app itself violates nothing');
    const ran = await page.evaluate(() => {
      window.__inlineRan = false;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      const p = document.createElement('p');
      p.setAttribute('style', 'color: red');
      p.textContent = 'styled';
      document.querySelector('main').append(p);
      // An event-handler attribute, as hostile markup would bring.
      window.__handlerRan = false;
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__handlerRan = true');
      document.querySelector('main').append(b);
      b.click();
      b.remove();
      return { inline: window.__inlineRan, handler: window.__handlerRan, color: getComputedStyle(p).color };
    });
    assert.equal(ran.inline, false, 'the injected inline script did not run');
    assert.equal(ran.handler, false, 'the event-handler attribute did not run');
    assert.notEqual(ran.color, 'rgb(255, 0, 0)', 'the inline style was not applied');
    await csp.waitFor(3);
    await csp.settle();
    const directives = csp.violations.map((v) => v.directive).sort();
    assert.deepEqual(directives, ['script-src-attr', 'script-src-elem', 'style-src-attr'], `each violation is reported: ${JSON.stringify(csp.violations)}`);
    assert.ok(csp.violations.every((v) => v.page === `${baseURL()}/` && v.disposition === 'enforce'));
    assert.throws(() => expectNoCspViolations(csp.violations), (e) => {
      assert.match(e.message, /3 Content Security Policy violation\(s\)/);
      assert.match(e.message, /script-src-elem blocked inline/);
      assert.match(e.message, /style-src-attr blocked inline/);
      assert.match(e.message, /script-src-attr blocked inline/);
      return true;
    });
    // Provoked on purpose: the check after the test must not fail on them.
    csp.violations.length = 0;
  },
  // Chromium also logs each blocked script or style as a console error.
  { allowPageErrors: true },
);

pageTest(
  'another site cannot show the app in a frame',
  async ({ page, errors }) => {
    await page.setContent(`<iframe src="${baseURL()}/" title="framed"></iframe>`);
    // Chromium replaces a refused frame by its error page and says why.
    const until = Date.now() + 10_000;
    let url = '';
    while (Date.now() < until && !/^chrome-error:/.test(url)) {
      url = page.frames().find((f) => f !== page.mainFrame())?.url() ?? '';
      await page.waitForTimeout(100);
    }
    assert.match(url, /^chrome-error:/, `the frame shows the browser's error page, not the app (${url})`);
    assert.ok(
      errors.some((e) => /frame-ancestors/.test(e)),
      `the browser refused it for frame-ancestors: ${errors.join(' | ')}`,
    );
  },
  // Chromium logs the refusal to frame the page as a console error.
  { allowPageErrors: true },
);

pageTest('a shared device: sign-in returns only within the app; the keys page lists only my keys and removes one only when confirmed; "sign out and remove my data" deletes what the browser keeps for me alone (English)', async ({ page }) => {
  const lang = 'en';
  // Known open-redirect bypasses in ?next= all land in the cabinet, here.
  await openSignIn(page, lang);
  for (const next of ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '%20//evil.example', 'https://evil.example/apply']) {
    await gotoApp(page, `/signin?next=${next}`);
    const person = await findPerson(page, lang, { avoid: SPECIAL });
    await signInAs(page, lang, person);
    assert.equal(new URL(page.url()).origin, baseURL(), `${next}: still on this site`);
    assert.equal(new URL(page.url()).pathname, '/cabinet', `${next}: the cabinet`);
    await page.evaluate(() => localStorage.removeItem('qujat.session'));
  }

  // Two people on one browser, each with a key and a draft.
  const first = await signIn(page, lang);
  await gotoApp(page, '/sign/keys');
  await createKeyOk(page, lang, 'first-person-pw');
  await gotoApp(page, '/cabinet');
  await startApplication(page, lang, { axe: false });
  await page.evaluate(() => localStorage.removeItem('qujat.session'));
  const second = await signIn(page, lang, { except: [first.iin] });
  assert.notEqual(second.iin, first.iin);
  await gotoApp(page, '/sign/keys');
  await createKeyOk(page, lang, 'second-person-pw');
  await gotoApp(page, '/cabinet');
  await startApplication(page, lang, { axe: false });
  await gotoApp(page, '/sign/keys');
  const items = page.locator('.key-list__item');
  await items.first().waitFor();
  assert.equal(await items.count(), 1, 'only my key is listed, not the other person\'s');
  assert.match(await items.first().innerText(), new RegExp(second.iin));
  // Signing offers my key only, too (a complaint's signing step).
  await gotoApp(page, '/cabinet');
  await openForm(page, lang);
  await fillForm(page, lang, 'Keys on a shared device.');
  await continueToSign(page, lang);
  await chooseMethod(page, lang, 'sign_method_eds');
  const keyRadios = page.getByRole('group', { name: msg(lang, 'sign_key_choose') }).getByRole('radio');
  await keyRadios.first().waitFor();
  assert.equal(await keyRadios.count(), 1, 'the signer offers only my key');
  assert.match(await page.getByRole('group', { name: msg(lang, 'sign_key_choose') }).innerText(), new RegExp(second.iin));
  await gotoApp(page, '/sign/keys');
  await items.first().waitFor();

  // Remove asks first; Cancel keeps the key.
  await items.first().getByRole('button', { name: msg(lang, 'sign_remove') }).click();
  const confirm = page.getByRole('group', { name: msg(lang, 'sign_remove') });
  await confirm.getByText(msg(lang, 'sign_remove_question')).waitFor();
  await expectAxeClean(page, 'remove key, confirmation');
  await confirm.getByRole('button', { name: msg(lang, 'common_cancel') }).click();
  assert.equal(await keyCount(page), 2, 'Cancel removes nothing');
  await items.first().getByRole('button', { name: msg(lang, 'sign_remove') }).click();
  await confirm.getByRole('button', { name: msg(lang, 'sign_remove_confirm') }).click();
  await items.first().waitFor({ state: 'detached' });
  const owners = async () => page.evaluate(() => (JSON.parse(localStorage.getItem('qujat.keys')).data || []).map((k) => k.certificate.owner_iin));
  assert.deepEqual(await owners(), [first.iin], 'my key is gone; the other person\'s stays');

  // Sign out and remove my data: my drafts go, the other person's stay.
  await createKeyOk(page, lang, 'second-person-pw2');
  await page.getByRole('banner').getByRole('link', { name: msg(lang, 'signin_sign_out') }).click();
  await expectH1(page, msg(lang, 'signin_sign_out'), 'sign out');
  await page.getByText(msg(lang, 'signin_forget_kept')).waitFor();
  await expectAxeClean(page, 'sign out, what is removed and what stays');
  await page.getByRole('button', { name: msg(lang, 'signin_sign_out_forget') }).click();
  await waitForPath(page, '/');
  const left = await page.evaluate(() => ({
    session: JSON.parse(localStorage.getItem('qujat.session') || 'null')?.data ?? null,
    drafts: Object.values(JSON.parse(localStorage.getItem('qujat.drafts')).data).map((d) => d.applicant_iin),
    keys: JSON.parse(localStorage.getItem('qujat.keys')).data.map((k) => k.certificate.owner_iin),
  }));
  assert.deepEqual(left, { session: null, drafts: [first.iin], keys: [first.iin] }, 'signed out; only the other person\'s draft and key are left');
});

pageTest('without randomness nothing is made of zeros: starting an application says so and stores nothing (English)', async ({ page }) => {
  const lang = 'en';
  await signIn(page, lang);
  await gotoApp(page, '/apply/S2');
  await expectH1(page, msg(lang, 'wizard_title'), 'apply start');
  const drafts = () => page.evaluate(() => localStorage.getItem('qujat.drafts'));
  const before = await drafts();
  // The browser's random source fails (getrandom's only source in wasm).
  await page.evaluate(() => {
    window.__getRandomValues = crypto.getRandomValues;
    crypto.getRandomValues = () => {
      throw new Error('no randomness here');
    };
  });
  await page.getByRole('button', { name: msg(lang, 'wizard_start') }).click();
  await page.getByRole('alert').filter({ hasText: msg(lang, 'sign_error_random_unavailable') }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/apply/S2', 'no draft was started');
  assert.equal(await drafts(), before, 'nothing was stored');
  // axe-core needs randomness itself.
  await page.evaluate(() => {
    crypto.getRandomValues = window.__getRandomValues;
  });
  await expectAxeClean(page, 'apply start, no randomness');
});

pageTest('the passport\'s home-visit link leads to operator mode in the staff bundle', async ({ page }) => {
  await gotoApp(page, '/services/S3');
  // It is in the passport's "how to apply" section, closed until opened.
  await page.getByRole('button', { name: msg('kk', 'passport_sec_apply') }).click();
  const link = page.getByRole('link', { name: msg('kk', 'passport_operator_link') }).first();
  assert.equal(await link.getAttribute('href'), '/corporation/operator');
  await link.click();
  await expectH1(page, msg('kk', 'operator_setup_title'), 'operator mode');
});
