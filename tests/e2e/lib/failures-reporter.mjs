// A node:test reporter that writes one line per failed test: the suite (its
// path under tests/e2e/ without `.test.mjs`),
// the test's name, a tab and the first line of its error (run.mjs tells a
// check by what comes before the tab). run.mjs sends it to
// target/e2e-failures.txt beside the spec reporter's full output, and
// .ci/test prints that file under its summary: a CI log that shows only its
// last lines still says which check failed.
//
// A parent test that failed only because a subtest did is left out (the
// subtest has its own line), and so is a `todo` test (it does not fail the run).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/e2e/: a suite is named by its path under it, without `.test.mjs`. */
const e2eDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The first line of the innermost message: node wraps a test's error in ERR_TEST_FAILURE. */
export function firstLine(error) {
  let e = error;
  while (e?.code === 'ERR_TEST_FAILURE' && e.cause) e = e.cause;
  const text = String(e?.message ?? e ?? 'failed').trim();
  return text.split('\n')[0].slice(0, 300);
}

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details, todo } = event.data;
    if (details?.error?.failureType === 'subtestsFailed') continue;
    // A `todo` test's failure does not fail the run (node:test).
    if (todo !== undefined && todo !== false) continue;
    const where = file ? path.relative(e2eDir, file).replace(/\.test\.mjs$/, '') : '?';
    yield `${where} › ${name}\t${firstLine(details?.error)}\n`;
  }
}
