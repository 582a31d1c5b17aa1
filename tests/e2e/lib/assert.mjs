// node:assert/strict, counted. Every assertion a suite makes goes through
// this `assert` (and every axe check through lib/axe.mjs), so that
// tests/e2e/run.mjs can print how many were executed: a refactoring that
// drops checks shows up as a lower count, not as a quieter green run.

import { appendFileSync } from 'node:fs';
import path from 'node:path';
import strict from 'node:assert/strict';

/** This process's counts (one suite file per process under node --test). */
export const counts = { assertions: 0, axe: 0 };

const countFile = process.env.QUJAT_E2E_COUNTS;
if (countFile) {
  process.on('exit', () => {
    const file = path.basename(process.argv[1] || 'suite');
    appendFileSync(countFile, `${JSON.stringify({ file, ...counts })}\n`);
  });
}

/** `assert` of node:assert/strict; each call (assert(x), assert.equal(...), ...) is counted. */
export const assert = new Proxy(strict, {
  apply(target, self, args) {
    counts.assertions++;
    return Reflect.apply(target, self, args);
  },
  get(target, prop) {
    const value = target[prop];
    if (typeof value !== 'function' || typeof prop !== 'string' || !/^[a-z]/.test(prop)) return value;
    return (...args) => {
      counts.assertions++;
      return value(...args);
    };
  },
});
