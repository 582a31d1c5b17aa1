// Runs the Playwright suites (tests/e2e/**/*.test.mjs) with node:test against
// the release build: serves dist/ on 127.0.0.1 (a free port, SPA fallback)
// and passes the address to every suite in QUJAT_BASE_URL. Suites run one
// after another (CI has 2 cores; each suite starts its own Chromium).
//
// First it writes the texts and catalogue facts the suites check against
// (target/e2e-facts.json, from `cargo run --bin qujat-facts`; lib/facts.mjs
// reads it). At the end it prints how many assertions and axe checks ran
// (lib/assert.mjs counts them), so a change that drops checks shows, and
// writes one line per failed test to target/e2e-failures.txt
// (lib/failures-reporter.mjs), which .ci/test prints under its summary.
// A suite with a failed check runs once more, alone (below); checks that
// failed only the first time are listed in target/e2e-flaky.txt.
//
//   node tests/e2e/run.mjs                  # every suite
//   node tests/e2e/run.mjs shell            # suites whose file name contains "shell"
//   node tests/e2e/run.mjs --base-url http://127.0.0.1:8080   # against `trunk serve`
//   QUJAT_E2E_GREP='skip link' node tests/e2e/run.mjs          # tests by name
//
// Exit status: 0 when every suite passed (a suite's re-run counting as it),
// 1 when a check failed, 128 + the signal when interrupted.

import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, distDir, repoRoot } from '../support/serve.mjs';
import { FACTS_PATH } from './lib/facts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// What the previous run wrote goes first, whatever ends this one.
const FAILURES_PATH = path.join(repoRoot, 'target', 'e2e-failures.txt');
const FLAKY_PATH = path.join(repoRoot, 'target', 'e2e-flaky.txt');
rmSync(FAILURES_PATH, { force: true });
rmSync(FLAKY_PATH, { force: true });

const args = process.argv.slice(2);
let baseUrl = process.env.QUJAT_BASE_URL || '';
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-url') baseUrl = args[++i];
  else if (args[i].startsWith('--base-url=')) baseUrl = args[i].slice('--base-url='.length);
  else filters.push(args[i]);
}

const suites = readdirSync(here, { recursive: true })
  .filter((f) => f.endsWith('.test.mjs') && !f.startsWith('artifacts'))
  .filter((f) => !filters.length || filters.some((w) => f.includes(w)))
  .sort()
  .map((f) => path.join(here, f));
if (!suites.length) {
  console.error(`e2e: no suite matches ${filters.join(', ') || '*.test.mjs'}`);
  process.exit(1);
}

rmSync(path.join(here, 'artifacts'), { recursive: true, force: true });

