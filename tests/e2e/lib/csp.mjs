// Content Security Policy violations, recorded in every page of a test's
// context. The built pages carry a strict policy (a <meta> that
// .ci/csp.mjs writes at build time); a `securitypolicyviolation` event in
// any page, in any document it navigates to, is reported to the test
// through a binding and fails the test (lib/browser.mjs, pageTest).

import { assert } from './assert.mjs';

const BINDING = '__qujatCspViolation';

/** In the page, before any of its scripts: forward every violation to the test. */
function listen(binding) {
  const seen = [];
  Object.defineProperty(window, '__qujatCspViolations', { value: seen });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const v = {
        directive: e.effectiveDirective,
        violated: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
        disposition: e.disposition,
        page: location.href,
      };
      seen.push(v);
      window[binding]?.(v);
    },
    true,
  );
}

/**
 * Starts recording the violations of every page of `context` (call before
 * the first page is made). Returns { violations, settle(page) }.
 */
export async function recordCspViolations(context) {
  const violations = [];
  await context.exposeBinding(BINDING, (_source, v) => {
    violations.push(v);
  });
  await context.addInitScript(listen, BINDING);
  return {
    violations,
    /** Lets the pages' last reports arrive (one round trip to each open page). */
    async settle() {
      for (const p of context.pages()) {
        await p.evaluate(() => 0).catch(() => {});
      }
    },
    /** Waits until at least `n` violations were reported. */
    async waitFor(n = 1, timeout = 5_000) {
      const until = Date.now() + timeout;
      while (violations.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return violations;
    },
  };
}

/** Readable lines for violations. */
export function formatCspViolations(violations) {
  return violations
    .map(
      (v, i) =>
        `${i + 1}. ${v.directive} blocked ${v.blocked || '(inline)'} on ${v.page}` +
        `${v.source ? ` (${v.source}:${v.line})` : ''}${v.sample ? `: ${JSON.stringify(v.sample)}` : ''}`,
    )
    .join('\n  ');
}

/** Fails with the list when anything violated the page's Content Security Policy. */
export function expectNoCspViolations(violations) {
  if (violations.length) {
    assert.fail(`${violations.length} Content Security Policy violation(s):\n  ${formatCspViolations(violations)}`);
  }
}
