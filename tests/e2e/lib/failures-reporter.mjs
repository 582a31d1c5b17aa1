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

/** A suite file's own entry (node:test reports each file as a test named by its path). */
const isSuiteEntry = (data) => data.nesting === 0 && /\.test\.mjs$/.test(data.file ?? '') && data.name === data.file;

export default async function* failures(source) {
  // A test made by a helper (lib/browser.mjs's pageTest) is reported with
  // the helper's file, not its suite's. run.mjs runs one file at a time
  // (--test-concurrency=1), so a file's tests are reported before the file
  // completes: such failures wait for the next file to complete, which is
  // theirs.
  let waiting = [];
  const where = (file) => (file ? path.relative(e2eDir, file).replace(/\.test\.mjs$/, '') : '?');
  for await (const event of source) {
    if (event.type === 'test:complete' && isSuiteEntry(event.data)) {
      for (const w of waiting) yield `${where(event.data.file)} › ${w.line}`;
      waiting = [];
      continue;
    }
    if (event.type !== 'test:fail') continue;
    const { name, file, details, todo } = event.data;
    if (details?.error?.failureType === 'subtestsFailed') continue;
    // A `todo` test's failure does not fail the run (node:test).
    if (todo !== undefined && todo !== false) continue;
    const line = `${name}\t${firstLine(details?.error)}\n`;
    if (/\.test\.mjs$/.test(file ?? '')) yield `${where(file)} › ${line}`;
    else waiting.push({ file, line });
  }
  // Never reached with run.mjs's options; said where they were made.
  for (const w of waiting) yield `${where(w.file)} › ${w.line}`;
}