// The facts: the native debug build (made by .ci/test's `test` stage) writes them in a second.
const facts = spawnSync('cargo', ['run', '--locked', '-q', '--bin', 'qujat-facts', '--', '--out', FACTS_PATH], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (facts.status !== 0) {
  console.error(`e2e: could not write ${FACTS_PATH} (cargo run --bin qujat-facts: ${facts.error?.message ?? `exit ${facts.status}`})`);
  process.exit(1);
}
const countFile = path.join(tmpdir(), `qujat-e2e-counts-${process.pid}.jsonl`);
rmSync(countFile, { force: true });

let server = null;
if (!baseUrl) {
  server = await startServer({ dir: distDir });
  baseUrl = server.url;
}
console.log(`e2e: ${suites.length} suite(s) against ${baseUrl}${server ? ' (dist/, SPA fallback)' : ''}`);

// A suite that fails is run once more, alone (QUJAT_E2E_RETRIES=0: never):
// the stage passes only if that run passes, and every check that failed
// once is still printed, here and under .ci/test's summary
// (target/e2e-flaky.txt), so a flaky check is seen and can be mended. A
// check that fails twice fails the stage.
const RETRIES = Number(process.env.QUJAT_E2E_RETRIES ?? 1);
/** The signal that stopped the run (Ctrl-C, the stage's time limit): no re-run then. */
let interrupted = null;

/** Runs `files` under node:test; resolves to its exit code. */
function runSuites(files) {
  const nodeArgs = [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(here, 'lib', 'failures-reporter.mjs')}`,
    `--test-reporter-destination=${FAILURES_PATH}`,
  ];
  if (process.env.QUJAT_E2E_GREP) nodeArgs.push(`--test-name-pattern=${process.env.QUJAT_E2E_GREP}`);
  const child = spawn(process.execPath, [...nodeArgs, ...files], {
    stdio: 'inherit',
    env: {
      ...process.env,
      QUJAT_BASE_URL: baseUrl,
      QUJAT_E2E_FACTS: FACTS_PATH,
      QUJAT_E2E_COUNTS: countFile,
      // Our own server serves the release: every page must carry its policy.
      ...(server ? { QUJAT_E2E_CSP: '1' } : {}),
    },
  });
  const stop = (sig) => {
    interrupted = sig;
    child.kill(sig);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) =>
    child.on('exit', (c, sig) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(c ?? (sig ? 1 : 0));
    }),
  );
}

const readLines = (file) => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

// A suite's name in the failure lines: its path under tests/e2e/, without
// `.test.mjs` (lib/failures-reporter.mjs writes the same).
const nameOf = (f) => path.relative(here, f).replace(/\.test\.mjs$/, '');
const suiteOf = (line) => suites.find((f) => line.startsWith(`${nameOf(f)} › `));
// A check is what precedes the tab; a failure of a whole file (it did not
// load, a hook or a late error) is named by the file's own path.
const check = (line) => line.split('\t')[0];
const wholeFile = (line) => check(line).endsWith('.test.mjs');

let code = await runSuites(suites);
for (let attempt = 0; code !== 0 && !interrupted && attempt < RETRIES; attempt++) {
  const failed = readLines(FAILURES_PATH);
  // Only when every failure is a check of a known suite: anything else
  // (node:test failing outside the suites) is not a suite's to retry.
  if (!failed.length || !failed.every(suiteOf)) break;
  const again = suites.filter((f) => failed.some((l) => suiteOf(l) === f));
  console.error(`e2e: ${failed.length} check(s) failed; running ${again.map(nameOf).join(', ')} once more, alone:`);
  for (const l of failed) console.error(`  ${l}`);
  code = await runSuites(again);
  if (interrupted) break;
  const second = readLines(FAILURES_PATH);
  // Flaky: failed before, passed in the re-run. A re-run whose file failed
  // as a whole says nothing of its checks.
  const still = new Set(second.map(check));
  const flaky = second.some(wholeFile) ? [] : failed.filter((l) => !still.has(check(l)));
  writeFileSync(FLAKY_PATH, flaky.map((l) => `${l}\n`).join(''), { flag: 'a' });
  if (flaky.length) console.error(`e2e: ${flaky.length} check(s) passed on the re-run: flaky (listed in ${path.relative(process.cwd(), FLAKY_PATH)})`);
}
await server?.close();
try {
  // A suite run twice counts once: its last run.
  const bySuite = new Map();
  for (const l of readLines(countFile)) {
    const row = JSON.parse(l);
    bySuite.set(row.file, row);
  }
  const rows = [...bySuite.values()];
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(`e2e: ${sum('assertions')} assertions and ${sum('axe')} axe checks ran in ${rows.length} suite file(s)`);
  console.log(`e2e: per suite (assertions/axe): ${rows.map((r) => `${r.file.replace('.test.mjs', '')} ${r.assertions}/${r.axe}`).join(', ')}`);
  rmSync(countFile, { force: true });
} catch {
  // no suite got far enough to count
}
if (code !== 0) console.error(`e2e: FAILED; screenshots and page dumps are in ${path.relative(process.cwd(), path.join(here, 'artifacts'))}/`);
if (interrupted) process.exit(128 + (interrupted === 'SIGINT' ? 2 : 15));
process.exit(code);
